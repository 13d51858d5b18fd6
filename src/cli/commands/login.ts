import type { Argv, CommandModule } from 'yargs';
import { formatDuration } from '../../core/expiry.js';
import { pickIntegration } from '../../store/integrations.js';
import { chooseFlow, currentHost } from '../../services/choose-flow.js';
import { login } from '../../services/login.js';
import { context, type GlobalArgs } from '../context.js';
import { terminalLoginUi } from '../login-ui.js';

interface LoginArgs extends GlobalArgs {
  integration?: string;
  browser: boolean;
  'use-device-code'?: boolean;
  force?: boolean;
}

/** The --browser / --use-device-code options, shared with `init`. */
export const loginOptions = {
  browser: {
    type: 'boolean',
    default: true,
    describe: 'Open a browser to sign in (--no-browser never opens one and signs in with a device code, printing its URL)',
  },
  'use-device-code': {
    type: 'boolean',
    describe: 'Sign in with a device code instead of the browser redirect (automatic over SSH or without a display)',
  },
} as const;

export const loginCommand: CommandModule<GlobalArgs, LoginArgs> = {
  command: 'login',
  describe: 'Log in to an Identity Center portal (keeps a valid session unless --force)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('integration', { alias: 'i', type: 'string', describe: 'Integration alias (default: the only one)' })
      .options(loginOptions)
      .option('force', { type: 'boolean', describe: 'Log in again even if the session is still valid' }),
  handler: async (argv) => {
    const { out, paths } = context(argv);
    const integ = pickIntegration(paths.configDir, argv.integration);
    const choice = chooseFlow(currentHost(), { useDeviceCode: argv['use-device-code'], browser: argv.browser });
    out.debug(`sign-in flow: ${choice.flow === 'pkce' ? 'browser (authorization code + PKCE)' : 'device code'} (${choice.why})`);
    const r = await login(integ, paths, terminalLoginUi(out), { force: argv.force, choice, log: (l) => out.info(l) });
    if (r.loggedIn) {
      out.success(`logged in to "${integ.alias}"; session expires in ${formatDuration(r.expiresAt - Date.now())}${r.refreshable ? ' and refreshes silently' : ''}`);
    }
  },
};
