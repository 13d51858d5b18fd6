import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built CLI every end-to-end test runs (npm test builds it first). */
export const CLI = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../dist/awsidc.cjs');

export function requireBuild(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
}

/** A throw-away HOME with an environment that cannot reach the real ~/.aws or the user's AWS settings. */
export interface Sandbox {
  home: string;
  env: NodeJS.ProcessEnv;
  configFile: string;
  cleanup(): void;
}

export function sandbox(extra: NodeJS.ProcessEnv = {}): Sandbox {
  const home = mkdtempSync(join(tmpdir(), 'awsidc-home-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('AWS_') || k.startsWith('XDG_') || k.startsWith('AWSIDC_') || k === 'BROWSER') continue;
    env[k] = v;
  }
  Object.assign(env, { HOME: home, USERPROFILE: home, NO_COLOR: '1', AWS_EC2_METADATA_DISABLED: 'true' }, extra);
  return { home, env, configFile: join(home, '.aws', 'config'), cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built CLI with no stdin (like CI and credential_process under the JS SDK). */
export function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<RunResult> {
  return run(process.execPath, [CLI, ...args], env, timeoutMs);
}

/**
 * Runs any program without blocking the event loop: tests serve the emulator from this same process, so a
 * spawnSync would deadlock against it.
 */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<RunResult> {
  const started = Date.now();
  return new Promise((res) => {
    const child = execFile(cmd, args, { env, timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      res({ code, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin?.end();
  });
}

/** True when the AWS CLI (v1 or v2) is on PATH. */
export function hasAwsCli(): boolean {
  return spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Asserts no secret-looking value leaked: call with the strings that must not appear. */
export function assertNoSecrets(text: string, secrets: string[]): void {
  for (const s of secrets) if (s && text.includes(s)) throw new Error('a secret value appeared in output');
}

/**
 * Runs the built CLI with stdin left open and never written, as the JS SDK runs credential_process: a child that
 * reads stdin (a prompt) would hang here until the timeout kills it.
 */
export function runCliOpenStdin(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 10_000): Promise<RunResult> {
  const started = Date.now();
  return new Promise((res) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      res({ code: code ?? 1, stdout, stderr, ms: Date.now() - started });
    });
  });
}
