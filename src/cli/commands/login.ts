import type { Argv, CommandModule } from 'yargs';
import { formatDuration } from '../../core/expiry.js';
import { pickIntegration } from '../../store/integrations.js';
import { login } from '../../services/login.js';
import { context, type GlobalArgs } from '../context.js';
import { terminalLoginUi } from '../login-ui.js';

interface LoginArgs extends GlobalArgs {
  integration?: string;
  browser: boolean;
  force?: boolean;
}

export const loginCommand: CommandModule<GlobalArgs, LoginArgs> = {
  command: 'login',
  describe: 'Log in to an Identity Center portal (keeps a valid session unless --force)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('integration', { alias: 'i', type: 'string', describe: 'Integration alias (default: the only one)' })
      .option('browser', { type: 'boolean', default: true, describe: 'Open a browser (--no-browser prints the URL)' })
      .option('force', { type: 'boolean', describe: 'Log in again even if the session is still valid' }),
  handler: async (argv) => {
    const { out, paths } = context(argv);
    const integ = pickIntegration(paths.configDir, argv.integration);
    const r = await login(integ, paths, terminalLoginUi(out, { browser: argv.browser }), { force: argv.force, openBrowser: argv.browser, log: (l) => out.info(l) });
    if (r.loggedIn) {
      out.success(`logged in to "${integ.alias}"; session expires in ${formatDuration(r.expiresAt - Date.now())}${r.refreshable ? ' and refreshes silently' : ''}`);
    }
  },
};
