import type { Argv, CommandModule } from 'yargs';
import { credentialVars } from '../../services/credential-env.js';
import { EXPORT_FORMATS, formatExport, type ExportFormat } from '../../services/export.js';
import { context, type GlobalArgs } from '../context.js';
import { profileCredentials, profileOption, type ProfileArgs } from './exec.js';

interface ExportArgs extends ProfileArgs {
  format: ExportFormat;
}

export const exportCommand: CommandModule<GlobalArgs, ExportArgs> = {
  command: 'export',
  describe: 'Print a profile\'s role credentials as variables for eval (or JSON, or a .env file)',
  builder: (y: Argv<GlobalArgs>) =>
    profileOption(y)
      .option('format', { alias: 'f', choices: EXPORT_FORMATS, default: 'env' as ExportFormat, describe: 'env: sh/bash/zsh; fish; powershell; json; dotenv' })
      .example('eval "$($0 export --profile Payments-Prod.AdministratorAccess)"', 'bash, zsh, sh')
      .example('$0 export --format fish | source', 'fish')
      .example('$0 export --format powershell | Invoke-Expression', 'PowerShell'),
  handler: async (argv) => {
    const ctx = context(argv);
    const { target, doc } = await profileCredentials(argv, ctx);
    // stdout is the only place the credentials go; the note for people goes to stderr.
    ctx.out.result(formatExport(credentialVars(doc, target.region), argv.format));
    ctx.out.debug(`printed the credentials of ${target.name} as ${argv.format}`);
  },
};
