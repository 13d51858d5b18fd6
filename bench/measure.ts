import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Timing and peak memory of one child process. Children always run through async spawn: the emulator is served
// from the bench's own event loop.

export interface ChildRun {
  ms: number;
  code: number;
  stdout: string;
  stderr: string;
}

/** Wall time from spawn to close, stdout piped as the SDKs do, stdin closed. Killed after `timeoutMs`. */
export function timeChild(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<ChildRun> {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ ms: Number(process.hrtime.bigint() - t0) / 1e6, code: code ?? 1, stdout, stderr }));
  });
}

/** Measures a child's maximum resident set size in KB; `method` says how, for the output. */
export interface RssProbe {
  method: string;
  maxRssKb(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number>;
}

/** GNU time if it is there, else python3's getrusage(RUSAGE_CHILDREN) around one child; undefined when neither is. */
export async function findRssProbe(): Promise<RssProbe | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'awsidc-bench-rss-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  if (existsSync('/usr/bin/time')) {
    const out = join(dir, 'time.txt');
    const probe: RssProbe = {
      method: '/usr/bin/time -f %M',
      maxRssKb: async (cmd, args, env) => {
        const r = await timeChild('/usr/bin/time', ['-f', '%M', '-o', out, cmd, ...args], env);
        if (r.code !== 0) throw new Error(`/usr/bin/time ${cmd} exited ${r.code}`);
        return Number(readFileSync(out, 'utf8').trim().split('\n').pop());
      },
    };
    if (await works(probe)) return probe;
  }
  // ru_maxrss is in KB on Linux and in bytes on macOS.
  const script = 'import resource,subprocess,sys\nsubprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stdin=subprocess.DEVNULL,check=True)\n' +
    `r=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\nprint(r//1024 if sys.platform=="darwin" else r)`;
  const py: RssProbe = {
    method: 'python3 resource.getrusage(RUSAGE_CHILDREN)',
    maxRssKb: async (cmd, args, env) => {
      const r = await timeChild('python3', ['-c', script, cmd, ...args], env);
      if (r.code !== 0) throw new Error(`python3 probe around ${cmd} exited ${r.code}`);
      return Number(r.stdout.trim());
    },
  };
  return (await works(py)) ? py : undefined;
}

async function works(p: RssProbe): Promise<boolean> {
  try {
    return (await p.maxRssKb(process.execPath, ['-e', '0'], process.env)) > 0;
  } catch {
    return false;
  }
}

export function median(xs: number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const ms = (x: number): string => `${x.toFixed(1)} ms`;
export const ratio = (x: number): string => `${x.toFixed(3)}x`;
