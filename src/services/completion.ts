import { AwsidcError } from '../core/errors.js';
import { listIntegrations } from '../store/integrations.js';
import type { Paths } from '../store/paths.js';
import { EXPORT_FORMATS } from './export.js';
import { listProfileTargets } from './profile-resolve.js';

// Shell completion: the scripts are generated from one table of commands and flags (a test compares it with
// `--help`, so it cannot drift), and ask `awsidc __complete profiles|integrations` for the dynamic words.

/** What a flag's value completes to: profile names, integration aliases, fixed words, or anything (files). */
export type ValueKind = 'profiles' | 'integrations' | 'any' | readonly string[];

export interface FlagSpec {
  name: string;
  short?: string;
  /** Absent for boolean flags. */
  value?: ValueKind;
  /** A boolean flag that also has a --no-NAME form. */
  negatable?: boolean;
  describe: string;
}

export interface CommandSpec {
  name: string;
  describe: string;
  flags: FlagSpec[];
  subcommands?: CommandSpec[];
  /** What the first positional argument completes to. */
  positional?: ValueKind;
}

const integration: FlagSpec = { name: 'integration', short: 'i', value: 'integrations', describe: 'Integration alias' };
const profile: FlagSpec = { name: 'profile', short: 'p', value: 'profiles', describe: 'Profile name (default: AWS_PROFILE, or pick one)' };
const json: FlagSpec = { name: 'json', describe: 'Print JSON' };
const browser: FlagSpec = { name: 'browser', negatable: true, describe: 'Open a browser to log in' };
const deviceCode: FlagSpec = { name: 'use-device-code', describe: 'Sign in with a device code' };
const autoLogin: FlagSpec = { name: 'auto-login', negatable: true, describe: 'Log in when needed' };
const fields: FlagSpec[] = [
  { name: 'start-url', value: 'any', describe: 'AWS access portal URL' },
  { name: 'sso-region', value: 'any', describe: 'Region where Identity Center lives' },
  { name: 'region', value: 'any', describe: 'Default region for the profiles' },
  { name: 'endpoint-url', value: 'any', describe: 'Send OIDC and portal calls here' },
  { name: 'name-template', value: 'any', describe: 'Profile-name template' },
  { name: 'style', value: ['process', 'native'], describe: 'Profile style' },
];

