import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { COMMANDS, GLOBAL_FLAGS, completionScript, type CommandSpec } from '../../src/services/completion.js';
import { CLI } from '../helpers/sandbox.js';
import { runProgram, world, type World } from './world.js';

const comp = suite<{ w: World; env: NodeJS.ProcessEnv }>('awsidc completion', {} as never);

comp.before(async (ctx) => {
  ctx.w = await world();
  // `awsidc` on PATH, as after `npm install -g`.
  const bin = join(ctx.w.box.home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'awsidc'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, 'awsidc'), 0o755);
  ctx.env = { ...ctx.w.box.env, PATH: `${bin}:${process.env.PATH}` };
});
comp.after(async (ctx) => {
  await ctx.w.close();
});

// Fills COMP_WORDS/COMP_CWORD like bash does on Tab and prints COMPREPLY, one word a line.
function bashComplete(words: string[]): string {
  const arr = words.map((x) => `'${x.replace(/'/g, `'\\''`)}'`).join(' ');
  return `source <(awsidc completion bash) || exit 9
COMP_WORDS=(${arr}); COMP_CWORD=${words.length - 1}; COMPREPLY=()
_awsidc
printf '%s\\n' "\${COMPREPLY[@]}"`;
}

comp('should load in bash and register for awsidc', async ({ env }) => {
  const r = await runProgram('bash', ['-c', 'source <(awsidc completion bash); complete -p awsidc'], env);
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout.trim(), 'complete -o default -F _awsidc awsidc');
});

const cases: Array<[string[], string[] | ((words: string[]) => void)]> = [
  [['awsidc', 'ex'], ['exec', 'export']],
  [['awsidc', 'integrations', ''], ['add', 'list', 'edit', 'remove']],
  [['awsidc', 'integrations', 'remove', ''], ['acme']],
  [['awsidc', 'exec', '--profile', 'Pay'], ['Payments-Prod.AdministratorAccess', 'Payments-Prod.ReadOnlyAccess']],
  [['awsidc', 'console', '-p', 'S'], ['Sandbox.PowerUserAccess']],
  [['awsidc', 'login', '--integration', ''], ['acme']],
  [['awsidc', 'export', '--format', ''], ['env', 'fish', 'powershell', 'json', 'dotenv']],
  [['awsidc', 'completion', ''], ['bash', 'zsh', 'fish']],
  [['awsidc', 'doctor', '--o'], ['--offline']],
  [['awsidc', 'exec', '--profile', 'Sandbox.PowerUserAccess', '--', 'sh'], (words) => assert.ok(words.includes('sh'), 'commands after --')],
  [['awsidc', 'integrations', 'add', '--st'], ['--start-url', '--style']],
];

for (const [words, want] of cases) {
  comp(`should complete "${words.join(' ')}"`, async ({ env }) => {
    const r = await runProgram('bash', ['-c', bashComplete(words)], env);
    assert.is(r.code, 0, r.stderr);
    const got = r.stdout.split('\n').filter(Boolean);
    if (typeof want === 'function') want(got);
    else assert.equal(got, want);
  });
}

comp('should answer __complete quickly and quietly', async ({ env, w }) => {
  const r = await runProgram('awsidc', ['__complete', 'profiles'], env);
  assert.is(r.code, 0);
  assert.is(r.stderr, '');
  assert.equal(r.stdout.trim().split('\n'), ['Payments-Prod.AdministratorAccess', 'Payments-Prod.ReadOnlyAccess', 'Sandbox.PowerUserAccess']);
  assert.ok(r.ms < 3000, `took ${r.ms} ms`);
  const bad = await runProgram('awsidc', ['__complete', 'nonsense'], env);
  assert.is(bad.stdout, '');
  assert.is(bad.stderr, '');
  const none = await w.run(['__complete', 'integrations'], { env: { AWSIDC_CONFIG_DIR: join(w.box.home, 'empty') } });
  assert.is(none.stdout, '');
});

comp('should print zsh and fish scripts (checked by the shells when installed)', async ({ env }) => {
  for (const shell of ['zsh', 'fish'] as const) {
    const text = completionScript(shell);
    assert.ok(text.length > 500);
    if (shell === 'zsh') assert.match(text, /compdef _awsidc awsidc/);
    else assert.match(text, /complete -c awsidc -n '__fish_seen_subcommand_from exec' -l profile -s p -x -a "\(__awsidc_words profiles\)"/);
    const have = await runProgram(shell, ['-c', 'exit 0'], env);
    if (have.code !== 0) {
      console.log(`  (skipped: ${shell} is not installed; script generated but not loaded)`);
      continue;
    }
    const r = await runProgram(shell, ['-n', '-c', text], env);
    assert.is(r.code, 0, r.stderr);
  }
});

/** The long flags `awsidc ... --help` lists, without the global ones. */
async function helpFlags(args: string[], env: NodeJS.ProcessEnv): Promise<string[]> {
  const r = await runProgram(process.execPath, [CLI, ...args, '--help'], env);
  const options = r.stdout.slice(r.stdout.indexOf('Options:'));
  const globals = new Set(GLOBAL_FLAGS.map((f) => f.name));
  return [...new Set([...options.matchAll(/^\s+(?:-\w, )?--([a-z][a-z-]*)/gm)].map((m) => m[1] as string))].filter((f) => !globals.has(f)).sort();
}

comp('should know every command and flag that --help shows (no drift)', async ({ env }) => {
  const top = await runProgram(process.execPath, [CLI, '--help'], env);
  const commands = [...top.stdout.matchAll(/^\s+awsidc ([a-z][a-z-]*)/gm)].map((m) => m[1]);
  assert.equal(commands.sort(), COMMANDS.map((c) => c.name).sort());
  const all: Array<[string[], CommandSpec]> = COMMANDS.flatMap((c) => [[[c.name], c] as [string[], CommandSpec], ...(c.subcommands ?? []).map((s) => [[c.name, s.name], s] as [string[], CommandSpec])]);
  const seen = await Promise.all(all.map(([args]) => helpFlags(args, env)));
  all.forEach(([args, spec], i) => {
    assert.equal(spec.flags.map((f) => f.name).sort(), seen[i], `flags of ${args.join(' ')}`);
  });
});

comp.run();
