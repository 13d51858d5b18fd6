import { rmSync } from 'node:fs';
import { fromIni } from '@aws-sdk/credential-providers';
import { median, ms, percentile, ratio, timeChild, type RssProbe } from './measure.js';
import type { BenchEnv, BenchRole } from './sandbox.js';
import type { Section } from './section.js';

// credential_process as AWS tools see it: a cache hit against bare Node start-up, a miss against the emulator,
// stampedes, and the AWS JS SDK resolving our profile end to end.

export const HIT_TARGET = 1.25;
const WARMUP_PAIRS = 5;
const HIT_PAIRS = 60;
const RSS_PAIRS = 12;
const MISS_RUNS = 10;
const STAMPEDE_ROUNDS = 3;
const STAMPEDE_PROCESSES = 32;
const FROM_INI_TRIPLES = 20;

const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

/** Runs `fn` up to `n` times, stopping early at the deadline; returns how many runs completed. */
async function repeat(n: number, deadline: number, fn: (i: number) => Promise<void>): Promise<number> {
  let i = 0;
  for (; i < n && Date.now() < deadline; i++) await fn(i);
  return i;
}

const stopped = (done: number, planned: number, what: string) => (done < planned ? [`stopped after ${done} of ${planned} ${what} (bench deadline)`] : []);

function check(run: { code: number; stdout: string; stderr: string }, what: string): void {
  if (run.code !== 0 || !run.stdout.startsWith('{"Version":1,')) throw new Error(`${what} failed (exit ${run.code}): ${run.stderr.trim()}`);
}

/** The hit: interleaved with `node -e 0` so that machine noise lands on both sides of each pair. */
export async function benchHit(b: BenchEnv, rss: RssProbe | undefined, deadline: number): Promise<Section> {
  const role = b.roles[0]!;
  check(await timeChild(process.execPath, role.argv, b.env), 'filling the cache');
  const bare = ['-e', '0'];
  const pair = async () => {
    const n = await timeChild(process.execPath, bare, b.env);
    const h = await timeChild(process.execPath, role.argv, b.env);
    check(h, 'cache hit');
    return [n.ms, h.ms] as const;
  };
  await repeat(WARMUP_PAIRS, deadline, async () => void (await pair()));
  const nodeMs: number[] = [];
  const hitMs: number[] = [];
  const done = await repeat(HIT_PAIRS, deadline, async () => {
    const [n, h] = await pair();
    nodeMs.push(n);
    hitMs.push(h);
  });
  const wallRatios = hitMs.map((h, i) => h / nodeMs[i]!);
  const wall = median(wallRatios);
  const rows = [['wall time', ms(median(nodeMs)), ms(median(hitMs)), ratio(wall), `<= ${ratio(HIT_TARGET)}`, verdict(wall <= HIT_TARGET)]];
  const notes = [
    `${done} interleaved pairs (node -e 0, hit, node -e 0, hit, ...) after ${WARMUP_PAIRS} warm-up pairs; the ratio is the median of per-pair ratios`,
    `per-pair wall ratio p10 ${ratio(percentile(wallRatios, 10))}, p90 ${ratio(percentile(wallRatios, 90))}`,
    ...stopped(done, HIT_PAIRS, 'wall-time pairs'),
  ];
  if (rss) {
    const nodeKb: number[] = [];
    const hitKb: number[] = [];
    const rssDone = await repeat(RSS_PAIRS, deadline, async () => {
      nodeKb.push(await rss.maxRssKb(process.execPath, bare, b.env));
      hitKb.push(await rss.maxRssKb(process.execPath, role.argv, b.env));
    });
    const mem = median(hitKb.map((h, i) => h / nodeKb[i]!));
    const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
    rows.push(['max RSS', mb(median(nodeKb)), mb(median(hitKb)), ratio(mem), `<= ${ratio(HIT_TARGET)}`, verdict(mem <= HIT_TARGET)]);
    notes.push(`max RSS measured with ${rss.method}, ${rssDone} interleaved pairs`, ...stopped(rssDone, RSS_PAIRS, 'memory pairs'));
  } else {
    rows.push(['max RSS', 'n/a', 'n/a', 'n/a', `<= ${ratio(HIT_TARGET)}`, 'SKIPPED']);
    notes.push('max RSS not measured: neither /usr/bin/time nor python3 is available');
  }
  notes.push(`hit = node ${role.argv.join(' ').replace(b.cli, 'dist/awsidc.cjs')}`);
  return { title: 'credential_process cache hit vs bare Node start-up', header: ['measure', 'node -e 0', 'awsidc hit', 'ratio', 'target', 'result'], rows, notes };
}

