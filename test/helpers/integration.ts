// Set-up shared by the sync end-to-end suites: a sandbox whose awsidc state lives inside its HOME, and an
// integration that is added and logged in through the built CLI against an in-process emulator.
import { join } from 'node:path';
import { CreateTokenCommand, RegisterClientCommand, SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import type { Emulator } from '../../src/emulator/server.js';
import { saveIntegration, type Integration } from '../../src/store/integrations.js';
import { readSnapshot } from '../../src/store/org-snapshot.js';
import { tokenPath, writeToken } from '../../src/store/token-cache.js';
import { runCli, sandbox, type RunResult, type Sandbox } from './sandbox.js';

// The SDK warns once per process about Node 20; it is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const START_URL = 'https://d-1234567890.awsapps.com/start';

/** A sandbox with AWSIDC_CONFIG_DIR / AWSIDC_CACHE_DIR inside it, so tests can read the state files. */
export function stateBox(extra: NodeJS.ProcessEnv = {}): Sandbox & { configDir: string; cacheDir: string } {
  const box = sandbox(extra);
  const configDir = join(box.home, '.config', 'awsidc');
  const cacheDir = join(box.home, '.cache', 'awsidc');
  Object.assign(box.env, { AWSIDC_CONFIG_DIR: configDir, AWSIDC_CACHE_DIR: cacheDir });
  return { ...box, configDir, cacheDir };
}

/** `awsidc init` without a browser (the emulator must approve device logins: approveAfter 0). */
export function init(emu: Emulator, box: Sandbox, extra: string[] = [], alias = 'acme'): Promise<RunResult> {
  return runCli(['init', '--start-url', START_URL, '--sso-region', 'us-east-1', '--alias', alias, '--region', 'eu-west-1', '--no-browser', '--endpoint-url', emu.url, ...extra], box.env);
}

/** An access token from the emulator through a device login (the emulator must use approveAfter 0). */
export async function emulatorToken(emu: Emulator): Promise<string> {
  const c = new SSOOIDCClient({ region: 'us-east-1', endpoint: emu.url, maxAttempts: 1 });
  const reg = await c.send(new RegisterClientCommand({ clientName: 'awsidc-test', clientType: 'public', scopes: ['sso:account:access'] }));
  const creds = { clientId: reg.clientId ?? '', clientSecret: reg.clientSecret ?? '' };
  const d = await c.send(new StartDeviceAuthorizationCommand({ ...creds, startUrl: START_URL }));
  const t = await c.send(new CreateTokenCommand({ ...creds, grantType: 'urn:ietf:params:oauth:grant-type:device_code', deviceCode: d.deviceCode ?? '' }));
  return t.accessToken ?? '';
}

/**
 * Adds an integration the way `init` stores it and a logged-in session (the AWS CLI token file), without
 * the one-second device-login poll: for suites that run `sync` many times.
 */
export function seedIntegration(emu: Emulator, box: Sandbox & { configDir: string }, accessToken: string, over: Partial<Integration> = {}): Integration {
  const integ: Integration = { alias: 'acme', startUrl: START_URL, ssoRegion: 'us-east-1', region: 'eu-west-1', ssoSessionName: over.alias ?? 'acme', endpointUrl: emu.url, ...over };
  saveIntegration(box.configDir, integ);
  writeToken(tokenPath(join(box.home, '.aws', 'sso', 'cache'), integ.ssoSessionName), {
    startUrl: integ.startUrl,
    region: integ.ssoRegion,
    accessToken,
    expiresAt: Date.now() + 8 * 3600_000,
  });
  return integ;
}

/** The profile name the last sync gave one account/role, from the org snapshot. */
export function profileName(box: { configDir: string }, accountId: string, roleName: string, alias = 'acme'): string {
  const p = readSnapshot(box.configDir, alias)?.profiles.find((x) => x.accountId === accountId && x.roleName === roleName);
  if (!p) throw new Error(`no profile for ${accountId}/${roleName}`);
  return p.name;
}

/** Runs `jobs` at most `limit` at a time (CLI processes are slow to start; the emulator is shared). */
export async function inBatches<T>(jobs: Array<() => Promise<T>>, limit = 6): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await (jobs[i] as () => Promise<T>)();
    }
  }));
  return out;
}
