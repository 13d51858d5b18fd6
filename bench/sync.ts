// Large-org sync benchmark: `awsidc sync` (the built CLI, in a temporary HOME) against the in-process emulator
// serving a generated org, throttled like the real portal. The floor is the time the throttle alone imposes
// (served calls / rps); the result is wall time as a multiple of it. Target: at most 1.2x, no failed sync, and
// fewer 429 answers than served calls.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listManagedProfiles } from '../src/aws-config/list.js';
import { generateOrg } from '../src/emulator/org.js';
import { startEmulator } from '../src/emulator/server.js';
import { saveIntegration } from '../src/store/integrations.js';
import { packageRoot } from '../src/store/install-paths.js';
import { resolvePaths } from '../src/store/paths.js';

export interface BenchTable {
  title: string;
  header: string[];
  rows: string[][];
  notes: string[];
}

const TARGET_RATIO = 1.2;

function cleanEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('AWS_') || k.startsWith('XDG_') || k.startsWith('AWSIDC_') || k === 'BROWSER') continue;
    env[k] = v;
  }
  // Explicit state folders: env-paths would otherwise resolve them from this process's HOME.
  return {
    ...env,
    HOME: home,
    USERPROFILE: home,
    AWSIDC_CONFIG_DIR: join(home, '.config', 'awsidc'),
    AWSIDC_CACHE_DIR: join(home, '.cache', 'awsidc'),
    NO_COLOR: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

// Async on purpose: the emulator answers from this process, so a synchronous spawn would deadlock.
function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = join(packageRoot(), 'dist', 'awsidc.cjs');
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cli, ...args], { env, timeout: timeoutMs, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end();
  });
}

function sumOf(counters: Record<string, number>, pick: (key: string) => boolean): number {
  return Object.entries(counters).reduce((n, [k, v]) => (pick(k) ? n + v : n), 0);
}

/** Syncs `accounts` accounts (1-3 roles each) against an emulator throttled at `rps` with `latencyMs` per response. */
export async function benchSync(o: { accounts?: number; rps?: number; latencyMs?: number } = {}): Promise<BenchTable> {
  const accounts = o.accounts ?? 2000;
  const rps = o.rps ?? 20;
  const latencyMs = o.latencyMs ?? 20;
  const org = generateOrg({ accounts });
  const roles = org.accounts.reduce((n, a) => n + a.roles.length, 0);
  const emu = await startEmulator({ org, approveAfter: 0 });
  const home = mkdtempSync(join(tmpdir(), 'awsidc-bench-sync-'));
  try {
    const env = cleanEnv(home);
    const paths = resolvePaths(env);
    saveIntegration(paths.configDir, {
      alias: 'bench',
      startUrl: 'https://d-0000000000.awsapps.com/start',
      ssoRegion: 'us-east-1',
      region: 'eu-west-1',
      ssoSessionName: 'bench',
      endpointUrl: emu.url,
    });
    const login = await runCli(['login', '--integration', 'bench', '--no-browser'], env, 60_000);
    if (login.code !== 0) throw new Error(`login failed: ${login.stderr.trim()}`);

    emu.setOptions({ throttleRps: rps, latencyMs });
    emu.resetCounters();
    const t0 = performance.now();
    const sync = await runCli(['sync', '--integration', 'bench'], env, 30 * 60_000);
    const wallMs = performance.now() - t0;
    const counters = emu.counters();

    const served = sumOf(counters, (k) => !k.includes(':'));
    const throttled = sumOf(counters, (k) => k.startsWith('throttled:'));
    const floorMs = (served / rps) * 1000;
    const ratio = wallMs / floorMs;
    let written = 0;
    try {
      written = listManagedProfiles(readFileSync(join(home, '.aws', 'config'), 'utf8')).filter((p) => p.integration === 'bench').length;
    } catch {
      written = 0;
    }
    const ok = sync.code === 0 && written === roles;
    const pass = ok && ratio <= TARGET_RATIO && throttled < served;
    return {
      title: `sync of ${accounts} accounts against the emulator at ${rps} req/s, ${latencyMs} ms latency`,
      header: ['accounts', 'profiles', 'calls', '429s', 'floor', 'wall', 'ratio', 'result'],
      rows: [[
        String(accounts),
        `${written}/${roles}`,
        String(served),
        String(throttled),
        `${(floorMs / 1000).toFixed(1)} s`,
        `${(wallMs / 1000).toFixed(1)} s`,
        `${ratio.toFixed(2)}x`,
        pass ? 'PASS' : ok ? 'FAIL (slow)' : 'FAIL',
      ]],
      notes: [
        `floor = served calls / ${rps} req/s (ListAccounts pages + one ListAccountRoles per account); wall includes starting the CLI`,
        `target: ratio <= ${TARGET_RATIO}x, zero failed syncs, fewer 429s than calls`,
        ...(ok ? [] : [`sync exited ${sync.code}: ${sync.stderr.trim().split('\n').slice(-3).join(' | ')}`]),
      ],
    };
  } finally {
    await emu.close();
    rmSync(home, { recursive: true, force: true });
  }
}
