import { shlexSplit } from '../core/shlex.js';
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, lstatSync, readFileSync, readdirSync, rmSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { locateConfigFile } from '../aws-config/locate.js';
import { parseConfig } from '../aws-config/parse.js';
import { formatDuration } from '../core/expiry.js';
import { entryScriptPath } from '../store/install-paths.js';
import { listIntegrations, type Integration } from '../store/integrations.js';
import { roleCachePath, type Paths } from '../store/paths.js';
import { readFreshRoleCache } from '../store/role-cache.js';
import { tokenPath } from '../store/token-cache.js';
import { lintConfig } from './config-lint.js';
import { listProfileTargets } from './profile-resolve.js';
import { sessionState } from './session.js';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

/** A fix doctor can apply itself (after asking on a terminal, or with --fix). */
export type Repair =
  | { kind: 'sync'; integrations: string[] }
  | { kind: 'remove-locks'; paths: string[] }
  | { kind: 'chmod'; entries: Array<{ path: string; mode: number }> };

/** One check: what was looked at, what was found, and how to fix it. JSON output is an array of these. */
export interface DoctorCheck {
  id: 'config-file' | 'credential-process' | 'session' | 'permissions' | 'locks' | 'clock' | 'latency';
  /** The integration or file the check is about, when there is one. */
  subject?: string;
  status: CheckStatus;
  summary: string;
  details: string[];
  fix?: string;
  repair?: Repair;
}

export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
}

export interface DoctorOptions {
  paths: Paths;
  env: NodeJS.ProcessEnv;
  configFile?: string;
  now?: () => number;
  /** Skip the clock check (the only network call). */
  offline?: boolean;
  /** Skip the latency measurement (it runs node ~10 times). */
  skipLatency?: boolean;
  latencyRuns?: number;
  fetchImpl?: typeof fetch;
}

// Mirrors STALE_MS in store/lock.ts: a holder touches its lock every second, so 5 s untouched means a dead holder.
/** Lock directories untouched for longer than this belong to a process that died. */
export const LOCK_STALE_MS = 5000;
/** Clock skew beyond which SigV4 requests are refused (AWS allows 5 minutes). */
export const SKEW_FAIL_MS = 5 * 60_000;
export const SKEW_WARN_MS = 60_000;
/** Hot-path overhead over a bare `node -e 0` that is worth a warning. */
export const LATENCY_WARN_MS = 250;

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The AWS config file reads the same for botocore and the JS SDK, and awsidc's markers pair up. */
export function checkConfigFile(configFile: string, integrations: Integration[]): DoctorCheck {
  const text = readText(configFile);
  if (text === undefined) {
    return { id: 'config-file', subject: configFile, status: integrations.length ? 'warn' : 'skip', summary: `no AWS config file at ${configFile}`, details: [], ...(integrations.length ? { fix: 'run `awsidc sync`' } : {}) };
  }
  const details: string[] = [];
  let status: CheckStatus = 'ok';
  const fixes = new Set<string>();
  try {
    const parsed = parseConfig(text);
    const known = new Set(integrations.map((i) => i.alias));
    for (const b of parsed.blocks) {
      if (!known.has(b.integration)) {
        status = 'warn';
        details.push(`line ${b.start + 1}: an awsidc block for "${b.integration}", which is not an integration any more`);
        fixes.add(`run \`awsidc integrations remove ${b.integration}\` to delete the block`);
      }
    }
  } catch (err) {
    status = 'fail';
    details.push((err as Error).message);
    fixes.add((err as { hint?: string }).hint ?? 'repair the awsidc markers by hand');
  }
  for (const f of lintConfig(text)) {
    if (f.severity === 'fail') status = 'fail';
    else if (status === 'ok') status = 'warn';
    details.push(`${f.message}; fix: ${f.fix}`);
  }
  const summary =
    status === 'ok' ? `${configFile} reads the same for the AWS CLI (botocore) and the JS SDK` : status === 'fail' ? `${configFile} cannot be read by every SDK` : `${configFile} reads differently in different SDKs`;
  return { id: 'config-file', subject: configFile, status, summary, details, ...(fixes.size ? { fix: [...fixes].join('; ') } : status !== 'ok' ? { fix: 'see the lines above' } : {}) };
}

