import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PROFILE, world, type World } from './world.js';

const exec = suite<{ w: World }>('awsidc exec', {} as never);

exec.before(async (ctx) => {
  ctx.w = await world();
});
exec.after(async (ctx) => {
  await ctx.w.close();
});

// A child that reports which variables it saw (names and a yes/no per comparison, never the values).
const REPORT = `
const e = process.env;
process.stdout.write(JSON.stringify({
  names: Object.keys(e).filter((k) => k.startsWith('AWS_')).sort(),
  region: e.AWS_REGION, defaultRegion: e.AWS_DEFAULT_REGION, expiration: e.AWS_CREDENTIAL_EXPIRATION,
  keyId: e.AWS_ACCESS_KEY_ID,
}));`;

exec('should run the command with the role credentials and without AWS_PROFILE', async ({ w }) => {
  const r = await w.run(['exec', '--profile', PROFILE, '--', process.execPath, '-e', REPORT], {
    env: { AWS_PROFILE: 'someone-else', AWS_DEFAULT_PROFILE: 'x', AWS_SECURITY_TOKEN: 'stale' },
  });
  assert.is(r.code, 0, r.stderr);
  const seen = JSON.parse(r.stdout) as { names: string[]; region: string; defaultRegion: string; expiration: string; keyId: string };
  for (const n of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_REGION', 'AWS_DEFAULT_REGION']) {
    assert.ok(seen.names.includes(n), `${n} is set`);
  }
  for (const n of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SECURITY_TOKEN']) assert.not.ok(seen.names.includes(n), `${n} is unset`);
  assert.is(seen.region, 'eu-west-1');
  assert.is(seen.defaultRegion, 'eu-west-1');
  const cached = w.cached('111111111111', 'AdministratorAccess');
  assert.ok(seen.keyId === cached.AccessKeyId, 'the same credentials as the credential_process cache');
  assert.is(seen.expiration, cached.Expiration);
});

exec('should give the AWS CLI working credentials when it is installed', async ({ w }) => {
  const { hasAwsCli } = await import('../helpers/sandbox.js');
  if (!hasAwsCli()) {
    console.log('  (skipped: the AWS CLI is not installed)');
    return;
  }
  const r = await w.run(['exec', '--profile', 'Sandbox.PowerUserAccess', '--', 'aws', 'sts', 'get-caller-identity', '--output', 'json'], {
    env: { AWS_ENDPOINT_URL_STS: w.emu.url, AWS_PROFILE: 'not-a-profile-anywhere' },
    timeoutMs: 60_000,
  });
  assert.is(r.code, 0, r.stderr);
  assert.is(JSON.parse(r.stdout).Account, '222222222222');
});

exec('should pass the exit code through', async ({ w }) => {
  const r = await w.run(['exec', '--profile', PROFILE, '--', 'sh', '-c', 'exit 7']);
  assert.is(r.code, 7);
  const ok = await w.run(['exec', '--profile', PROFILE, '--', 'true']);
  assert.is(ok.code, 0);
});

exec('should use AWS_PROFILE when it names an awsidc profile', async ({ w }) => {
  const r = await w.run(['exec', '-v', '--', process.execPath, '-e', REPORT], { env: { AWS_PROFILE: 'Sandbox.PowerUserAccess' } });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, 'from AWS_PROFILE');
  assert.ok(JSON.parse(r.stdout).keyId === w.cached('222222222222', 'PowerUserAccess').AccessKeyId);
});

exec('should fail naming --profile when there is no terminal to pick on', async ({ w }) => {
  const r = await w.run(['exec', '--', 'true'], { env: { AWS_PROFILE: 'not-ours' } });
  assert.is(r.code, 2);
  assert.match(r.stderr, '--profile');
  const unknown = await w.run(['exec', '--profile', 'nope', '--', 'true']);
  assert.is(unknown.code, 6);
  assert.match(unknown.stderr, 'no awsidc profile named "nope"');
});

exec('should exit 127 when the command does not exist and 2 when none is given', async ({ w }) => {
  const r = await w.run(['exec', '--profile', PROFILE, '--', 'awsidc-no-such-command-xyz']);
  assert.is(r.code, 127);
  assert.match(r.stderr, 'command not found');
  const none = await w.run(['exec', '--profile', PROFILE]);
  assert.is(none.code, 2);
});

/** Waits (bounded) until `file` exists. */
async function waitFor(file: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!existsSync(file)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${file}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// The child writes a "ready" file once its handler is installed, records the signal it got, and exits 42.
const TRAP = (dir: string, sig: string) => `
const fs = require('fs');
process.on('${sig}', () => { fs.writeFileSync(${JSON.stringify(join(dir, 'got'))}, '${sig}'); process.exit(42); });
fs.writeFileSync(${JSON.stringify(join(dir, 'ready'))}, '');
setTimeout(() => process.exit(0), 20000);`;

for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  exec(`should forward ${sig} to the command and exit as it did`, async ({ w }) => {
    const dir = join(w.box.home, `sig-${sig}`);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir);
    const child = w.spawn(['exec', '--profile', PROFILE, '--', process.execPath, '-e', TRAP(dir, sig)]);
    const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.once('exit', (code, signal) => res({ code, signal })));
    await waitFor(join(dir, 'ready'));
    child.kill(sig);
    const r = await done;
    assert.is(readFileSync(join(dir, 'got'), 'utf8'), sig, 'the command received the signal');
    assert.is(r.code, 42, 'awsidc exits with the command\'s code');
  });
}

exec('should die of the same signal when the command is killed by one', async ({ w }) => {
  const child = w.spawn(['exec', '--profile', PROFILE, '--', 'sh', '-c', 'kill -TERM $$']);
  const r = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.once('exit', (code, signal) => res({ code, signal })));
  assert.is(r.signal, 'SIGTERM');
  const shell = await w.run(['exec', '--profile', PROFILE, '--', 'sh', '-c', 'kill -INT $$']);
  // runCli (execFile) reports death by signal as a non-numeric code: anything but a normal exit.
  assert.is.not(shell.code, 0);
});

exec('should report 128+n through a shell that sees the signal', async ({ w }) => {
  const { CLI } = await import('../helpers/sandbox.js');
  const r = await w.exec('sh', ['-c', `"${process.execPath}" "${CLI}" exec --profile ${PROFILE} -- sh -c 'kill -TERM $$'; echo "status=$?"`]);
  assert.match(r.stdout, 'status=143');
});

exec.run();
