import type { Argv, CommandModule } from 'yargs';
import { listIntegrations, pickIntegration, type Integration } from '../../store/integrations.js';
import { syncIntegration, type SyncResult } from '../../services/sync.js';
import { context, type GlobalArgs } from '../context.js';
import type { Output } from '../output.js';
import { progress } from './init.js';
import { EXIT } from '../../core/errors.js';

interface SyncArgs extends GlobalArgs {
  integration?: string;
  'dry-run'?: boolean;
  prune: boolean;
  json?: boolean;
}

export const syncCommand: CommandModule<GlobalArgs, SyncArgs> = {
  command: 'sync',
  describe: 'Update the generated profiles from the accounts and roles you can reach now',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('integration', { alias: 'i', type: 'string', describe: 'Integration alias (default: every integration)' })
      .option('dry-run', { type: 'boolean', describe: 'Print a unified diff and write nothing' })
      .option('prune', { type: 'boolean', default: true, describe: 'Remove profiles for roles no longer assigned (--no-prune keeps them)' })
      .option('json', { type: 'boolean', describe: 'Print the result as JSON' }),
  handler: async (argv) => {
    const { out, paths } = context(argv);
    const targets: Integration[] = argv.integration ? [pickIntegration(paths.configDir, argv.integration)] : listIntegrations(paths.configDir);
    if (targets.length === 0) pickIntegration(paths.configDir, undefined);
    const results: Array<{ integration: string } & SyncResult> = [];
    for (const integ of targets) {
      const r = await syncIntegration(integ, paths, { dryRun: argv['dry-run'], prune: argv.prune, onProgress: progress(out) });
      results.push({ integration: integ.alias, ...r });
      if (argv['dry-run']) {
        if (!argv.json) out.result(r.diff || `# ${integ.alias}: no changes`);
      } else if (!argv.json) {
        reportSync(out, integ, r);
      }
    }
    if (argv.json) out.json(results);
    if (results.some((r) => r.failed.length > 0)) process.exitCode = EXIT.network;
  },
};

/** One summary line per sync, plus the collisions and failures people need to know about. */
export function reportSync(out: Output, integ: Integration, r: SyncResult): void {
  const what = r.written ? `wrote ${r.configFile}` : r.changed ? 'changes not written' : `${r.configFile} already up to date`;
  out.success(`"${integ.alias}": ${r.profiles.length} profiles from ${r.accounts} accounts (${r.added.length} added, ${r.removed.length} removed); ${what}`);
  for (const c of r.collisions) out.warn(`profile name "${c.wanted}" is taken (${c.reason}); wrote it as "${c.given}"`);
  for (const f of r.failed) out.warn(`could not list roles in account ${f.accountId}: ${f.message}; kept its existing profiles`);
}
