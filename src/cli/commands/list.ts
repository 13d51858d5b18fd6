import type { Argv, CommandModule } from 'yargs';
import { listIntegrations, pickIntegration } from '../../store/integrations.js';
import { readSnapshot } from '../../store/org-snapshot.js';
import { context, type GlobalArgs } from '../context.js';
import { table } from '../output.js';

interface ListArgs extends GlobalArgs {
  integration?: string;
  json?: boolean;
}

export const listCommand: CommandModule<GlobalArgs, ListArgs> = {
  command: 'list',
  describe: 'List the generated profiles: account, role and profile name',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('integration', { alias: 'i', type: 'string', describe: 'Only this integration' })
      .option('json', { type: 'boolean', describe: 'Print JSON' }),
  handler: async (argv) => {
    const { out, paths } = context(argv);
    const integs = argv.integration ? [pickIntegration(paths.configDir, argv.integration)] : listIntegrations(paths.configDir);
    const rows = integs.flatMap((i) => {
      const snap = readSnapshot(paths.configDir, i.alias);
      if (!snap) out.warn(`"${i.alias}" has not been synced yet; run \`awsidc sync --integration ${i.alias}\``);
      return (snap?.profiles ?? []).map((p) => ({ integration: i.alias, ...p }));
    });
    if (argv.json) return out.json(rows);
    if (rows.length === 0) return out.info('no profiles yet; run `awsidc init` or `awsidc sync`');
    out.result(table(rows.map((r) => [r.name, r.accountId, r.accountName, r.roleName, r.integration]), ['PROFILE', 'ACCOUNT', 'ACCOUNT NAME', 'ROLE', 'INTEGRATION']));
  },
};
