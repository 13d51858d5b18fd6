import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { DoctorReport } from '../../src/services/doctor.js';
import { PROFILE, world, type World } from './world.js';

const doc = suite<{ w: World }>('awsidc doctor', {} as never);

doc.before(async (ctx) => {
  ctx.w = await world();
  // Cached credentials, so the latency check has something to time.
  const r = await ctx.w.run(['exec', '--profile', PROFILE, '--', 'true']);
  if (r.code !== 0) throw new Error(r.stderr);
});
doc.after(async (ctx) => {
  await ctx.w.close();
});

async function doctor(w: World, ...extra: string[]): Promise<{ code: number; report: DoctorReport; stderr: string }> {
  const r = await w.run(['doctor', '--json', ...extra], { timeoutMs: 60_000 });
  return { code: r.code, report: JSON.parse(r.stdout) as DoctorReport, stderr: r.stderr };
}

const check = (report: DoctorReport, id: string) => {
  const c = report.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no ${id} check`);
  return c;
};

doc('should pass on a fresh setup, with every check in the JSON', async ({ w }) => {
  const { code, report } = await doctor(w);
  assert.is(code, 0, JSON.stringify(report.checks.filter((c) => c.status !== 'ok'), null, 1));
  assert.is(report.ok, true);
  assert.equal([...new Set(report.checks.map((c) => c.id))], ['config-file', 'credential-process', 'session', 'permissions', 'locks', 'clock', 'latency']);
  for (const c of report.checks) {
    assert.type(c.summary, 'string');
    assert.ok(Array.isArray(c.details));
    assert.ok(['ok', 'warn', 'fail', 'skip'].includes(c.status));
  }
  assert.is(check(report, 'session').subject, 'acme');
  assert.is(check(report, 'clock').status, 'ok', 'the emulator\'s Date header agrees with the local clock');
  assert.is(check(report, 'latency').status, 'ok');
  assert.match(check(report, 'latency').details.join('\n'), /node -e 0: \d+ ms/);
});

doc('should detect a credential_process pointing at a node that is gone, and fix it with --fix', async ({ w }) => {
  const good = readFileSync(w.box.configFile, 'utf8');
  writeFileSync(w.box.configFile, good.split(`"${process.execPath}"`).join('"/opt/node-v14.0.0/bin/node"'));
  const { code, report } = await doctor(w, '--offline');
  assert.is(code, 6);
  assert.is(report.ok, false);
  const c = check(report, 'credential-process');
  assert.is(c.status, 'fail');
  assert.match(c.summary, '3 of 3');
  assert.match(c.details.join('\n'), '/opt/node-v14.0.0/bin/node');
  assert.match(c.fix ?? '', 'awsidc sync');
  assert.equal(c.repair, { kind: 'sync', integrations: ['acme'] });
  const human = await w.run(['doctor', '--offline']);
  assert.is(human.code, 6);
  assert.match(human.stdout, /✗ credential_process commands: .*\n(.*\n)*\s+fix: run `awsidc sync --integration acme`/);
  const fixed = await w.run(['doctor', '--offline', '--fix']);
  assert.is(fixed.code, 0, fixed.stdout + fixed.stderr);
  assert.is(readFileSync(w.box.configFile, 'utf8'), good, 'sync rewrote the lines');
});

doc('should detect a stale lock and remove it with --fix, leaving a live one alone', async ({ w }) => {
  const stale = join(w.paths.cacheDir, 'credentials', 'acme', '111111111111_ReadOnlyAccess.json.lock');
  const live = join(w.paths.cacheDir, 'locks', 'session-acme.lock');
  mkdirSync(stale, { recursive: true, mode: 0o700 });
  mkdirSync(live, { recursive: true, mode: 0o700 });
  const old = new Date(Date.now() - 60_000);
  utimesSync(stale, old, old);
  const { code, report } = await doctor(w, '--offline');
  const c = check(report, 'locks');
  assert.is(c.status, 'warn');
  assert.equal(c.details, [stale]);
  assert.is(code, 0, 'a stale lock is taken over automatically: a warning, not a failure');
  const fixed = await w.run(['doctor', '--offline', '--fix']);
  assert.is(fixed.code, 0);
  assert.not.ok(existsSync(stale), 'stale lock removed');
  assert.ok(existsSync(live), 'fresh lock kept');
});

doc('should detect readable tokens and caches, and chmod them with --fix', async ({ w }) => {
  const cred = join(w.paths.cacheDir, 'credentials', 'acme', '111111111111_AdministratorAccess.json');
  chmodSync(cred, 0o644);
  chmodSync(w.paths.configDir, 0o755);
  const { code, report } = await doctor(w, '--offline');
  assert.is(code, 6);
  const c = check(report, 'permissions');
  assert.is(c.status, 'fail');
  assert.match(c.details.join('\n'), `${cred} is 0644, should be 0600`);
  assert.match(c.details.join('\n'), `${w.paths.configDir} is 0755, should be 0700`);
  const fixed = await w.run(['doctor', '--offline', '--fix']);
  assert.is(fixed.code, 0, fixed.stdout);
  assert.is(statSync(cred).mode & 0o777, 0o600);
  assert.is(statSync(w.paths.configDir).mode & 0o777, 0o700);
});

doc('should fail on a config file botocore refuses and explain SDK differences', async ({ w }) => {
  const good = readFileSync(w.box.configFile, 'utf8');
  writeFileSync(w.box.configFile, `[profile mine]\nregion = eu-west-1 # home\n[profile mine]\nregion = us-east-1\n[profile "my laptop"]\nregion = us-east-1\n\n${good}`);
  const { code, report } = await doctor(w, '--offline');
  assert.is(code, 6);
  const c = check(report, 'config-file');
  assert.is(c.status, 'fail');
  const text = c.details.join('\n');
  assert.match(text, '[profile mine] appears twice (lines 1 and 3): botocore refuses the whole file');
  assert.match(text, 'line 2 has a comment after the value');
  assert.match(text, '[profile "my laptop"] on line 5: only botocore (AWS CLI, Python) reads it');
  writeFileSync(w.box.configFile, good);
});

doc('should warn about a session that needs a login', async ({ w }) => {
  const { tokenPath } = await import('../../src/store/token-cache.js');
  const file = tokenPath(join(w.box.home, '.aws', 'sso', 'cache'), 'acme');
  const saved = readFileSync(file, 'utf8');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(saved), expiresAt: '2020-01-01T00:00:00Z', refreshToken: undefined }), { mode: 0o600 });
  const { report } = await doctor(w, '--offline');
  const c = check(report, 'session');
  assert.is(c.status, 'warn');
  assert.match(c.fix ?? '', 'awsidc login --integration acme');
  writeFileSync(file, saved, { mode: 0o600 });
});

doc.run();