/** Splits a credential_process value like botocore on POSIX (shlex); an unclosed quote gives no words. */
export function splitCommandLine(line: string): string[] {
  return shlexSplit(line) ?? [];
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function readable(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The credential_process lines of awsidc's profiles, by integration. */
function managedProcessLines(configFile: string): Array<{ integration: string; profile: string; line: number; command: string }> {
  const text = readText(configFile);
  if (text === undefined) return [];
  try {
    return parseConfig(text).blocks.flatMap((b) =>
      b.sections
        .filter((s) => s.kind === 'profile' && s.keys.has('credential_process'))
        .map((s) => ({ integration: b.integration, profile: s.name, line: s.header + 1, command: s.keys.get('credential_process') as string })),
    );
  } catch {
    return [];
  }
}

/** Every generated credential_process still names a node binary and a script that exist (node upgrades move them). */
export function checkCredentialProcess(configFile: string): DoctorCheck {
  const lines = managedProcessLines(configFile);
  if (lines.length === 0) return { id: 'credential-process', status: 'skip', summary: 'no credential_process profiles written by awsidc', details: [] };
  const broken = new Map<string, string>();
  const affected = new Set<string>();
  let count = 0;
  for (const l of lines) {
    const [node, script] = splitCommandLine(l.command);
    const problems: string[] = [];
    if (!node || !executable(node)) problems.push(`node ${JSON.stringify(node ?? '')} does not exist or is not executable`);
    if (!script || !readable(script)) problems.push(`script ${JSON.stringify(script ?? '')} does not exist`);
    if (problems.length === 0) continue;
    count++;
    affected.add(l.integration);
    const key = problems.join(' and ');
    if (!broken.has(key)) broken.set(key, `profile ${l.profile} (line ${l.line}) and others like it: ${key}`);
  }
  if (count === 0) {
    return { id: 'credential-process', status: 'ok', summary: `${lines.length} credential_process lines point at an existing node and awsidc`, details: [] };
  }
  const aliases = [...affected].sort();
  return {
    id: 'credential-process',
    status: 'fail',
    summary: `${count} of ${lines.length} credential_process lines point at a missing node or awsidc (after a node upgrade?)`,
    details: [...broken.values()],
    fix: `run \`awsidc sync${aliases.length === 1 ? ` --integration ${aliases[0]}` : ''}\` to rewrite them for ${process.execPath}`,
    repair: { kind: 'sync', integrations: aliases },
  };
}

/** The session of one integration (no network): valid, refreshable, or login needed. */
export function checkSession(integ: Integration, paths: Paths, now: number): DoctorCheck {
  const s = sessionState(integ, paths, now);
  const base = { id: 'session' as const, subject: integ.alias, details: [] };
  if (s.state === 'valid') {
    return { ...base, status: 'ok', summary: `"${integ.alias}": logged in, session expires in ${formatDuration(s.expiresAt - now)}${s.refreshable ? ' and refreshes silently' : ''}` };
  }
  if (s.state === 'expired' && s.refreshable) {
    return { ...base, status: 'ok', summary: `"${integ.alias}": session expired; it refreshes silently on next use` };
  }
  return {
    ...base,
    status: 'warn',
    summary: `"${integ.alias}": ${s.state === 'missing' ? 'not logged in' : 'session expired and cannot be refreshed'}; its profiles fail until you log in`,
    fix: `run \`awsidc login --integration ${integ.alias}\``,
  };
}

/** Files and directories under `root` (bounded: awsidc's own folders hold a few hundred entries at most). */
function walk(root: string, visit: (path: string, st: Stats) => boolean | void, budget = { left: 20_000 }, depth = 0): void {
  let st;
  try {
    st = lstatSync(root);
  } catch {
    return;
  }
  if (budget.left-- <= 0) return;
  if (visit(root, st) === false || !st.isDirectory() || depth > 8) return;
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const n of names) walk(join(root, n), visit, budget, depth + 1);
}

/** Tokens, cached credentials and integrations are private: files 0600 and directories 0700, no group/other bits. */
export function checkPermissions(paths: Paths, integrations: Integration[]): DoctorCheck {
  if (process.platform === 'win32') return { id: 'permissions', status: 'skip', summary: 'file modes are not used on Windows', details: [] };
  const bad: Array<{ path: string; mode: number; want: number }> = [];
  const visit = (path: string, st: Stats): boolean | void => {
    if (st.isSymbolicLink()) return false;
    // Lock directories hold only an empty file naming their holder and are short-lived: their mode guards no secret.
    if (st.isDirectory() && path.endsWith('.lock')) return false;
    const want = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o077) !== 0) bad.push({ path, mode: st.mode & 0o777, want });
  };
  walk(paths.configDir, visit);
  walk(paths.cacheDir, visit);
  for (const i of integrations) {
    const t = tokenPath(paths.ssoCacheDir, i.ssoSessionName);
    walk(t, (p, st) => {
      if (st.isFile() && (st.mode & 0o077) !== 0) bad.push({ path: p, mode: st.mode & 0o777, want: 0o600 });
      return false;
    });
  }
  if (bad.length === 0) return { id: 'permissions', status: 'ok', summary: 'tokens, cached credentials and settings are private (0600 files, 0700 folders)', details: [] };
  return {
    id: 'permissions',
    status: 'fail',
    summary: `${bad.length} file${bad.length === 1 ? '' : 's'} or folder${bad.length === 1 ? '' : 's'} holding tokens or credentials can be read by other users`,
    details: bad.slice(0, 20).map((b) => `${b.path} is ${b.mode.toString(8).padStart(4, '0')}, should be ${b.want.toString(8).padStart(4, '0')}`),
    fix: bad.length === 1 ? `chmod ${bad[0]!.want.toString(8)} ${bad[0]!.path}` : 'chmod 600 the files and 700 the folders listed',
    repair: { kind: 'chmod', entries: bad.map((b) => ({ path: b.path, mode: b.want })) },
  };
}

