// `npm run bench`: prints one aligned table per section. Bounded: fixed iteration counts, a measuring deadline,
// and a watchdog (about 2 minutes of hot-path parts, then a throttle-bound sync of about 100 s). Runs against the in-process emulator on 127.0.0.1, in a temporary HOME.
import { cpus } from 'node:os';
import { benchFromIni, benchHit, benchMiss } from './hot-path.js';
import { findRssProbe } from './measure.js';
import { openBenchEnv, type BenchEnv } from './sandbox.js';
import { renderSection, type Section } from './section.js';
import { benchSync } from './sync.js';

const MEASURE_BUDGET_MS = 100_000; // sections stop iterating after this; the whole run stays under ~2 minutes
const WATCHDOG_MS = 330_000; // the hot-path parts, then the ~100 s large-org sync

/** One bench part: gets the shared environment and the time it must stop by; returns one or more sections. */
type Part = (b: BenchEnv, deadline: number) => Promise<Section | Section[]>;

async function main(): Promise<number> {
  const started = Date.now();
  const deadline = started + MEASURE_BUDGET_MS;
  const rss = await findRssProbe();
  const cpu = cpus();
  print({
    title: 'Machine',
    header: ['item', 'value'],
    rows: [
      ['cpus', `${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown'}`],
      ['node', process.version],
      ['platform', `${process.platform} ${process.arch}`],
      ['max RSS via', rss?.method ?? 'unavailable'],
    ],
    notes: [],
  });

  const parts: Part[] = [
    (b, d) => benchHit(b, rss, d),
    (b, d) => benchMiss(b, d),
    (b, d) => benchFromIni(b, d),
    // Last and outside the measuring budget: its floor is set by the throttle (about 100 s for 2,000 accounts).
    () => benchSync(),
  ];

  const b = await openBenchEnv();
  let failed = 0;
  try {
    for (const part of parts) {
      for (const section of [await part(b, deadline)].flat()) {
        print(section);
        failed += section.rows.filter((r) => r.includes('FAIL')).length;
      }
    }
  } finally {
    await b.close();
  }
  console.log(`${failed === 0 ? 'all targets met' : `${failed} target(s) FAILED`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failed === 0 ? 0 : 1;
}

function print(s: Section): void {
  console.log(renderSection(s));
}

const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${WATCHDOG_MS / 1000} s`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`bench failed: ${(err as Error)?.stack ?? String(err)}`);
    process.exitCode = 1;
  },
);
