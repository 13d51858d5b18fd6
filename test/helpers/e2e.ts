// Set-up shared by the end-to-end suites of sign-in, refresh and auto-login: a sandboxed HOME whose awsidc
// directories are pinned (so this process can seed and inspect them), scripted browsers, and small file helpers.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Emulator } from '../../src/emulator/server.js';
import { saveIntegration, type Integration } from '../../src/store/integrations.js';
import { resolvePaths, type Paths } from '../../src/store/paths.js';
import { tokenPath, type SsoToken } from '../../src/store/token-cache.js';
import { runCli, sandbox, type Sandbox } from './sandbox.js';
import { integration } from './session.js';

export interface Box extends Sandbox {
  paths: Paths;
  /** The scripted browsers append one line per launch here. */
  browserLog: string;
}

/** A sandbox with no SSH or display variables (so flow detection is what each test sets) and pinned awsidc dirs. */
export function box(): Box {
  const b = sandbox();
  for (const k of ['SSH_CONNECTION', 'SSH_TTY', 'SSH_CLIENT', 'DISPLAY', 'WAYLAND_DISPLAY', 'WSL_DISTRO_NAME', 'WSL_INTEROP']) delete b.env[k];
  Object.assign(b.env, {
    AWSIDC_CONFIG_DIR: join(b.home, 'config'),
    AWSIDC_CACHE_DIR: join(b.home, 'cache'),
    BROWSER_LOG: join(b.home, 'browser.log'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  return { ...b, paths: resolvePaths(b.env), browserLog: join(b.home, 'browser.log') };
}

const BROWSERS = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, 'browsers');

/** An AWSIDC_BROWSER value running one of test/helpers/browsers/*.mjs. */
export function browser(name: 'follow-redirect' | 'approve-form' | 'approve-device'): string {
  return `${process.execPath} ${join(BROWSERS, `${name}.mjs`)}`;
}

/** Lines the scripted browsers logged, one per launch. */
export function launches(b: Box): string[] {
  return existsSync(b.browserLog) ? readFileSync(b.browserLog, 'utf8').split('\n').filter(Boolean) : [];
}

export function addIntegration(b: Box, emu: Emulator, alias = 'acme', extra: Partial<Integration> = {}): Integration {
  const integ = integration(emu, alias, extra);
  saveIntegration(b.paths.configDir, integ);
  return integ;
}

export function tokenFile(b: Box, sessionName = 'acme'): string {
  return tokenPath(b.paths.ssoCacheDir, sessionName);
}

export function readTokenOf(b: Box, sessionName = 'acme'): SsoToken | undefined {
  const f = tokenFile(b, sessionName);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as SsoToken) : undefined;
}

export function credentials(alias: string, accountId: string, roleName: string, ...extra: string[]): string[] {
  return ['credentials', '--integration', alias, '--account-id', accountId, '--role-name', roleName, ...extra];
}

/** A box with integration "acme" on `emu`, logged in through the scripted browser (the emulator must auto-approve). */
export async function loggedInBox(emu: Emulator): Promise<Box> {
  const b = box();
  addIntegration(b, emu);
  const r = await runCli(['login', '--integration', 'acme'], { ...b.env, AWSIDC_BROWSER: browser('follow-redirect') });
  if (r.code !== 0) throw new Error(`login failed: ${r.stderr}`);
  return b;
}