/** Every command, its flags and what their values complete to. Global flags are in GLOBAL_FLAGS. */
export const COMMANDS: CommandSpec[] = [
  { name: 'init', describe: 'Add a portal, log in and write the profiles', flags: [...fields, { name: 'alias', value: 'any', describe: 'Short name for the portal' }, autoLogin, browser, deviceCode, { name: 'force', describe: 'Log in again' }] },
  { name: 'login', describe: 'Log in to a portal', flags: [integration, browser, deviceCode, { name: 'force', describe: 'Log in again' }] },
  { name: 'sync', describe: 'Update the profiles', flags: [integration, { name: 'dry-run', describe: 'Print a diff only' }, { name: 'prune', negatable: true, describe: 'Remove profiles of unassigned roles' }, { name: 'style', value: ['process', 'native'], describe: 'Profile style (remembered)' }, { name: 'name-template', value: 'any', describe: 'Profile-name template (remembered)' }, json] },
  {
    name: 'override',
    describe: 'Per-account or per-role region, name or skip',
    positional: ['set', 'unset', 'list'],
    flags: [
      integration,
      { name: 'account', value: 'any', describe: '12-digit account id' },
      { name: 'role', value: 'any', describe: 'Role (permission set) name' },
      { name: 'region', value: 'any', describe: 'Region for the profile(s)' },
      { name: 'name', value: 'any', describe: 'Profile or account name' },
      { name: 'skip', negatable: true, describe: 'Write no profile' },
      { name: 'field', value: ['region', 'name', 'skip'], describe: 'unset: only these fields' },
      json,
    ],
  },
  { name: 'list', describe: 'List the profiles', flags: [integration, json] },
  { name: 'logout', describe: 'Sign out', flags: [integration, { name: 'all', describe: 'Every integration' }] },
  {
    name: 'integrations',
    describe: 'Add, list, edit or remove portals',
    flags: [],
    subcommands: [
      { name: 'add', describe: 'Add a portal', flags: [...fields, { name: 'alias', value: 'any', describe: 'Short name for the portal' }, autoLogin, { name: 'login', describe: 'Log in and sync now' }, browser, deviceCode] },
      { name: 'list', describe: 'List the portals', flags: [json] },
      { name: 'edit', describe: 'Change a portal', positional: 'integrations', flags: [...fields, autoLogin] },
      { name: 'remove', describe: 'Remove a portal and its profiles', positional: 'integrations', flags: [{ name: 'yes', short: 'y', describe: 'Do not ask' }] },
    ],
  },
  { name: 'exec', describe: 'Run a command with role credentials', flags: [profile] },
  { name: 'export', describe: 'Print role credentials for eval', flags: [profile, { name: 'format', short: 'f', value: EXPORT_FORMATS, describe: 'Output format' }] },
  {
    name: 'console',
    describe: 'Open the AWS console',
    flags: [profile, { name: 'print', describe: 'Print the link instead of opening it' }, { name: 'destination', value: 'any', describe: 'Console page to open' }, { name: 'federation-url', value: 'any', describe: 'Federation endpoint' }],
  },
  { name: 'doctor', describe: 'Check the setup', flags: [json, { name: 'fix', describe: 'Apply the fixes without asking' }, { name: 'offline', describe: 'Skip the network check' }] },
  { name: 'completion', describe: 'Print a shell completion script', flags: [], positional: ['bash', 'zsh', 'fish'] },
  {
    name: 'credentials',
    describe: 'credential_process output',
    flags: [{ name: 'integration', value: 'integrations', describe: 'Integration alias' }, { name: 'account-id', value: 'any', describe: 'Account id' }, { name: 'role-name', value: 'any', describe: 'Role name' }, { name: 'auto-login', describe: 'One browser sign-in when needed' }],
  },
  {
    name: 'emulator',
    describe: 'Run the local emulator',
    flags: [
      ...['port', 'org', 'accounts', 'roles', 'approve-after', 'throttle-rps', 'latency-ms', 'retry-after', 'device-interval', 'token-ttl', 'role-ttl'].map((n): FlagSpec => ({ name: n, value: 'any', describe: n.replace(/-/g, ' ') })),
      { name: 'auto-approve', describe: 'Approve browser logins without a click' },
    ],
  },
];

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'quiet', short: 'q', describe: 'Only errors and results' },
  { name: 'verbose', short: 'v', describe: 'Explain each step' },
  { name: 'color', negatable: true, describe: 'Colour output' },
  { name: 'help', short: 'h', describe: 'Show help' },
  { name: 'version', describe: 'Show the version' },
];

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The words `awsidc __complete KIND` prints, one a line. Reads only local files; never the network. */
export function completionWords(kind: string, paths: Paths, env: NodeJS.ProcessEnv): string[] {
  if (kind === 'profiles') return listProfileTargets({ paths, env }).map((p) => p.name);
  if (kind === 'integrations') return listIntegrations(paths.configDir).map((i) => i.alias);
  throw new AwsidcError('USAGE', `unknown completion kind "${kind}"`, { hint: 'use profiles or integrations' });
}

function flagWords(flags: readonly FlagSpec[]): string[] {
  return flags.flatMap((f) => [`--${f.name}`, ...(f.negatable ? [`--no-${f.name}`] : []), ...(f.short ? [`-${f.short}`] : [])]);
}

function valueFlags(cmds: readonly CommandSpec[]): FlagSpec[] {
  const all = cmds.flatMap((c) => [...c.flags, ...valueFlags(c.subcommands ?? [])]);
  return all.filter((f) => f.value !== undefined);
}

/** Shell words a ValueKind completes to, as a shell expression (`$(…)` for the dynamic ones). */
function bashValues(v: ValueKind): string | undefined {
  if (v === 'profiles' || v === 'integrations') return `$(__awsidc_words ${v})`;
  if (v === 'any') return undefined;
  return v.join(' ');
}

