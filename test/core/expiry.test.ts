import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatDuration, isExpired, isFresh, ROLE_CREDENTIAL_REFRESH_WINDOW_MS, toRfc3339 } from '../../src/core/expiry.js';
import { parseProcessOutput, toProcessOutput } from '../../src/core/process-output.js';

const now = Date.parse('2025-01-01T12:00:00Z');

test('should treat credentials as fresh only with more than 15 minutes left', () => {
  assert.ok(isFresh(now + 16 * 60_000, now, ROLE_CREDENTIAL_REFRESH_WINDOW_MS));
  assert.not.ok(isFresh(now + 15 * 60_000, now, ROLE_CREDENTIAL_REFRESH_WINDOW_MS));
  assert.not.ok(isFresh(now + 14 * 60_000, now, ROLE_CREDENTIAL_REFRESH_WINDOW_MS));
  assert.not.ok(isFresh('not a date', now, 0));
  assert.not.ok(isFresh(undefined, now, 0));
  assert.ok(isExpired('2025-01-01T11:59:59Z', now));
  assert.not.ok(isExpired('2025-01-01T12:00:01Z', now));
});

test('should print RFC 3339 UTC with Z and no milliseconds', () => {
  assert.is(toRfc3339(now + 1234), '2025-01-01T12:00:01Z');
  assert.is(formatDuration(45_000), '45s');
  assert.is(formatDuration(125 * 60_000), '2h 5m');
});

test('should emit the credential_process document every SDK accepts', () => {
  const text = toProcessOutput({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 's', sessionToken: 't', expiration: now + 3600_000 }, '123456789012');
  const doc = JSON.parse(text);
  assert.is(doc.Version, 1);
  assert.type(doc.Version, 'number');
  assert.is(doc.Expiration, '2025-01-01T13:00:00Z');
  assert.is(doc.AccountId, '123456789012');
  assert.equal(Object.keys(doc), ['Version', 'AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration', 'AccountId']);
  assert.ok(parseProcessOutput(text));
  assert.is(parseProcessOutput('{"Version":"1","AccessKeyId":"a","SecretAccessKey":"b","Expiration":"x"}'), undefined);
  assert.is(parseProcessOutput('{"Vers'), undefined);
});

test.run();
