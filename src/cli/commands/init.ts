import type { Argv, CommandModule } from 'yargs';
import { AwsidcError } from '../../core/errors.js';
import { suggestAlias, validateAlias, validateEndpointUrl, validateRegion, validateStartUrl } from '../../core/validate.js';
import { listIntegrations, saveIntegration, type Integration } from '../../store/integrations.js';
import { chooseFlow, currentHost } from '../../services/choose-flow.js';
import { login } from '../../services/login.js';
import { context, type GlobalArgs } from '../context.js';
import { terminalLoginUi } from '../login-ui.js';
import { ask, interactive } from '../prompt.js';
import { loginOptions } from './login.js';
import { nameTemplateOption, reportSync, syncWithProgress, throwIfIncomplete } from './sync.js';

interface InitArgs extends GlobalArgs {
  'start-url'?: string;
  'sso-region'?: string;
  alias?: string;
  region?: string;
  'endpoint-url'?: string;
  'name-template'?: string;
  style?: 'process' | 'native';
  browser: boolean;
  'use-device-code'?: boolean;
  'auto-login'?: boolean;
  force?: boolean;
}

export const initCommand: CommandModule<GlobalArgs, InitArgs> = {
  command: 'init',
  describe: 'Add an Identity Center portal, log in, and write one profile per account and role',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('start-url', { type: 'string', describe: 'AWS access portal URL, e.g. https://d-1234567890.awsapps.com/start' })
      .option('sso-region', { type: 'string', describe: 'Region where Identity Center lives (where you log in)' })
      .option('alias', { type: 'string', describe: 'Short name for this portal (default: from the start URL)' })
      .option('region', { type: 'string', describe: 'Default region for the generated profiles (default: the SSO region)' })
      .option('endpoint-url', { type: 'string', describe: 'Send OIDC and portal calls here (the emulator, a proxy)' })
      .option('name-template', { type: 'string', describe: 'Profile-name template, e.g. "{{accountName}}.{{roleName}}"' })
      .option('style', { choices: ['process', 'native'] as const, describe: 'process: credential_process profiles; native: sso_session profiles' })
      .options(loginOptions)
      .option('auto-login', {
        type: 'boolean',
        describe: 'Let credential_process open ONE browser sign-in when the session cannot be refreshed (default off; --no-auto-login turns it off again)',
      })
      .option('force', { type: 'boolean', describe: 'Log in again even if the session is valid' })
      .example('$0 init --start-url https://d-1234567890.awsapps.com/start --sso-region us-east-1', ''),
  handler: async (argv) => {
    const { out, paths } = context(argv);
    // Checked first, so a typo fails before any prompt or login.
    const nameTemplate = argv['name-template'] !== undefined ? nameTemplateOption(argv['name-template']) : undefined;
    const startUrl = argv['start-url'] !== undefined ? validateStartUrl(argv['start-url']) : await ask('AWS access portal URL', { flag: '--start-url URL', validate: validateStartUrl });
    const ssoRegion = argv['sso-region'] !== undefined
      ? validateRegion(argv['sso-region'], '--sso-region')
      : await ask('Identity Center region (where you log in)', { flag: '--sso-region REGION', validate: (v) => validateRegion(v, '--sso-region') });
    const alias = argv.alias !== undefined
      ? validateAlias(argv.alias)
      : interactive() ? await ask('Alias for this portal', { flag: '--alias NAME', default: suggestAlias(startUrl), validate: validateAlias }) : suggestAlias(startUrl);
    const region = argv.region !== undefined
      ? validateRegion(argv.region, '--region')
      : interactive() ? await ask('Default region for profiles', { flag: '--region REGION', default: ssoRegion, validate: (v) => validateRegion(v, '--region') }) : ssoRegion;
    const existing = listIntegrations(paths.configDir);
    const same = existing.find((i) => i.alias === alias);
    if (same && same.startUrl !== startUrl) {
      throw new AwsidcError('INTEGRATION_EXISTS', `an integration named "${alias}" already points at ${same.startUrl}`, {
        hint: 'choose another --alias, or remove it with `awsidc integrations remove ' + alias + '`',
      });
    }
    const integ: Integration = {
      ...same,
      alias,
      startUrl,
      ssoRegion,
      region,
      ssoSessionName: same?.ssoSessionName ?? alias,
      ...(argv['endpoint-url'] ? { endpointUrl: validateEndpointUrl(argv['endpoint-url']) } : {}),
      ...(nameTemplate !== undefined ? { nameTemplate } : {}),
      ...(argv.style ? { style: argv.style } : {}),
      ...(argv['auto-login'] !== undefined ? { autoLogin: argv['auto-login'] } : {}),
    };
    saveIntegration(paths.configDir, integ);
    out.success(`${same ? 'updated' : 'added'} integration "${alias}" (${startUrl}, SSO region ${ssoRegion})`);
    const choice = chooseFlow(currentHost(), { useDeviceCode: argv['use-device-code'], browser: argv.browser });
    out.debug(`sign-in flow: ${choice.flow === 'pkce' ? 'browser (authorization code + PKCE)' : 'device code'} (${choice.why})`);
    const result = await login(integ, paths, terminalLoginUi(out), { force: argv.force, choice, log: (l) => out.info(l) });
    if (result.loggedIn) out.success(`logged in to "${alias}"`);
    const sync = await syncWithProgress(out, integ, paths);
    reportSync(out, integ, sync);
    if (sync.profiles[0]) out.info(`\nTry it: aws sts get-caller-identity --profile ${sync.profiles[0].name}`);
    throwIfIncomplete([{ integration: alias, ...sync }]);
  },
};