/** Misses against the emulator: one process alone, then stampedes that must still make one call per role. */
export async function benchMiss(b: BenchEnv, deadline: number): Promise<Section> {
  const calls = () => b.emu.counters().GetRoleCredentials ?? 0;
  const cold = (roles: BenchRole[]) => roles.forEach((r) => rmSync(r.cacheFile, { force: true }));
  const rows: string[][] = [];
  const notes: string[] = [];

  const one = b.roles[1]!;
  const missMs: number[] = [];
  let missCalls = 0;
  const missDone = await repeat(MISS_RUNS, deadline, async () => {
    cold([one]);
    const before = calls();
    const r = await timeChild(process.execPath, one.argv, b.env);
    check(r, 'cache miss');
    missMs.push(r.ms);
    missCalls += calls() - before;
  });
  rows.push(['miss, one process', String(missDone), ms(median(missMs)), ms(percentile(missMs, 90)), String(missCalls), `${missDone}`, verdict(missCalls === missDone)]);
  notes.push(...stopped(missDone, MISS_RUNS, 'misses'));

  const stampede = async (label: string, roles: BenchRole[], perRole: number) => {
    const wall: number[] = [];
    const seen: number[] = [];
    const done = await repeat(STAMPEDE_ROUNDS, deadline, async () => {
      cold(roles);
      const before = calls();
      const t0 = performance.now();
      const runs = await Promise.all(roles.flatMap((r) => Array.from({ length: perRole }, () => timeChild(process.execPath, r.argv, b.env))));
      wall.push(performance.now() - t0);
      runs.forEach((r) => check(r, label));
      seen.push(calls() - before);
    });
    const ok = done > 0 && seen.every((c) => c === roles.length);
    rows.push([label, String(done), ms(median(wall)), ms(Math.max(...wall)), seen.join(', '), `${roles.length} per round`, verdict(ok)]);
    notes.push(...stopped(done, STAMPEDE_ROUNDS, `${label} rounds`));
  };
  await stampede(`${STAMPEDE_PROCESSES} processes, one role, cold`, [b.roles[2]!], STAMPEDE_PROCESSES);
  await stampede(`${b.roles.length} roles x 4 processes, cold`, b.roles, 4);

  notes.push('a miss: the access token is valid and the role credentials are absent; emulator on 127.0.0.1 with no added latency');
  notes.push('stampede times are the wall time of the whole round (all processes started at once); the max column is the slowest round');
  return { title: 'credential_process cache miss against the emulator', header: ['case', 'runs', 'median', 'p90 / max', 'GetRoleCredentials', 'expected', 'result'], rows, notes };
}

/**
 * The AWS JS SDK's fromIni resolving our profile (a cache hit) against a profile that only prints a fixed document,
 * and that same command spawned directly through /bin/sh -c as the SDK does, so the SDK's own share is visible.
 */
export async function benchFromIni(b: BenchEnv, deadline: number): Promise<Section> {
  const role = b.roles[0]!;
  check(await timeChild(process.execPath, role.argv, b.env), 'filling the cache');
  const resolve = async (profile: string) => {
    const t0 = performance.now();
    const creds = await fromIni({ profile, configFilepath: b.configFile, filepath: `${b.configFile}-credentials-absent`, ignoreCache: true })();
    if (!creds.accessKeyId) throw new Error(`fromIni(${profile}) returned no credentials`);
    return performance.now() - t0;
  };
  const direct = async () => {
    const r = await timeChild('/bin/sh', ['-c', b.fixedCommand], b.env);
    check(r, 'the fixed credential_process');
    return r.ms;
  };
  const triple = async () => [await direct(), await resolve(b.fixedProfile), await resolve(role.profile)] as const;
  await repeat(3, deadline, async () => void (await triple()));
  const bare: number[] = [];
  const fixed: number[] = [];
  const ours: number[] = [];
  const done = await repeat(FROM_INI_TRIPLES, deadline, async () => {
    const [d, f, o] = await triple();
    bare.push(d);
    fixed.push(f);
    ours.push(o);
  });
  const sdk = fixed.map((f, i) => f - bare[i]!);
  const extra = ours.map((o, i) => o - fixed[i]!);
  return {
    title: 'AWS JS SDK fromIni({ ignoreCache: true })() end to end, in-process (it spawns the credential_process)',
    header: ['what', 'runs', 'median', 'p90'],
    rows: [
      ['/bin/sh -c "node -e <print fixed document>", no SDK', String(done), ms(median(bare)), ms(percentile(bare, 90))],
      ['fromIni, credential_process = that fixed document', String(done), ms(median(fixed)), ms(percentile(fixed, 90))],
      ['fromIni, credential_process = awsidc (cache hit)', String(done), ms(median(ours)), ms(percentile(ours, 90))],
      ["the SDK's own share (fromIni fixed - no SDK)", String(done), ms(median(sdk)), ms(percentile(sdk, 90))],
      ['awsidc over the fixed document (fromIni)', String(done), ms(median(extra)), ms(percentile(extra, 90))],
    ],
    notes: [
      `interleaved triples (no SDK, fromIni fixed, fromIni awsidc) after 3 warm-up triples; differences are medians of per-triple differences`,
      `fromIni awsidc / fromIni fixed: ${ratio(median(ours.map((o, i) => o / fixed[i]!)))} (median of per-triple ratios)`,
      ...stopped(done, FROM_INI_TRIPLES, 'triples'),
    ],
  };
}
