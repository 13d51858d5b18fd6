import type { Argv, CommandModule } from 'yargs';
import { runCredentials } from '../../hot/credentials.js';
import type { GlobalArgs } from '../context.js';

interface CredentialsArgs extends GlobalArgs {
  integration: string;
  'account-id': string;
  'role-name': string;
  'auto-login'?: boolean;
}

// Normally bin.ts routes `credentials` straight to the hot path; this module documents it for --help.
export const credentialsCommand: CommandModule<GlobalArgs, CredentialsArgs> = {
  command: 'credentials',
  describe: 'Print role credentials as credential_process JSON (used by the generated profiles)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('integration', { type: 'string', demandOption: true, describe: 'Integration alias' })
      .option('account-id', { type: 'string', demandOption: true, describe: '12-digit account id' })
      .option('role-name', { type: 'string', demandOption: true, describe: 'Permission set (role) name' })
      .option('auto-login', {
        type: 'boolean',
        describe: 'When the session cannot be refreshed, open ONE browser sign-in for all waiting processes (also `autoLogin` per integration; default off)',
      })
      .epilog(
        'Never prompts and never reads stdin. An expired session is refreshed silently; when a new sign-in is needed it exits at once with ' +
          'code 3 and one stderr line naming `awsidc login` (unless --auto-login can open a browser).\n\n' +
          'Exit codes: 0 ok, 2 bad arguments, 3 login required (run `awsidc login`), 4 access denied, 5 network or service error, 6 configuration error.',
      ),
  handler: async (argv) => {
    const args = ['--integration', argv.integration, '--account-id', argv['account-id'], '--role-name', argv['role-name']];
    process.exitCode = await runCredentials(argv['auto-login'] ? [...args, '--auto-login'] : args);
  },
};
