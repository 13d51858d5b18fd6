import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileAtomic } from '../../src/store/atomic-write.js';
import { withLockOrResult } from '../../src/store/lock.js';
import { readFreshRoleCache, writeRoleCache } from '../../src/store/role-cache.js';
import { readToken, tokenPath, writeToken } from '../../src/store/token-cache.js';
import { toProcessOutput } from '../../src/core/process-output.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'awsidc-store-'));

test('should name token files as botocore and the JS SDK do (reference vectors)', () => {
  assert.is(tokenPath('/c', 'my-sso'), '/c/0ad374308c5a4e22f723adf10145eafad7c4031c.json');
  assert.is(tokenPath('/c', 'https://d-1234567890.awsapps.com/start'), '/c/7487b5b67d5fa1132cf33fa93ae51ef38cc37752.json');
});

test('should write private files atomically into private directories', () => {
  const dir = join(tmp(), 'a', 'b');
  const file = join(dir, 'x.json');
  writeFileAtomic(file, 'one');
  writeFileAtomic(file, 'two');
  assert.is(readFileSync(file, 'utf8'), 'two');
  assert.is(statSync(file).mode & 0o777, 0o600);
  assert.is(statSync(dir).mode & 0o777, 0o700);
  assert.equal(readdirSync(dir), ['x.json'], 'no temp files left behind');
});

test('should keep token fields it does not own and drop a refresh token the service no longer returns', () => {
  const file = join(tmp(), 'sso', 'cache', 't.json');
  writeFileAtomic(file, JSON.stringify({ startUrl: 'u', region: 'r', accessToken: 'old', expiresAt: 'x', refreshToken: 'rt', somethingElse: { keep: true } }));
  writeToken(file, { startUrl: 'u', region: 'us-east-1', accessToken: 'new', expiresAt: Date.parse('2030-01-01T00:00:00.500Z') });
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(raw.somethingElse, { keep: true });
  assert.is(raw.accessToken, 'new');
  assert.is(raw.expiresAt, '2030-01-01T00:00:00Z');
  assert.is(raw.refreshToken, undefined);
  assert.is(readToken(file)?.accessToken, 'new');
  writeFileSync(file, '{"accessToken": 1}');
  assert.is(readToken(file), undefined, 'a malformed token is treated as missing');
});

test('should serve role credentials from cache only with more than 15 minutes left', () => {
  const file = join(tmp(), 'c.json');
  const now = Date.now();
  writeRoleCache(file, toProcessOutput({ accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T', expiration: now + 16 * 60_000 }, '123456789012'));
  assert.ok(readFreshRoleCache(file, now));
  assert.is(readFreshRoleCache(file, now + 2 * 60_000), undefined);
  writeFileSync(file, '{"Version":1,');
  assert.is(readFreshRoleCache(file, now), undefined, 'a corrupt cache is a miss');
});

test('should run the work once while other callers wait for its result', async () => {
  const file = join(tmp(), 'locked');
  let calls = 0;
  let result: string | undefined;
  const results = await Promise.all(
    Array.from({ length: 5 }, () =>
      withLockOrResult(file, () => result, async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 150));
        result = 'done';
        return result;
      }),
    ),
  );
  assert.is(calls, 1);
  assert.equal(results, ['done', 'done', 'done', 'done', 'done']);
});

test.run();
