// Shared set-up for the emulator suites: real SDK clients pointed at an in-process emulator.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { SSOClient } from '@aws-sdk/client-sso';
import { STSClient } from '@aws-sdk/client-sts';
import type { Emulator } from '../../src/emulator/server.js';

// The SDK warns once per process about Node 20; it is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const REGION = 'us-east-1';
export const START_URL = 'https://d-0000000000.awsapps.com/start';
export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

// maxAttempts 1: a retried request would hide what the emulator answered (and skew counters).
export function oidcClient(e: Emulator): SSOOIDCClient {
  return new SSOOIDCClient({ region: REGION, endpoint: e.url, maxAttempts: 1 });
}

export function portalClient(e: Emulator): SSOClient {
  return new SSOClient({ region: REGION, endpoint: e.url, maxAttempts: 1 });
}

export interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function stsClient(e: Emulator, credentials: Creds): STSClient {
  return new STSClient({ region: REGION, endpoint: e.url, maxAttempts: 1, credentials });
}

// Manually driven clock for expiry, slow_down and throttle tests.
export class FakeClock {
  constructor(public t = Date.UTC(2026, 0, 1)) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

// The rejection of a promise that must fail (fails the test if it resolves).
export async function rejection(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export interface Registration {
  clientId: string;
  clientSecret: string;
}

export async function register(c: SSOOIDCClient, extra: { scopes?: string[]; grantTypes?: string[]; redirectUris?: string[] } = {}): Promise<Registration> {
  const r = await c.send(new RegisterClientCommand({ clientName: 'awsidc-test', clientType: 'public', ...extra }));
  return { clientId: r.clientId ?? '', clientSecret: r.clientSecret ?? '' };
}

// Full device login; the emulator must auto-approve (approveAfter: 0) or have been approved already.
export async function deviceLogin(e: Emulator, scopes: string[] = ['sso:account:access']): Promise<Registration & { accessToken: string; refreshToken: string | undefined }> {
  const c = oidcClient(e);
  const reg = await register(c, { scopes });
  const d = await c.send(new StartDeviceAuthorizationCommand({ ...reg, startUrl: START_URL }));
  e.approveAll();
  const t = await c.send(new CreateTokenCommand({ ...reg, grantType: DEVICE_GRANT, deviceCode: d.deviceCode ?? '' }));
  return { ...reg, accessToken: t.accessToken ?? '', refreshToken: t.refreshToken };
}

// Runs the AWS CLI with exactly the given environment; never throws.
export function aws(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('aws', args, { env, timeout: 20_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let cliChecked: Promise<boolean> | undefined;
// Whether `aws` runs at all; the CLI tests skip (with a console note) when it does not.
export function awsAvailable(): Promise<boolean> {
  cliChecked ??= new Promise((resolve) => execFile('aws', ['--version'], { timeout: 20_000 }, (err) => resolve(!err)));
  return cliChecked;
}

// An isolated CLI environment: empty temp HOME and config files, us-east-1, no retries.
export function cliEnv(extra: Record<string, string>): { env: Record<string, string>; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'awsidc-emu-cli-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_MAX_ATTEMPTS: '1',
    AWS_RETRY_MODE: 'standard',
    ...extra,
  };
  // pyenv shims need their root to find the interpreter.
  if (process.env.PYENV_ROOT) env.PYENV_ROOT = process.env.PYENV_ROOT;
  return { env, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}