function bashScript(): string {
  const valued = [...new Set(valueFlags(COMMANDS).flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]))];
  const byValue = new Map<string, string[]>();
  for (const f of valueFlags(COMMANDS)) {
    const words = bashValues(f.value as ValueKind);
    if (words === undefined) continue;
    const pats = byValue.get(words) ?? [];
    for (const p of [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]) if (!pats.includes(p)) pats.push(p);
    byValue.set(words, pats);
  }
  const flagCase = (cmds: readonly CommandSpec[], prefix = ''): string[] =>
    cmds.flatMap((c) => [
      `    "${prefix}${c.name}") flags="${flagWords([...c.flags, ...GLOBAL_FLAGS]).join(' ')}" ;;`,
      ...flagCase(c.subcommands ?? [], `${c.name} `),
    ]);
  const positional = (cmds: readonly CommandSpec[], prefix = ''): string[] =>
    cmds.flatMap((c) => [
      ...(c.subcommands ? [`    "${prefix}${c.name}") words="${c.subcommands.map((s) => s.name).join(' ')}" ;;`] : c.positional ? [`    "${prefix}${c.name}") words="${bashValues(c.positional) ?? ''}" ;;`] : []),
      ...positional(c.subcommands ?? [], `${c.name} `),
    ]);
  return `# awsidc completion for bash. Load it with:  source <(awsidc completion bash)
# or save it:  awsidc completion bash > ~/.local/share/bash-completion/completions/awsidc
__awsidc_words() {
  local prog=\${COMP_WORDS[0]}
  [[ $prog == "~/"* ]] && prog="$HOME/\${prog#\\~/}"
  "$prog" __complete "$1" 2>/dev/null
}
_awsidc() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local cmdpath="" npos=0 i w skip=0 flags="" words=""
  local valued=" ${valued.join(' ')} "
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    if ((skip)); then skip=0; continue; fi
    if [[ $w == -- ]]; then
      # exec -- CMD ARGS: the first word is a command, the rest are files.
      ((COMP_CWORD == i + 1)) && COMPREPLY=($(compgen -c -- "$cur"))
      return 0
    fi
    if [[ $w == -* ]]; then
      [[ $w != *=* && $valued == *" $w "* ]] && skip=1
      continue
    fi
    if [[ -z $cmdpath ]]; then cmdpath=$w; continue; fi
    if [[ $cmdpath == integrations ]]; then cmdpath="$cmdpath $w"; continue; fi
    npos=$((npos + 1))
  done
  case $prev in
${[...byValue].map(([words, pats]) => `    ${pats.join('|')}) COMPREPLY=($(compgen -W "${words}" -- "$cur")); return 0 ;;`).join('\n')}
  esac
  [[ $valued == *" $prev "* ]] && return 0
  if [[ $cur == -* ]]; then
    case $cmdpath in
${flagCase(COMMANDS).join('\n')}
    *) flags="${flagWords(GLOBAL_FLAGS).join(' ')}" ;;
    esac
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
    return 0
  fi
  if [[ -z $cmdpath ]]; then
    COMPREPLY=($(compgen -W "${COMMANDS.map((c) => c.name).join(' ')}" -- "$cur"))
    return 0
  fi
  ((npos > 0)) && return 0
  case $cmdpath in
${positional(COMMANDS).join('\n')}
  esac
  [[ -n $words ]] && COMPREPLY=($(compgen -W "$words" -- "$cur"))
  return 0
}
complete -o default -F _awsidc awsidc
`;
}

function zshValues(v: ValueKind): string {
  if (v === 'profiles' || v === 'integrations') return `compadd -- \${(f)"$(__awsidc_words ${v})"}`;
  if (v === 'any') return '_files';
  return `compadd -- ${v.join(' ')}`;
}