/** `*.lock` directories nobody has touched for longer than the stale time (their holder died). */
export function checkLocks(paths: Paths, now: number): DoctorCheck {
  const stale: string[] = [];
  walk(paths.cacheDir, (path, st) => {
    if (st.isDirectory() && path.endsWith('.lock')) {
      if (now - st.mtimeMs > LOCK_STALE_MS) stale.push(path);
      return false;
    }
  });
  if (stale.length === 0) return { id: 'locks', status: 'ok', summary: 'no stale locks', details: [] };
  return {
    id: 'locks',
    status: 'warn',
    summary: `${stale.length} stale lock${stale.length === 1 ? '' : 's'} left by a process that died (awsidc takes them over after ${LOCK_STALE_MS / 1000} s, but they should not linger)`,
    details: stale,
    fix: stale.length === 1 ? `rmdir "${stale[0]}"` : 'remove the directories listed',
    repair: { kind: 'remove-locks', paths: stale },
  };
}

/** Where an integration's portal calls go, as the SDK client would send them. */
export function portalEndpoint(integ: Integration, env: NodeJS.ProcessEnv): string {
  if (integ.endpointUrl) return integ.endpointUrl;
  const fromEnv = env.AWS_ENDPOINT_URL_SSO || env.AWS_ENDPOINT_URL;
  if (fromEnv) return fromEnv;
  return `https://portal.sso.${integ.ssoRegion}.amazonaws.com${integ.ssoRegion.startsWith('cn-') ? '.cn' : ''}`;
}

/** Skew of the local clock against a server's Date header; one HEAD request. Positive: local clock is behind. */
export async function measureSkew(url: string, fetchImpl: typeof fetch, now: () => number): Promise<{ skewMs: number; rttMs: number }> {
  const t0 = now();
  const res = await fetchImpl(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(5000) });
  const t1 = now();
  await res.arrayBuffer().catch(() => undefined);
  const date = res.headers.get('date');
  const server = date ? Date.parse(date) : NaN;
  if (!Number.isFinite(server)) throw new Error('the answer had no Date header');
  // The Date header has one-second resolution: take the middle of that second against the middle of the round trip.
  return { skewMs: server + 500 - (t0 + t1) / 2, rttMs: t1 - t0 };
}

