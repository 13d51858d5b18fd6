// A running emulator, a throw-away HOME and a logged-in, synced integration: the starting point of the
// command tests, which drive the built CLI (dist/awsidc.cjs) as real processes.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import type { Org } from '../../src/emulator/org.js';
import { resolvePaths, type Paths } from '../../src/store/paths.js';
import { CLI, requireBuild, runCli, sandbox, type RunResult, type Sandbox } from '../helpers/sandbox.js';

export const START_URL = 'https://d-1234567890.awsapps.com/start';

/** A small org with predictable profile names (the default template: {{accountName}}.{{roleName}}). */
export const ORG: Org = {
  user: { userName: 'alice', email: 'alice@example.com' },
  accounts: [
    { accountId: '111111111111', accountName: 'Payments (Prod)', emailAddress: 'p@example.com', roles: ['AdministratorAccess', 'ReadOnlyAccess'] },
    { accountId: '222222222222', accountName: 'Sandbox', emailAddress: 's@example.com', roles: ['PowerUserAccess'] },
  ],
};

export const PROFILE = 'Payments-Prod.AdministratorAccess';

export interface World {
  emu: Emulator;
  box: Sandbox;
  paths: Paths;
  run(args: string[], o?: { env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RunResult>;
  /** Runs any program asynchronously (never spawnSync: the emulator answers from this process's event loop). */
  exec(file: string, args: string[], env?: NodeJS.ProcessEnv): Promise<RunResult>;
  /** Starts the CLI without waiting (signal tests). */
  spawn(args: string[], o?: { env?: NodeJS.ProcessEnv }): ChildProcess;
  /** The cached credential_process document of a role (test-side comparisons only; never print it). */
  cached(accountId: string, roleName: string, alias?: string): { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string };
  close(): Promise<void>;
}

/** Starts the emulator and, unless `init: false`, runs `awsidc init` for alias "acme" against it. */
export async function world(o: { init?: boolean; org?: Org } = {}): Promise<World> {
  requireBuild();
  const emu = await startEmulator({ org: o.org ?? ORG, approveAfter: 0, deviceInterval: 1 });
  const box = sandbox({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  // Explicit dirs: env-paths would read this process's HOME, not the sandbox's.
  box.env.AWSIDC_CONFIG_DIR = join(box.home, '.config', 'awsidc');
  box.env.AWSIDC_CACHE_DIR = join(box.home, '.cache', 'awsidc');
  const paths = resolvePaths(box.env);
  const w: World = {
    emu,
    box,
    paths,
    run: (args, ro = {}) => runCli(args, { ...box.env, ...ro.env }, ro.timeoutMs ?? 30_000),
    exec: (file, args, env = box.env) => runProgram(file, args, env),
    spawn: (args, so = {}) => spawn(process.execPath, [CLI, ...args], { env: { ...box.env, ...so.env }, stdio: ['ignore', 'pipe', 'pipe'] }),
    cached: (accountId, roleName, alias = 'acme') =>
      JSON.parse(readFileSync(join(paths.cacheDir, 'credentials', alias, `${accountId}_${roleName}.json`), 'utf8')),
    close: async () => {
      await emu.close();
      box.cleanup();
    },
  };
  if (o.init !== false) {
    const r = await w.run(['init', '--start-url', START_URL, '--sso-region', 'us-east-1', '--alias', 'acme', '--region', 'eu-west-1', '--no-browser', '--endpoint-url', emu.url]);
    if (r.code !== 0) {
      await w.close();
      throw new Error(`awsidc init failed (${r.code}): ${r.stderr}`);
    }
  }
  return w;
}

/** Runs a program with no stdin, bounded to 30 s; a death by signal is reported as code -1. */
export function runProgram(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<RunResult> {
  const started = Date.now();
  return new Promise((res) => {
    const child = execFile(file, args, { env, timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      res({ code, stdout, stderr, ms: Date.now() - started });
    });
    child.stdin?.end();
  });
}
