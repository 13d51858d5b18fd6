import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { request, Agent } from 'node:http';
import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { fileURLToPath } from 'node:url';
import { runEmulator } from '../../src/emulator/run.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { deviceLogin, portalClient } from './helpers.js';

const test = suite('emulator server: binding, routing, shutdown, runner');

let e: Emulator | undefined;
test.after.each(async () => {
  await e?.close();
  e = undefined;
});

test('should listen on 127.0.0.1 on an ephemeral port', async () => {
  e = await startEmulator();
  assert.match(e.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.is(e.url, `http://127.0.0.1:${e.port}`);
  assert.ok(e.port > 0);
});

test('should answer unknown routes with 404', async () => {
  e = await startEmulator();
  const res = await fetch(`${e.url}/nope`);
  assert.is(res.status, 404);
  assert.ok(res.headers.get('x-amzn-requestid'));
});

test('should close promptly even with keep-alive connections and a request still waiting on latency', async () => {
  e = await startEmulator({ approveAfter: 0 });
  const { accessToken } = await deviceLogin(e);
  await portalClient(e).send(new ListAccountsCommand({ accessToken })); // leaves an idle keep-alive socket
  const agent = new Agent({ keepAlive: true });
  e.setOptions({ latencyMs: 60_000 });
  const pending = new Promise<void>((resolve) => {
    const req = request(`${e!.url}/assignment/accounts`, { agent }, (res) => res.resume().on('end', resolve).on('error', resolve));
    req.on('error', () => resolve());
    req.end();
  });
  await new Promise((r) => setTimeout(r, 50));
  const t0 = performance.now();
  await e.close();
  await pending;
  agent.destroy();
  e = undefined;
  assert.ok(performance.now() - t0 < 1_000, 'close() did not wait for the latency timer or idle sockets');
});

test('should run from the CLI runner with an org file and stop on abort', async () => {
  const lines: string[] = [];
  const ac = new AbortController();
  let url = '';
  const done = runEmulator({
    orgFile: fileURLToPath(new URL('../../src/emulator/sample-org.json', import.meta.url)),
    approveAfter: 0,
    signal: ac.signal,
    log: (l) => lines.push(l),
    onReady: (em) => {
      url = em.url;
    },
  });
  // Bounded wait for the banner.
  for (let i = 0; i < 100 && !url; i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(url, 'runner started');
  const counters = await fetch(`${url}/__emulator/counters`);
  assert.is(counters.status, 200);
  const text = lines.join('\n');
  assert.ok(text.includes(`AWS_ENDPOINT_URL_SSO_OIDC=${url}`));
  assert.ok(text.includes(`AWS_ENDPOINT_URL_SSO=${url}`));
  assert.ok(text.includes(`AWS_ENDPOINT_URL_STS=${url}`));
  assert.ok(text.includes(`awsidc init --start-url https://d-0000000000.awsapps.com/start --sso-region us-east-1 --endpoint-url ${url}`));
  assert.ok(text.includes('7 account(s)'));
  ac.abort();
  await done;
  const after = await fetch(`${url}/__emulator/counters`).then(
    () => 'still up',
    () => 'closed',
  );
  assert.is(after, 'closed');
});

test('should turn a bad org file into a one-line config error', async () => {
  try {
    await runEmulator({ orgFile: '/nonexistent/org.json', log: () => {} });
    assert.unreachable('should fail');
  } catch (err) {
    assert.is((err as { code?: string }).code, 'CONFIG_MALFORMED');
    assert.match((err as Error).message, /\/nonexistent\/org\.json: cannot read org file/);
  }
});

test.run();
