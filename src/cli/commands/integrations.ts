import type { Argv, CommandModule } from 'yargs';
import { AwsidcError } from '../../core/errors.js';
import { formatDuration } from '../../core/expiry.js';
import { suggestAlias, validateAlias, validateRegion, validateStartUrl } from '../../core/validate.js';
import { addIntegration, describeIntegrations, editIntegration, removeIntegration, type IntegrationFields, type IntegrationSummary } from '../../services/integrations.js';
import { login } from '../../services/login.js';
import { loadIntegration } from '../../store/integrations.js';
import { context, type GlobalArgs } from '../context.js';
import { chooseFlow, currentHost } from '../../services/choose-flow.js';
import { loginOptions } from './login.js';
import { terminalLoginUi } from '../login-ui.js';
import { table, type Output } from '../output.js';
import { ask, confirm, interactive } from '../prompt.js';
import { reportSync, syncWithProgress, throwIfIncomplete } from './sync.js';

interface FieldArgs extends GlobalArgs {
  'start-url'?: string;
  'sso-region'?: string;
  region?: string;
  'endpoint-url'?: string;
  'name-template'?: string;
  style?: 'process' | 'native';
  'auto-login'?: boolean;
}

interface AddArgs extends FieldArgs {
  alias?: string;
  login?: boolean;
  browser: boolean;
  'use-device-code'?: boolean;
}

interface AliasArgs extends FieldArgs {
  alias: string;
  yes?: boolean;
  json?: boolean;
}

function fieldOptions<T>(y: Argv<T>) {
  return y
    .option('start-url', { type: 'string', describe: 'AWS access portal URL, e.g. https://d-1234567890.awsapps.com/start' })
    .option('sso-region', { type: 'string', describe: 'Region where Identity Center lives (where you log in)' })
    .option('region', { type: 'string', describe: 'Default region for the generated profiles' })
    .option('endpoint-url', { type: 'string', describe: 'Send OIDC and portal calls here (the emulator, a proxy); "" removes it' })
    .option('name-template', { type: 'string', describe: 'Profile-name template, e.g. "{{accountName}}.{{roleName}}"; "" restores the default' })
    .option('style', { choices: ['process', 'native'] as const, describe: 'process: credential_process profiles; native: sso_session profiles' })
    .option('auto-login', { type: 'boolean', describe: 'Let exec, export and console start a login when the session has ended' });
}

function fieldsFrom(argv: FieldArgs): IntegrationFields {
  const f: IntegrationFields = {};
  if (argv['start-url'] !== undefined) f.startUrl = argv['start-url'];
  if (argv['sso-region'] !== undefined) f.ssoRegion = argv['sso-region'];
  if (argv.region !== undefined) f.region = argv.region;
  if (argv['endpoint-url'] !== undefined) f.endpointUrl = argv['endpoint-url'] === '' ? null : argv['endpoint-url'];
  if (argv['name-template'] !== undefined) f.nameTemplate = argv['name-template'] === '' ? null : argv['name-template'];
  if (argv.style !== undefined) f.style = argv.style;
  if (argv['auto-login'] !== undefined) f.autoLogin = argv['auto-login'];
  return f;
}

const addCommand: CommandModule<GlobalArgs, AddArgs> = {
  command: 'add',
  describe: 'Add an Identity Center portal (no login unless --login)',
  builder: (y) =>
    fieldOptions(y)
      .option('alias', { type: 'string', describe: 'Short name for this portal (default: from the start URL)' })
      .option('login', { type: 'boolean', describe: 'Log in and write the profiles now (what `init` does)' })
      .options(loginOptions)
      .example('$0 integrations add --start-url https://d-1234567890.awsapps.com/start --sso-region us-east-1 --alias acme', ''),
  handler: async (argv) => {
    const { out, paths } = context(argv);
    const startUrl = argv['start-url'] ?? (await ask('AWS access portal URL', { flag: '--start-url URL', validate: validateStartUrl }));
    const ssoRegion = argv['sso-region'] ?? (await ask('Identity Center region (where you log in)', { flag: '--sso-region REGION', validate: (v) => validateRegion(v, '--sso-region') }));
    const alias =
      argv.alias ??
      (interactive() ? await ask('Alias for this portal', { flag: '--alias NAME', default: suggestAlias(startUrl), validate: validateAlias }) : suggestAlias(startUrl));
    const integ = addIntegration(paths, alias, { ...fieldsFrom(argv), startUrl, ssoRegion });
    out.success(`added integration "${integ.alias}" (${integ.startUrl}, SSO region ${integ.ssoRegion}, profiles in ${integ.region})`);
    if (!argv.login) {
      out.info(`next: \`awsidc login --integration ${integ.alias}\` then \`awsidc sync --integration ${integ.alias}\``);
      return;
    }
    const choice = chooseFlow(currentHost(), { useDeviceCode: argv['use-device-code'], browser: argv.browser });
    const r = await login(integ, paths, terminalLoginUi(out), { choice, log: (l) => out.info(l) });
    if (r.loggedIn) out.success(`logged in to "${integ.alias}"`);
    const sync = await syncWithProgress(out, integ, paths);
    reportSync(out, integ, sync);
    throwIfIncomplete([{ integration: integ.alias, ...sync }]);
  },
};

