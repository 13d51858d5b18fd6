import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Org } from '../src/emulator/org.js';
import { startEmulator, type Emulator } from '../src/emulator/server.js';
import { cacheDir, roleCachePath } from '../src/store/cache-dir.js';
import { entryScriptPath } from '../src/store/install-paths.js';
import { timeChild } from './measure.js';

// The world every bench part runs in: the emulator on 127.0.0.1, a temporary HOME logged in with `awsidc init`,
// and this process's own environment pointed at that HOME (so the SDK's credential_process runs there too).

const ROLES = ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess', 'Billing'];
const ORG: Org = {
  user: { userName: 'bench', email: 'bench@example.com' },
  accounts: ['111111111111', '222222222222'].map((accountId) => ({ accountId, accountName: `Bench ${accountId}`, emailAddress: 'b@example.com', roles: ROLES })),
};

export interface BenchRole {
  accountId: string;
  roleName: string;
  profile: string;
  cacheFile: string;
  /** argv after the node binary: the bundle and `credentials --integration … --account-id … --role-name …` */
  argv: string[];
}

export interface BenchEnv {
  emu: Emulator;
  home: string;
  cli: string;
  configFile: string;
  env: NodeJS.ProcessEnv;
  roles: BenchRole[];
  /** Profile whose credential_process is `node -e` printing a fixed document: the SDK's own cost, for comparison. */
  fixedProfile: string;
  /** That profile's credential_process line, to run without the SDK. */
  fixedCommand: string;
  close(): Promise<void>;
}

export async function openBenchEnv(): Promise<BenchEnv> {
  const cli = entryScriptPath();
  const home = mkdtempSync(join(tmpdir(), 'awsidc-bench-'));
  for (const k of Object.keys(process.env)) if (/^(AWS_|XDG_|AWSIDC_)/.test(k) || k === 'BROWSER') delete process.env[k];
  Object.assign(process.env, { HOME: home, USERPROFILE: home, NO_COLOR: '1', AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
  const env = { ...process.env };
  const emu = await startEmulator({ org: ORG, approveAfter: 0 });
  const close = async () => {
    await emu.close();
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const init = await timeChild(process.execPath, [cli, 'init', '--start-url', 'https://d-1234567890.awsapps.com/start', '--sso-region', 'us-east-1', '--alias', 'bench', '--region', 'eu-west-1', '--no-browser', '--endpoint-url', emu.url], env);
    if (init.code !== 0) throw new Error(`awsidc init failed: ${init.stderr.trim()}`);
    const list = await timeChild(process.execPath, [cli, 'list', '--json'], env);
    const profiles = JSON.parse(list.stdout) as Array<{ name: string; accountId: string; roleName: string }>;
    const cache = cacheDir(env);
    const roles = profiles.map((p) => ({
      accountId: p.accountId,
      roleName: p.roleName,
      profile: p.name,
      cacheFile: roleCachePath(cache, 'bench', p.accountId, p.roleName),
      argv: [cli, 'credentials', '--integration', 'bench', '--account-id', p.accountId, '--role-name', p.roleName],
    }));
    const configFile = join(home, '.aws', 'config');
    const fixed = "process.stdout.write(JSON.stringify({Version:1,AccessKeyId:'ASIAFIXEDBENCH000000',SecretAccessKey:'fixed',SessionToken:'fixed',Expiration:'2099-01-01T00:00:00Z'}))";
    const fixedCommand = `"${process.execPath}" -e "${fixed}"`;
    appendFileSync(configFile, `\n[profile bench-fixed]\ncredential_process = ${fixedCommand}\n`);
    return { emu, home, cli, configFile, env, roles, fixedProfile: 'bench-fixed', fixedCommand, close };
  } catch (err) {
    await close();
    throw err;
  }
}
