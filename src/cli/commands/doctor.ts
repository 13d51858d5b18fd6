import type { Argv, CommandModule } from 'yargs';
import { EXIT } from '../../core/errors.js';
import { applyFileRepair, runDoctor, type DoctorCheck, type Repair } from '../../services/doctor.js';
import { syncIntegration } from '../../services/sync.js';
import { loadIntegration } from '../../store/integrations.js';
import type { Paths } from '../../store/paths.js';
import { context, type GlobalArgs } from '../context.js';
import type { Output } from '../output.js';
import { confirm, interactive } from '../prompt.js';
import { reportSync } from './sync.js';

interface DoctorArgs extends GlobalArgs {
  json?: boolean;
  fix?: boolean;
  offline?: boolean;
}

const TITLES: Record<DoctorCheck['id'], string> = {
  'config-file': 'AWS config file',
  'credential-process': 'credential_process commands',
  session: 'session',
  permissions: 'file permissions',
  locks: 'locks',
  clock: 'clock',
  latency: 'credential_process speed',
};

// The report goes to stdout, so colour follows stdout's terminal (Output decides for stderr).
function line(out: Output, c: DoctorCheck): void {
  const paint: Output['paint'] = (colour, s) => (process.stdout.isTTY ? out.paint(colour, s) : s);
  const mark = { ok: paint('green', '✓'), warn: paint('yellow', '!'), fail: paint('red', '✗'), skip: paint('dim', '-') }[c.status];
  out.result(`${mark} ${paint('bold', TITLES[c.id])}: ${c.summary}`);
  const showDetails = c.status === 'warn' || c.status === 'fail' || out.verbose;
  if (showDetails) for (const d of c.details) out.result(`    ${d}`);
  if (c.fix && c.status !== 'ok' && (c.status !== 'skip' || out.verbose)) out.result(`    ${paint('bold', 'fix')}: ${c.fix}`);
}

const QUESTIONS: Record<Repair['kind'], string> = {
  sync: 'Run `awsidc sync` now to rewrite them?',
  'remove-locks': 'Remove the stale locks now?',
  chmod: 'Fix the permissions now?',
};

async function repair(r: Repair, paths: Paths, out: Output): Promise<void> {
  if (r.kind !== 'sync') {
    for (const l of applyFileRepair(r)) out.success(l);
    return;
  }
  for (const alias of r.integrations) {
    const integ = loadIntegration(paths.configDir, alias);
    reportSync(out, integ, await syncIntegration(integ, paths));
  }
}

export const doctorCommand: CommandModule<GlobalArgs, DoctorArgs> = {
  command: 'doctor',
  describe: 'Check the AWS config, profiles, sessions, permissions, locks and clock; explain each problem and its fix',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('json', { type: 'boolean', describe: 'Print the checks as JSON (never asks)' })
      .option('fix', { type: 'boolean', describe: 'Apply the fixes doctor can make without asking' })
      .option('offline', { type: 'boolean', describe: 'Skip the clock check (its one network request)' })
      .epilog(`Exit codes: 0 nothing broken (warnings allowed), ${EXIT.config} something is broken.`),
  handler: async (argv) => {
    const { out, paths } = context(argv);
    const report = await runDoctor({ paths, env: process.env, offline: argv.offline });
    if (argv.json) {
      out.json(report);
    } else {
      for (const c of report.checks) line(out, c);
    }
    let ok = report.ok;
    const repairs = report.checks.filter((c) => c.repair && c.status !== 'ok');
    const ask = !argv.json && !argv.fix && interactive();
    if (argv.fix || ask) {
      for (const c of repairs) {
        const r = c.repair as Repair;
        if (ask && !(await confirm(QUESTIONS[r.kind], { flag: '--fix' }))) continue;
        try {
          await repair(r, paths, out);
          if (c.status === 'fail') c.status = 'ok';
        } catch (err) {
          out.warn(`could not fix ${TITLES[c.id]}: ${(err as Error).message}`);
        }
      }
      ok = !report.checks.some((c) => c.status === 'fail');
    }
    if (!ok) process.exitCode = EXIT.config;
  },
};