function sessionText(s: IntegrationSummary, now: number): string {
  if (s.session === 'valid') return `logged in, expires in ${formatDuration((s.expiresAt ?? now) - now)}${s.refreshable ? ' (refreshable)' : ''}`;
  if (s.session === 'expired') return s.refreshable ? 'expired (refreshes on use)' : 'expired';
  return 'not logged in';
}

const listCommand: CommandModule<GlobalArgs, GlobalArgs & { json?: boolean }> = {
  command: 'list',
  aliases: ['ls'],
  describe: 'List the portals with their session state and profile count',
  builder: (y) => y.option('json', { type: 'boolean', describe: 'Print JSON' }),
  handler: (argv) => {
    const { out, paths } = context(argv);
    const now = Date.now();
    const rows = describeIntegrations(paths, now);
    if (argv.json) return out.json(rows.map((r) => ({ ...r, ...(r.expiresAt !== undefined ? { expiresAt: new Date(r.expiresAt).toISOString() } : {}) })));
    if (rows.length === 0) return out.info('no integrations yet; run `awsidc init` or `awsidc integrations add`');
    out.result(
      table(
        rows.map((r) => [r.alias, r.startUrl, r.ssoRegion, sessionText(r, now), r.profiles === undefined ? 'not synced' : String(r.profiles)]),
        ['ALIAS', 'START URL', 'SSO REGION', 'SESSION', 'PROFILES'],
      ),
    );
  },
};

async function askFields(out: Output, alias: string, paths: ReturnType<typeof context>['paths']): Promise<IntegrationFields> {
  const cur = loadIntegration(paths.configDir, alias);
  out.info(`editing "${alias}"; press Enter to keep a value`);
  const f: IntegrationFields = {};
  const startUrl = await ask('AWS access portal URL', { flag: '--start-url', default: cur.startUrl, validate: validateStartUrl });
  if (startUrl !== cur.startUrl) f.startUrl = startUrl;
  const ssoRegion = await ask('Identity Center region', { flag: '--sso-region', default: cur.ssoRegion, validate: (v) => validateRegion(v, '--sso-region') });
  if (ssoRegion !== cur.ssoRegion) f.ssoRegion = ssoRegion;
  const region = await ask('Default region for profiles', { flag: '--region', default: cur.region, validate: (v) => validateRegion(v, '--region') });
  if (region !== cur.region) f.region = region;
  return f;
}

const editCommand: CommandModule<GlobalArgs, AliasArgs> = {
  command: 'edit <alias>',
  describe: 'Change a portal\'s settings (then run `awsidc sync`)',
  builder: (y) => fieldOptions(y.positional('alias', { type: 'string', describe: 'Integration alias', demandOption: true })),
  handler: async (argv) => {
    const { out, paths } = context(argv);
    let fields = fieldsFrom(argv);
    if (Object.keys(fields).length === 0) {
      if (!interactive()) {
        throw new AwsidcError('USAGE', 'nothing to change', { hint: 'pass the fields to change, e.g. --region eu-west-1 (see `awsidc integrations edit --help`)' });
      }
      fields = await askFields(out, argv.alias, paths);
    }
    const r = editIntegration(paths, argv.alias, fields);
    if (r.changed.length === 0) return out.info(`"${argv.alias}" already has those settings`);
    out.success(`updated ${r.changed.join(', ')} of "${argv.alias}"`);
    if (r.needsLogin) out.notice(`the portal changed: run \`awsidc login --integration ${argv.alias}\`, then \`awsidc sync --integration ${argv.alias}\``);
    else out.notice(`run \`awsidc sync --integration ${argv.alias}\` to rewrite its profiles`);
  },
};

const removeCommand: CommandModule<GlobalArgs, AliasArgs> = {
  command: 'remove <alias>',
  aliases: ['rm'],
  describe: 'Sign out of a portal and delete its profiles, snapshot and settings',
  builder: (y) =>
    y
      .positional('alias', { type: 'string', describe: 'Integration alias', demandOption: true })
      .option('yes', { alias: 'y', type: 'boolean', describe: 'Do not ask for confirmation' }),
  handler: async (argv) => {
    const { out, paths } = context(argv);
    if (!argv.yes && !(await confirm(`Remove integration "${argv.alias}" and all its profiles from your AWS config?`, { flag: '--yes' }))) {
      throw new AwsidcError('CANCELLED', 'nothing was removed');
    }
    const r = await removeIntegration(paths, argv.alias);
    if (r.signedOut) out.debug('signed out and deleted the token and cached credentials');
    if (r.removedProfiles.length > 0) {
      out.success(`removed ${r.removedProfiles.length} profiles of "${r.alias}" from ${r.configFile}${r.backupPath ? ` (previous version kept in ${r.backupPath})` : ''}`);
    }
    out.success(`removed integration "${r.alias}"`);
  },
};

export const integrationsCommand: CommandModule<GlobalArgs, GlobalArgs> = {
  command: 'integrations',
  describe: 'Add, list, edit or remove Identity Center portals',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .command(addCommand)
      .command(listCommand)
      .command(editCommand)
      .command(removeCommand)
      .demandCommand(1, 'name a subcommand: add, list, edit or remove'),
  handler: () => undefined,
};