function zshScript(): string {
  const valued = [...new Set(valueFlags(COMMANDS).flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]))];
  const byValue = new Map<string, string[]>();
  for (const f of valueFlags(COMMANDS)) {
    const action = zshValues(f.value as ValueKind);
    const pats = byValue.get(action) ?? [];
    for (const p of [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]) if (!pats.includes(p)) pats.push(p);
    byValue.set(action, pats);
  }
  const flagCase = (cmds: readonly CommandSpec[], prefix = ''): string[] =>
    cmds.flatMap((c) => [`    "${prefix}${c.name}") compadd -- ${flagWords([...c.flags, ...GLOBAL_FLAGS]).join(' ')} ;;`, ...flagCase(c.subcommands ?? [], `${c.name} `)]);
  const positional = (cmds: readonly CommandSpec[], prefix = ''): string[] =>
    cmds.flatMap((c) => [
      ...(c.subcommands ? [`    "${prefix}${c.name}") compadd -- ${c.subcommands.map((s) => s.name).join(' ')} ;;`] : c.positional ? [`    "${prefix}${c.name}") ${zshValues(c.positional)} ;;`] : []),
      ...positional(c.subcommands ?? [], `${c.name} `),
    ]);
  return `#compdef awsidc
# awsidc completion for zsh. Load it with:  source <(awsidc completion zsh)
# (needs compinit: add \`autoload -U compinit; compinit\` to ~/.zshrc first)
__awsidc_words() {
  \${words[1]/#\\~/$HOME} __complete "$1" 2>/dev/null
}
_awsidc() {
  local cur=\${words[CURRENT]} prev=\${words[CURRENT-1]}
  local cmdpath="" w i skip=0 npos=0
  local valued=" ${valued.join(' ')} "
  for ((i = 2; i < CURRENT; i++)); do
    w=\${words[i]}
    if ((skip)); then skip=0; continue; fi
    if [[ $w == -- ]]; then
      ((CURRENT == i + 1)) && _command_names -e || _files
      return
    fi
    if [[ $w == -* ]]; then
      [[ $w != *=* && $valued == *" $w "* ]] && skip=1
      continue
    fi
    if [[ -z $cmdpath ]]; then cmdpath=$w; continue; fi
    if [[ $cmdpath == integrations ]]; then cmdpath="$cmdpath $w"; continue; fi
    npos=$((npos + 1))
  done
  case $prev in
${[...byValue].map(([action, pats]) => `    ${pats.join('|')}) ${action}; return ;;`).join('\n')}
  esac
  if [[ $cur == -* ]]; then
    case $cmdpath in
${flagCase(COMMANDS).join('\n')}
    *) compadd -- ${flagWords(GLOBAL_FLAGS).join(' ')} ;;
    esac
    return
  fi
  if [[ -z $cmdpath ]]; then
    compadd -- ${COMMANDS.map((c) => c.name).join(' ')}
    return
  fi
  ((npos > 0)) && { _files; return; }
  case $cmdpath in
${positional(COMMANDS).join('\n')}
    *) _files ;;
  esac
}
if (( $+functions[compdef] )); then compdef _awsidc awsidc; fi
`;
}

function fishQuote(s: string): string {
  return `'${s.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

function fishScript(): string {
  const top = COMMANDS.map((c) => c.name).join(' ');
  const out: string[] = [
    '# awsidc completion for fish. Load it with:  awsidc completion fish | source',
    '# or save it:  awsidc completion fish > ~/.config/fish/completions/awsidc.fish',
    'function __awsidc_words',
    '    set -l prog (commandline -opc)[1]',
    '    $prog __complete $argv 2>/dev/null',
    'end',
    'complete -c awsidc -f',
    ...GLOBAL_FLAGS.map((f) => `complete -c awsidc -l ${f.name}${f.short ? ` -s ${f.short}` : ''} -d ${fishQuote(f.describe)}`),
    ...COMMANDS.map((c) => `complete -c awsidc -n "not __fish_seen_subcommand_from ${top}" -a ${c.name} -d ${fishQuote(c.describe)}`),
  ];
  const value = (v: ValueKind | undefined): string => {
    if (v === undefined) return '';
    if (v === 'profiles' || v === 'integrations') return ` -x -a "(__awsidc_words ${v})"`;
    if (v === 'any') return ' -r -F';
    return ` -x -a ${fishQuote(v.join(' '))}`;
  };
  const flagLines = (cond: string, flags: readonly FlagSpec[]): string[] =>
    flags.flatMap((f) => [
      `complete -c awsidc -n ${fishQuote(cond)} -l ${f.name}${f.short ? ` -s ${f.short}` : ''}${value(f.value)} -d ${fishQuote(f.describe)}`,
      ...(f.negatable ? [`complete -c awsidc -n ${fishQuote(cond)} -l no-${f.name} -d ${fishQuote(`Do not: ${f.describe.toLowerCase()}`)}`] : []),
    ]);
  for (const c of COMMANDS) {
    const seen = `__fish_seen_subcommand_from ${c.name}`;
    out.push(...flagLines(seen, c.flags));
    if (c.subcommands) {
      const subs = c.subcommands.map((s) => s.name).join(' ');
      out.push(...c.subcommands.map((s) => `complete -c awsidc -n ${fishQuote(`${seen}; and not __fish_seen_subcommand_from ${subs}`)} -a ${s.name} -d ${fishQuote(s.describe)}`));
      for (const s of c.subcommands) {
        const cond = `${seen}; and __fish_seen_subcommand_from ${s.name}`;
        out.push(...flagLines(cond, s.flags));
        if (s.positional) out.push(`complete -c awsidc -n ${fishQuote(cond)}${value(s.positional)}`);
      }
    } else if (c.positional) {
      out.push(`complete -c awsidc -n ${fishQuote(seen)}${value(c.positional)}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The completion script for a shell. */
export function completionScript(shell: Shell): string {
  switch (shell) {
    case 'bash':
      return bashScript();
    case 'zsh':
      return zshScript();
    case 'fish':
      return fishScript();
  }
}
