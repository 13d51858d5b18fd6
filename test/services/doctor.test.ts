import { chmodSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkClock, checkConfigFile, checkCredentialProcess, checkLocks, checkPermissions, portalEndpoint, runDoctor, splitCommandLine } from '../../src/services/doctor.js';
import type { Integration } from '../../src/store/integrations.js';
import type { Paths } from '../../src/store/paths.js';

const doc = suite<{ dir: string; paths: Paths }>('doctor checks', {} as never);

doc.before.each((ctx) => {
  ctx.dir = mkdtempSync(join(tmpdir(), 'awsidc-doctor-'));
  ctx.paths = { configDir: join(ctx.dir, 'cfg'), cacheDir: join(ctx.dir, 'cache'), ssoCacheDir: join(ctx.dir, 'sso'), home: ctx.dir };
  mkdirSync(ctx.paths.configDir, { mode: 0o700 });
  mkdirSync(ctx.paths.cacheDir, { mode: 0o700 });
});
doc.after.each((ctx) => {
  rmSync(ctx.dir, { recursive: true, force: true });
});

const integ = (o: Partial<Integration> = {}): Integration => ({ alias: 'acme', startUrl: 'https://acme.awsapps.com/start', ssoRegion: 'us-east-1', region: 'us-east-1', ssoSessionName: 'acme', ...o });

doc('should split credential_process lines like botocore on POSIX', () => {
  assert.equal(splitCommandLine('"/opt/my node/bin/node" "/a b/awsidc.cjs" credentials --integration acme'), ['/opt/my node/bin/node', '/a b/awsidc.cjs', 'credentials', '--integration', 'acme']);
  assert.equal(splitCommandLine("node 'x y' a\\ b"), ['node', 'x y', 'a b']);
});

doc('should find credential_process lines whose node or script is gone, per integration', ({ dir }) => {
  const file = join(dir, 'config');
  const block = (alias: string, node: string) =>
    `# >>> awsidc integration "${alias}"\n[profile ${alias}.A]\ncredential_process = "${node}" "${process.argv[1]}" credentials --integration ${alias} --account-id 111111111111 --role-name A\n# <<< awsidc integration "${alias}"\n`;
  writeFileSync(file, block('acme', process.execPath) + '\n' + block('beta', '/nonexistent/node'));
  const c = checkCredentialProcess(file);
  assert.is(c.status, 'fail');
  assert.match(c.summary, '1 of 2');
  assert.equal(c.repair, { kind: 'sync', integrations: ['beta'] });
  assert.match(c.fix ?? '', '`awsidc sync --integration beta`');
  writeFileSync(file, block('acme', process.execPath));
  assert.is(checkCredentialProcess(file).status, 'ok');
  writeFileSync(file, '[default]\nregion = x\n');
  assert.is(checkCredentialProcess(file).status, 'skip');
});

doc('should report broken markers and orphan blocks in the config file', ({ dir }) => {
  const file = join(dir, 'config');
  writeFileSync(file, '# >>> awsidc integration "acme"\n[profile x]\n');
  const broken = checkConfigFile(file, [integ()]);
  assert.is(broken.status, 'fail');
  assert.match(broken.details.join('\n'), 'has no end marker');
  writeFileSync(file, '# >>> awsidc integration "gone"\n[profile x]\nregion = y\n# <<< awsidc integration "gone"\n');
  const orphan = checkConfigFile(file, [integ()]);
  assert.is(orphan.status, 'warn');
  assert.match(orphan.fix ?? '', 'awsidc integrations remove gone');
  assert.is(checkConfigFile(join(dir, 'missing'), []).status, 'skip');
});

doc('should find group/world-readable files and folders but ignore lock directories', ({ paths }) => {
  const cred = join(paths.cacheDir, 'credentials', 'acme');
  mkdirSync(cred, { recursive: true, mode: 0o700 });
  writeFileSync(join(cred, 'a.json'), '{}', { mode: 0o600 });
  mkdirSync(join(cred, 'a.json.lock'), { mode: 0o755 });
  assert.is(checkPermissions(paths, []).status, 'ok');
  chmodSync(join(cred, 'a.json'), 0o640);
  mkdirSync(paths.ssoCacheDir, { recursive: true });
  const c = checkPermissions(paths, []);
  assert.is(c.status, 'fail');
  assert.equal(c.repair, { kind: 'chmod', entries: [{ path: join(cred, 'a.json'), mode: 0o600 }] });
});

doc('should report only locks untouched for longer than the stale time', ({ paths }) => {
  const now = Date.now();
  const stale = join(paths.cacheDir, 'locks', 'session-acme.lock');
  const fresh = join(paths.cacheDir, 'credentials', 'acme', 'x.json.lock');
  mkdirSync(stale, { recursive: true });
  mkdirSync(fresh, { recursive: true });
  utimesSync(stale, new Date(now - 30_000), new Date(now - 30_000));
  const c = checkLocks(paths, now);
  assert.is(c.status, 'warn');
  assert.equal(c.details, [stale]);
  assert.equal(c.repair, { kind: 'remove-locks', paths: [stale] });
});

/** A portal stand-in whose Date header is `offsetMs` away from our clock. */
async function dateServer(offsetMs: number): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.setHeader('date', new Date(Date.now() + offsetMs).toUTCString());
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

doc('should measure clock skew against the portal\'s Date header', async () => {
  for (const [offset, status] of [[0, 'ok'], [-10 * 60_000, 'fail'], [2 * 60_000, 'warn']] as const) {
    const { url, server } = await dateServer(offset);
    try {
      const c = await checkClock([integ({ endpointUrl: url })], {}, fetch, Date.now);
      assert.is(c.status, status, `${offset} ms: ${c.summary}`);
      if (offset < 0) assert.match(c.details.join(''), 'ahead');
    } finally {
      await new Promise((r) => server.close(r));
    }
  }
  const down = await checkClock([integ({ endpointUrl: 'http://127.0.0.1:1' })], {}, fetch, Date.now);
  assert.is(down.status, 'skip');
});

doc('should ask the endpoint the SDK would use', () => {
  assert.is(portalEndpoint(integ(), {}), 'https://portal.sso.us-east-1.amazonaws.com');
  assert.is(portalEndpoint(integ({ ssoRegion: 'cn-north-1' }), {}), 'https://portal.sso.cn-north-1.amazonaws.com.cn');
  assert.is(portalEndpoint(integ(), { AWS_ENDPOINT_URL_SSO: 'http://proxy' }), 'http://proxy');
  assert.is(portalEndpoint(integ({ endpointUrl: 'http://emu' }), { AWS_ENDPOINT_URL_SSO: 'http://proxy' }), 'http://emu');
});

doc('should say ok when nothing is set up, and never touch the network offline', async ({ paths, dir }) => {
  const r = await runDoctor({ paths, env: {}, configFile: join(dir, 'none'), offline: true, skipLatency: true, fetchImpl: (() => assert.unreachable('network')) as never });
  assert.is(r.ok, true);
  assert.equal(r.checks.map((c) => [c.id, c.status]), [
    ['config-file', 'skip'],
    ['credential-process', 'skip'],
    ['permissions', 'ok'],
    ['locks', 'ok'],
    ['clock', 'skip'],
    ['latency', 'skip'],
  ]);
});

doc.run();
