// Helpers for suites that drive awsidc's session code in-process against the emulator (autoApprove on).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../src/emulator/server.js';
import { login } from '../../src/services/login.js';
import type { LoginUi } from '../../src/sso/login-ui.js';
import type { Integration } from '../../src/store/integrations.js';
import type { Paths } from '../../src/store/paths.js';
import { tokenPath, type SsoToken } from '../../src/store/token-cache.js';

export const START_URL = 'https://d-1234567890.awsapps.com/start';

export function tempPaths(): Paths {
  const root = mkdtempSync(join(tmpdir(), 'awsidc-paths-'));
  return { configDir: join(root, 'config'), cacheDir: join(root, 'cache'), ssoCacheDir: join(root, 'home', '.aws', 'sso', 'cache'), home: join(root, 'home') };
}

export function integration(emu: Emulator, alias = 'acme', extra: Partial<Integration> = {}): Integration {
  return { alias, startUrl: START_URL, ssoRegion: 'us-east-1', region: 'eu-west-1', ssoSessionName: alias, endpointUrl: emu.url, ...extra };
}

/** A login UI whose "browser" follows the /authorize redirect (emulator autoApprove) and records each launch. */
export function fetchingUi(launches: string[] = []): LoginUi {
  return {
    prompt: () => undefined,
    openBrowser: async (url) => {
      launches.push(url);
      await (await fetch(url)).text();
      return true;
    },
    note: () => undefined,
  };
}

/** A real PKCE login through awsidc's login service; the emulator must have autoApprove on. */
export async function signIn(paths: Paths, integ: Integration): Promise<SsoToken> {
  await login(integ, paths, fetchingUi(), { force: true, choice: { flow: 'pkce', openBrowser: true, fallbackToDevice: false, why: 'test' } });
  return readTokenFile(paths, integ);
}

export function readTokenFile(paths: Paths, integ: Integration): SsoToken {
  return JSON.parse(readFileSync(tokenPath(paths.ssoCacheDir, integ.ssoSessionName), 'utf8')) as SsoToken;
}

/** Rewrites the token file, e.g. to move expiresAt into the refresh window. */
export function editToken(paths: Paths, integ: Pick<Integration, 'ssoSessionName'>, edit: (t: Record<string, unknown>) => Record<string, unknown>): void {
  const file = tokenPath(paths.ssoCacheDir, integ.ssoSessionName);
  writeFileSync(file, JSON.stringify(edit(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>), null, 2));
}

/** RFC 3339 with Z, `ms` from now. */
export function inMs(ms: number): string {
  return new Date(Date.now() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
