// `npm run demo`: the whole flow against the built-in emulator, in a temporary HOME. Never touches ~/.aws.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { loadOrg } from '../emulator/org.js';
import { startEmulator } from '../emulator/server.js';
import { packageRoot } from '../store/install-paths.js';

const START_URL = 'https://d-1234567890.awsapps.com/start';
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
const step = (s: string) => console.log(`\n${bold(`▶ ${s}`)}`);

async function main(): Promise<number> {
  const root = packageRoot(dirname(fileURLToPath(import.meta.url)));
  const cli = join(root, 'dist', 'awsidc.cjs');
  const home = mkdtempSync(join(tmpdir(), 'awsidc-demo-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(AWS_|XDG_|AWSIDC_)/.test(k) && k !== 'BROWSER') env[k] = v;
  Object.assign(env, { HOME: home, USERPROFILE: home, AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });

  const emu = await startEmulator({ org: loadOrg(join(root, 'src', 'emulator', 'sample-org.json')), approveAfter: 1 });
  const cleanup = async () => {
    await emu.close();
    rmSync(home, { recursive: true, force: true });
  };
  try {
    step(`Identity Center emulator listening on ${emu.url}; temporary HOME ${home}`);

    step('awsidc init (device-code login, approved by the emulator after one poll)');
    const args = ['init', '--start-url', START_URL, '--sso-region', 'us-east-1', '--alias', 'demo', '--region', 'eu-west-1', '--no-browser', '--endpoint-url', emu.url];
    console.log(`$ awsidc ${args.join(' ')}`);
    const code = await new Promise<number>((res) => {
      const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
      child.on('close', (c) => res(c ?? 1));
    });
    if (code !== 0) throw new Error(`awsidc init exited with ${code}`);

    const configFile = join(home, '.aws', 'config');
    step(`The block awsidc wrote to ${configFile}`);
    console.log(readFileSync(configFile, 'utf8'));

    const list = JSON.parse((await runAsync(process.execPath, [cli, 'list', '--json'], env)).stdout) as Array<{ name: string; accountId: string; roleName: string; accountName: string }>;
    const pick = list[0]!;
    step(`AWS SDK for JavaScript: fromIni({ profile: "${pick.name}" }) runs our credential_process, then STS GetCallerIdentity`);
    Object.assign(process.env, env);
    for (const k of Object.keys(process.env)) if (/^(AWS_|XDG_|AWSIDC_)/.test(k) && !(k in env)) delete process.env[k];
    const sts = new STSClient({ region: 'eu-west-1', endpoint: emu.url, credentials: fromIni({ profile: pick.name, ignoreCache: true }) });
    for (const attempt of ['first call (cache miss: GetRoleCredentials)', 'second call (served from the cache)']) {
      const t0 = performance.now();
      const id = await sts.send(new GetCallerIdentityCommand({}));
      sts.config.credentials = fromIni({ profile: pick.name, ignoreCache: true });
      console.log(`  ${attempt}: account ${id.Account}, ${id.Arn} (${Math.round(performance.now() - t0)} ms)`);
    }
    console.log(`  emulator counters: GetRoleCredentials=${emu.counters().GetRoleCredentials ?? 0}`);

    const other = list.find((p) => p.accountId !== pick.accountId) ?? list[1] ?? pick;
    step(`A terraform-style stampede: 16 credential_process runs for "${other.name}" at the same moment, cold cache`);
    emu.resetCounters();
    const credArgs = ['credentials', '--integration', 'demo', '--account-id', other.accountId, '--role-name', other.roleName];
    const t0 = performance.now();
    const runs = await Promise.all(Array.from({ length: 16 }, () => runAsync(process.execPath, [cli, ...credArgs], env)));
    const keys = new Set(runs.map((r) => (JSON.parse(r.stdout) as { AccessKeyId: string }).AccessKeyId));
    console.log(`  ${runs.filter((r) => r.code === 0).length}/16 succeeded in ${Math.round(performance.now() - t0)} ms with ${keys.size} distinct key; GetRoleCredentials calls: ${emu.counters().GetRoleCredentials ?? 0}`);

    step('awsidc list');
    console.log((await runAsync(process.execPath, [cli, 'list'], env)).stdout.trimEnd());

    if ((await runAsync('aws', ['--version'], env)).code === 0) {
      step(`AWS CLI: aws sts get-caller-identity --profile ${pick.name}`);
      // Asynchronous: the emulator answers from this same process.
      const r = await runAsync('aws', ['sts', 'get-caller-identity', '--profile', pick.name, '--output', 'table'], { ...env, AWS_ENDPOINT_URL_STS: emu.url });
      console.log(r.code === 0 ? r.stdout : `  failed: ${r.stderr}`);
    } else {
      step('AWS CLI not installed: skipping the aws sts get-caller-identity check');
    }
    step('Done: everything ran against the emulator on 127.0.0.1 and is now removed.');
    return 0;
  } finally {
    await cleanup();
  }
}

function runAsync(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', (e) => res({ code: 127, stdout, stderr: e.message }));
    child.on('close', (code) => res({ code: code ?? 1, stdout, stderr }));
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`demo failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
