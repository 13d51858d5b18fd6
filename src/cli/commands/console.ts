import type { Argv, CommandModule } from 'yargs';
import { AwsidcError } from '../../core/errors.js';
import { checkHttpUrl, consoleHome, consoleLink, federationEndpoint } from '../../services/console.js';
import { openBrowser } from '../../sso/browser.js';
import { loadIntegration } from '../../store/integrations.js';
import { context, type GlobalArgs } from '../context.js';
import { profileCredentials, profileOption, type ProfileArgs } from './exec.js';

interface ConsoleArgs extends ProfileArgs {
  print?: boolean;
  destination?: string;
  'federation-url'?: string;
}

export const consoleCommand: CommandModule<GlobalArgs, ConsoleArgs> = {
  command: 'console',
  describe: 'Open the AWS console signed in as a profile\'s role',
  builder: (y: Argv<GlobalArgs>) =>
    profileOption(y)
      .option('print', { type: 'boolean', describe: 'Print the sign-in link on stdout instead of opening it (it is a secret for 15 minutes)' })
      .option('destination', { type: 'string', describe: 'Console page to open (default: the console home in the profile\'s region)' })
      .option('federation-url', { type: 'string', describe: 'Federation endpoint (default: the partition\'s, or <endpoint-url>/federation)' }),
  handler: async (argv) => {
    const ctx = context(argv);
    if (argv.destination !== undefined) checkHttpUrl(argv.destination, '--destination');
    const { target, doc } = await profileCredentials(argv, ctx);
    const integ = loadIntegration(ctx.paths.configDir, target.integration);
    const federation = federationEndpoint({ override: argv['federation-url'], endpointUrl: integ.endpointUrl, ssoRegion: integ.ssoRegion });
    const destination = argv.destination ?? consoleHome(target.region);
    ctx.out.debug(`asking ${new URL(federation).host} for a sign-in token; destination ${destination}`);
    const link = await consoleLink(doc, { federation, destination });
    if (argv.print) {
      ctx.out.result(link);
      return;
    }
    if (!(await openBrowser(link))) {
      throw new AwsidcError('USAGE', 'could not open a browser', { hint: 'pass --print and open the link yourself' });
    }
    ctx.out.success(`opened the AWS console as ${target.roleName} in ${target.accountName} (${target.accountId})`);
  },
};
