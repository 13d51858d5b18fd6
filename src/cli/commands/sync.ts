import type { Argv, CommandModule } from 'yargs';
import { AwsidcError } from '../../core/errors.js';
import { PROFILE_NAME_VARIABLES, validateNameTemplate } from '../../core/template.js';
import { listIntegrations, pickIntegration, saveIntegration, type Integration } from '../../store/integrations.js';
import { syncIntegration, type SyncOptions, type SyncResult } from '../../services/sync.js';
import type { Paths } from '../../store/paths.js';
import { context, type GlobalArgs } from '../context.js';
import type { Output } from '../output.js';
import { ProgressReporter } from '../progress.js';

interface SyncArgs extends GlobalArgs {
  integration?: string;
  'dry-run'?: boolean;
  prune: boolean;
  json?: boolean;
  style?: 'process' | 'native';
  'name-template'?: string;
}

export const syncCommand: CommandModule<GlobalArgs, SyncArgs> = {
  command: 'sync',
  describe: 'Update the generated profiles from the accounts and roles you can reach now',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('integration', { alias: 'i', type: 'string', describe: 'Integration alias (default: every integration)' })
      .option('dry-run', { type: 'boolean', describe: 'Print a unified diff of the config file and write nothing' })
      .option('prune', { type: 'boolean', default: true, describe: 'Remove profiles for roles no longer assigned (--no-prune keeps them)' })
      .option('style', { choices: ['process', 'native'] as const, describe: 'Switch profile style and remember it: process (credential_process) or native (sso_session)' })
      .option('name-template', { type: 'string', describe: 'Switch the profile-name template and remember it, e.g. "{{accountName}}.{{roleName}}"' })
      .option('json', { type: 'boolean', describe: 'Print the result as JSON' })
      .epilogue('Per-account and per-role settings (region, name, skip) are read from the integration; see `awsidc override --help`.'),
  handler: async (argv) => {
    const { out, paths } = context(argv);
    const nameTemplate = argv['name-template'] !== undefined ? nameTemplateOption(argv['name-template']) : undefined;
    const targets: Integration[] = argv.integration ? [pickIntegration(paths.configDir, argv.integration)] : listIntegrations(paths.configDir);
    if (targets.length === 0) pickIntegration(paths.configDir, undefined);
    const results: Array<{ integration: string } & SyncResult> = [];
    for (const saved of targets) {
      const integ: Integration = { ...saved, ...(argv.style ? { style: argv.style } : {}), ...(nameTemplate !== undefined ? { nameTemplate } : {}) };
      const r = await syncWithProgress(out, integ, paths, { dryRun: argv['dry-run'], prune: argv.prune });
      if (!argv['dry-run'] && (integ.style !== saved.style || integ.nameTemplate !== saved.nameTemplate)) saveIntegration(paths.configDir, integ);
      results.push({ integration: integ.alias, ...r });
      if (argv.json) continue;
      if (argv['dry-run']) out.result(r.diff || `# ${integ.alias}: no changes to ${r.configFile}`);
      reportSync(out, integ, r);
    }
    if (argv.json) out.json(results);
    throwIfIncomplete(results);
  },
};

/** Checks a --name-template value before anything else happens; a bad one is a usage error naming the flag. */
export function nameTemplateOption(raw: string): string {
  try {
    validateNameTemplate(raw, '--name-template');
  } catch (err) {
    throw new AwsidcError('USAGE', (err as Error).message, { hint: `use {{variable}} placeholders with ${PROFILE_NAME_VARIABLES.join(', ')} (filters: lower, upper, kebab), e.g. "{{accountName}}.{{roleName}}"` });
  }
  return raw;
}

/** Sync wrote what it could but some accounts are missing: exit non-zero with one line saying so. */
export function throwIfIncomplete(results: ReadonlyArray<{ integration: string } & SyncResult>): void {
  const bad = results.filter((r) => r.failed.length > 0 || r.incomplete !== undefined);
  if (bad.length === 0) return;
  const what = bad.map((r) => (r.incomplete !== undefined ? `"${r.integration}": the account list was cut short` : `"${r.integration}": roles of ${r.failed.length} account(s) could not be listed`));
  throw new AwsidcError('SYNC_INCOMPLETE', `${what.join('; ')}; their existing profiles were kept`, {
    hint: `run \`awsidc sync${bad.length === 1 ? ` --integration ${bad[0]?.integration}` : ''}\` again to retry`,
  });
}

const SHOW = 10;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A sync with the progress bar (TTY) or progress lines (logs) on stderr, cleared whatever happens. */
export async function syncWithProgress(out: Output, integ: Integration, paths: Paths, o: Omit<SyncOptions, 'onProgress'> = {}): Promise<SyncResult> {
  const progress = new ProgressReporter(out, `${integ.alias}: listing roles`);
  try {
    return await syncIntegration(integ, paths, { ...o, onProgress: (p) => progress.update(p) });
  } finally {
    progress.finish();
  }
}

/** A summary line per sync, then what people need to know: collisions, skipped roles and failures (capped). */
export function reportSync(out: Output, integ: Integration, r: SyncResult): void {
  const what = r.written ? `wrote ${r.configFile}` : r.changed ? 'changes not written (dry run)' : `${r.configFile} already up to date`;
  out.success(`"${integ.alias}": ${plural(r.profiles.length, 'profile')} from ${plural(r.accounts, 'account')} (${r.added.length} added, ${r.removed.length} removed, ${r.updated.length} updated); ${what}`);
  out.debug(`${plural(r.stats.calls, 'portal call')}, ${r.stats.throttled} throttled and retried, ${r.stats.transient} retried after a server or network error`);
  r.collisions.slice(0, SHOW).forEach((c) => out.warn(`profile name "${c.wanted}" is taken (${c.reason}); wrote it as "${c.given}"`));
  if (r.collisions.length > SHOW) out.warn(`${r.collisions.length - SHOW} more profile names were taken and suffixed; see \`awsidc sync --json\``);
  r.skipped.slice(0, SHOW).forEach((s) => out.warn(`no profile for account ${JSON.stringify(s.accountId.slice(0, 20))} role ${JSON.stringify(s.roleName.slice(0, 64))}: ${s.reason}`));
  if (r.skipped.length > SHOW) out.warn(`${r.skipped.length - SHOW} more roles were skipped; see \`awsidc sync --json\``);
  if (r.incomplete !== undefined) out.warn(`the account list could not be read to the end (${r.incomplete}); kept the profiles of accounts not seen`);
  // Failures usually share one cause: one line per cause, a few account ids each.
  const byCause = new Map<string, string[]>();
  for (const f of r.failed) byCause.set(f.message, [...(byCause.get(f.message) ?? []), f.accountId]);
  for (const [message, ids] of byCause) {
    const list = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
    out.warn(`could not list roles in ${plural(ids.length, 'account')} (${list}): ${message}; kept their existing profiles`);
  }
}