/** The local clock against each distinct portal endpoint's Date header. */
export async function checkClock(integrations: Integration[], env: NodeJS.ProcessEnv, fetchImpl: typeof fetch, now: () => number): Promise<DoctorCheck> {
  const endpoints = [...new Set(integrations.map((i) => portalEndpoint(i, env)))];
  if (endpoints.length === 0) return { id: 'clock', status: 'skip', summary: 'no integration to compare the clock with', details: [] };
  const details: string[] = [];
  let worst = 0;
  let reached = 0;
  for (const url of endpoints) {
    const host = new URL(url).host;
    try {
      const { skewMs, rttMs } = await measureSkew(url, fetchImpl, now);
      reached++;
      // Anything within the round trip plus the header's one-second resolution is noise.
      const significant = Math.abs(skewMs) > rttMs / 2 + 1000 ? skewMs : 0;
      if (Math.abs(significant) > Math.abs(worst)) worst = significant;
      details.push(`${host}: ${significant === 0 ? 'in sync' : `local clock is ${formatDuration(Math.abs(significant))} ${significant > 0 ? 'behind' : 'ahead'}`}`);
    } catch (err) {
      details.push(`${host}: could not ask for the time (${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message})`);
    }
  }
  if (reached === 0) return { id: 'clock', status: 'skip', summary: 'could not reach any portal to compare the clock', details };
  const abs = Math.abs(worst);
  if (abs >= SKEW_FAIL_MS) {
    return { id: 'clock', status: 'fail', summary: `the local clock is off by ${formatDuration(abs)}: AWS refuses signed requests beyond 5 minutes and token expiry checks go wrong`, details, fix: 'turn on automatic time synchronisation (NTP) and check the time zone' };
  }
  if (abs >= SKEW_WARN_MS) {
    return { id: 'clock', status: 'warn', summary: `the local clock is off by ${formatDuration(abs)}`, details, fix: 'turn on automatic time synchronisation (NTP)' };
  }
  return { id: 'clock', status: 'ok', summary: 'the local clock agrees with Identity Center', details };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function timeRun(cmd: string, args: string[], env: NodeJS.ProcessEnv): { ms: number; ok: boolean } {
  const t0 = performance.now();
  // stdout carries credentials: it is captured here and dropped, never printed.
  const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
  return { ms: performance.now() - t0, ok: r.status === 0 };
}

/** Runs `awsidc credentials` for one cached profile a few times against a bare `node -e 0`. */
export function checkLatency(paths: Paths, env: NodeJS.ProcessEnv, configFile: string, runs: number): DoctorCheck {
  const lines = managedProcessLines(configFile);
  const cached = listProfileTargets({ paths, configFile, env }).find(
    (t) => readFreshRoleCache(roleCachePath(paths.cacheDir, t.integration, t.accountId, t.roleName), Date.now()) !== undefined,
  );
  if (!cached) {
    return { id: 'latency', status: 'skip', summary: 'no profile has cached credentials to time', details: [], fix: 'use any profile once (e.g. `aws sts get-caller-identity --profile NAME`), then run doctor again' };
  }
  const line = lines.find((l) => l.profile === cached.name);
  const argv = line ? splitCommandLine(line.command) : [];
  const [node, script, ...rest] = argv.length >= 2 && executable(argv[0] as string) && readable(argv[1] as string)
    ? argv
    : [process.execPath, entryScriptPath(), 'credentials', '--integration', cached.integration, '--account-id', cached.accountId, '--role-name', cached.roleName];
  const cli: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = timeRun(node as string, [script as string, ...rest], env);
    if (!r.ok) {
      return { id: 'latency', subject: cached.name, status: 'fail', summary: `\`awsidc credentials\` failed for the cached profile ${cached.name}`, details: [], fix: `run \`awsidc exec --profile ${cached.name} -- true\` to see the error` };
    }
    cli.push(r.ms);
    bare.push(timeRun(node as string, ['-e', '0'], env).ms);
  }
  const c = median(cli);
  const b = median(bare);
  const overhead = Math.max(0, c - b);
  const details = [`awsidc credentials: ${c.toFixed(0)} ms (median of ${runs})`, `node -e 0: ${b.toFixed(0)} ms`, `overhead: ${overhead.toFixed(0)} ms`];
  if (overhead > LATENCY_WARN_MS) {
    return { id: 'latency', subject: cached.name, status: 'warn', summary: `a cached credential_process answer takes ${overhead.toFixed(0)} ms more than starting node`, details, fix: 'check that the profiles run dist/awsidc.cjs directly (run `awsidc sync`) and that no virus scanner inspects every node start' };
  }
  return { id: 'latency', subject: cached.name, status: 'ok', summary: `a cached credential_process answer costs ${overhead.toFixed(0)} ms over starting node (${c.toFixed(0)} ms in all)`, details };
}

/** Runs every check. Never throws for a finding; only `ok` says whether something is broken. */
export async function runDoctor(o: DoctorOptions): Promise<DoctorReport> {
  const now = o.now ?? Date.now;
  const configFile = o.configFile ?? locateConfigFile(o.env, o.paths.home);
  let integrations: Integration[] = [];
  const checks: DoctorCheck[] = [];
  try {
    integrations = listIntegrations(o.paths.configDir);
  } catch (err) {
    checks.push({ id: 'config-file', subject: o.paths.configDir, status: 'fail', summary: (err as Error).message, details: [], fix: (err as { hint?: string }).hint ?? 'fix or delete the file' });
  }
  checks.push(checkConfigFile(configFile, integrations));
  checks.push(checkCredentialProcess(configFile));
  for (const i of integrations) checks.push(checkSession(i, o.paths, now()));
  checks.push(checkPermissions(o.paths, integrations));
  checks.push(checkLocks(o.paths, now()));
  checks.push(o.offline ? { id: 'clock', status: 'skip', summary: 'clock not checked (--offline)', details: [] } : await checkClock(integrations, o.env, o.fetchImpl ?? fetch, now));
  checks.push(o.skipLatency ? { id: 'latency', status: 'skip', summary: 'latency not measured', details: [] } : checkLatency(o.paths, o.env, configFile, o.latencyRuns ?? 5));
  return { ok: !checks.some((c) => c.status === 'fail'), checks };
}

/** Applies a chmod or lock-removal repair; returns one line per action. (Sync repairs run through services/sync.) */
export function applyFileRepair(r: Exclude<Repair, { kind: 'sync' }>): string[] {
  if (r.kind === 'chmod') {
    return r.entries.map((e) => {
      chmodSync(e.path, e.mode);
      return `chmod ${e.mode.toString(8)} ${e.path}`;
    });
  }
  return r.paths.map((p) => {
    rmSync(p, { recursive: true, force: true });
    return `removed ${p}`;
  });
}
