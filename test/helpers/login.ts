// Logs a sandbox in to an in-process emulator the way a user would: `awsidc init` with the device flow, which the
// emulator approves on the first poll when started with approveAfter: 0.
import type { Emulator } from '../../src/emulator/server.js';
import { cacheDir, roleCachePath } from '../../src/store/cache-dir.js';
import { runCli, type Sandbox } from './sandbox.js';

export const START_URL = 'https://d-1234567890.awsapps.com/start';

export async function initAgainst(emu: Emulator, box: Sandbox, alias = 'acme'): Promise<void> {
  const r = await runCli(
    ['init', '--start-url', START_URL, '--sso-region', 'us-east-1', '--alias', alias, '--region', 'eu-west-1', '--no-browser', '--endpoint-url', emu.url],
    box.env,
  );
  if (r.code !== 0) throw new Error(`awsidc init failed (exit ${r.code}): ${r.stderr}`);
}

/** Where the built CLI running in `box` caches one role's credentials. */
export function roleCacheFile(box: Sandbox, integration: string, accountId: string, roleName: string): string {
  return roleCachePath(cacheDir(box.env, process.platform, () => box.home), integration, accountId, roleName);
}

/** `awsidc credentials` arguments for one role. */
export function credentialsArgs(integration: string, accountId: string, roleName: string): string[] {
  return ['credentials', '--integration', integration, '--account-id', accountId, '--role-name', roleName];
}
