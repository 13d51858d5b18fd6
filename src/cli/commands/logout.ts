import type { Argv, CommandModule } from 'yargs';
import { listIntegrations, pickIntegration } from '../../store/integrations.js';
import { logout } from '../../services/logout.js';
import { context, type GlobalArgs } from '../context.js';

interface LogoutArgs extends GlobalArgs {
  integration?: string;
  all?: boolean;
}

export const logoutCommand: CommandModule<GlobalArgs, LogoutArgs> = {
  command: 'logout',
  describe: 'Sign out: end the portal session and delete its token and cached credentials',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('integration', { alias: 'i', type: 'string', describe: 'Integration alias (default: the only one)' })
      .option('all', { type: 'boolean', describe: 'Sign out of every integration' }),
  handler: async (argv) => {
    const { out, paths } = context(argv);
    const targets = argv.all ? listIntegrations(paths.configDir) : [pickIntegration(paths.configDir, argv.integration)];
    for (const integ of targets) {
      const r = await logout(integ, paths);
      out.success(r.hadToken ? `signed out of "${integ.alias}"${r.signedOutRemotely ? '' : ' (the portal session had already ended)'}` : `"${integ.alias}" was not logged in; cleared its cached credentials`);
    }
  },
};
