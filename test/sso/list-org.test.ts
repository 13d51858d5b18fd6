import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { GaveUpError, listOrg, type ListProgress } from '../../src/sso/list-org.js';
import { pacedCall, StoppedError } from '../../src/sso/paced-call.js';
import { fakeLister, fakeOrg, httpError, virtualPace } from './helpers.js';

const paced = suite('pacedCall');

paced('should retry a throttled call after the Retry-After and slow the shared limiter down', async () => {
  const pace = virtualPace({ initialRps: 10 });
  let n = 0;
  const r = await pacedCall(pace, async () => {
    if (++n < 3) throw httpError('TooManyRequestsException', 429, { 'retry-after': '2' });
    return 'ok';
  });
  assert.is(r, 'ok');
  assert.is(n, 3);
  assert.equal(pace.stats, { calls: 3, throttled: 2, transient: 0 });
  assert.ok(pace.limiter.rate < 10, 'slowed down');
  assert.ok(pace.clock.t >= 4000, `waited ${pace.clock.t} ms`);
});

paced('should cap a huge Retry-After for everyone, not only for the throttled call', async () => {
  const pace = virtualPace({ initialRps: 10 });
  let n = 0;
  await pacedCall(pace, async () => {
    if (++n === 1) throw httpError('TooManyRequestsException', 429, { 'retry-after': '3600' });
    return 'ok';
  });
  const other = pace.limiter.reserve();
  assert.ok(pace.clock.t <= pace.policy.maxDelayMs + 1000, `waited ${pace.clock.t} ms`);
  assert.ok(other.delayMs < 1000, 'the next caller is not held for an hour');
});

paced('should give up on a persistent 5xx after the transient budget and rethrow the last error', async () => {
  const pace = virtualPace();
  let n = 0;
  const err = await pacedCall(pace, async () => {
    n++;
    throw httpError('InternalServerException', 500);
  }).catch((e: Error) => e);
  assert.is((err as Error).name, 'InternalServerException');
  assert.is(n, pace.policy.maxTransientAttempts);
});

paced('should not repeat a fatal error, and should stop when told to', async () => {
  const pace = virtualPace();
  let n = 0;
  await pacedCall(pace, async () => {
    n++;
    throw httpError('ForbiddenException', 403);
  }).catch(() => undefined);
  assert.is(n, 1);
  const stopped = await pacedCall({ ...pace, stopped: () => true }, async () => 'sent').catch((e: Error) => e);
  assert.instance(stopped, StoppedError);
});

paced.run();

const list = suite('listOrg');

list('should list every page of accounts and of roles, sorted by account id', async () => {
  const org = fakeOrg(10, 5);
  org.accounts.reverse();
  const { lister } = fakeLister(org, { pageSize: 2 });
  const events: ListProgress[] = [];
  const r = await listOrg(lister, 'token', { pace: virtualPace(), onProgress: (p) => events.push(p) });
  assert.is(r.accounts.length, 10);
  assert.equal(r.accounts.map((a) => a.accountId), [...r.accounts.map((a) => a.accountId)].sort());
  assert.ok(r.accounts.every((a) => a.roles.length === 5));
  assert.equal(r.failed, []);
  assert.is(r.incomplete, undefined);
  const last = events[events.length - 1];
  assert.equal(last, { done: 10, total: 10, totalKnown: true });
  for (let i = 1; i < events.length; i++) assert.ok((events[i] as ListProgress).done >= (events[i - 1] as ListProgress).done, 'done never goes back');
});

list('should keep at most `concurrency` role listings in flight', async () => {
  const { lister, stats } = fakeLister(fakeOrg(40, 1), { pageSize: 100 });
  await listOrg(lister, 'token', { pace: virtualPace({ burst: 1000, initialRps: 100 }), concurrency: 3 });
  assert.ok(stats.peak <= 4, `peak ${stats.peak} (3 role workers + the account pager)`);
  assert.ok(stats.peak >= 2);
});

list('should report the accounts whose roles fail for good and list the rest', async () => {
  const org = fakeOrg(6);
  const bad = org.accounts[2]?.accountId as string;
  const { lister } = fakeLister(org, {
    fault: (op, key, n) => {
      if (op === 'roles' && key.startsWith(bad)) throw httpError('InternalServerException', 500);
      if (op === 'roles' && n === 1) throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
    },
  });
  const pace = virtualPace();
  const r = await listOrg(lister, 'token', { pace });
  assert.equal(r.failed.map((f) => f.accountId), [bad]);
  assert.is(r.accounts.length, 5, 'a reset connection is retried');
  assert.ok(pace.stats.transient >= 6);
});

list('should stop everything on an invalid session (401) and throw it', async () => {
  const org = fakeOrg(200);
  const { lister, stats } = fakeLister(org, {
    pageSize: 100,
    fault: (op, key) => {
      if (op === 'roles' && key.startsWith(org.accounts[5]?.accountId as string)) throw httpError('UnauthorizedException', 401);
    },
  });
  const err = await listOrg(lister, 'token', { pace: virtualPace(), concurrency: 4 }).catch((e: Error) => e);
  assert.is((err as Error).name, 'UnauthorizedException');
  assert.ok(stats.calls < 20, `stopped early after ${stats.calls} calls`);
});

list('should throw when the first page of accounts fails, and mark the listing incomplete when a later one does', async () => {
  const first = fakeLister(fakeOrg(9), { fault: (op) => { if (op === 'accounts') throw httpError('ForbiddenException', 403); } });
  const err = await listOrg(first.lister, 't', { pace: virtualPace() }).catch((e: Error) => e);
  assert.is((err as Error).name, 'ForbiddenException');

  const later = fakeLister(fakeOrg(9), { pageSize: 3, fault: (op, key) => { if (op === 'accounts' && key === '6') throw httpError('InternalServerException', 500); } });
  const r = await listOrg(later.lister, 't', { pace: virtualPace() });
  assert.is(r.accounts.length, 6);
  assert.is((r.incomplete as Error).name, 'InternalServerException');
});

list('should stop calling after too many accounts fail in a row, and report the rest as not tried', async () => {
  const { lister, stats } = fakeLister(fakeOrg(100, 1), { pageSize: 100, fault: (op) => { if (op === 'roles') throw httpError('InternalServerException', 500); } });
  const r = await listOrg(lister, 't', { pace: virtualPace({ burst: 1000 }), concurrency: 2, maxConsecutiveFailures: 5 });
  assert.is(r.failed.length, 100);
  assert.ok(r.failed.some((f) => f.error instanceof GaveUpError));
  assert.ok(stats.calls < 40, `${stats.calls} calls`);
});

list.run();
