import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsidcError } from '../../src/core/errors.js';
import { consoleHome, consoleLink, federationEndpoint, loginUrl, signinTokenUrl } from '../../src/services/console.js';

const con = suite('console link');

const doc = { AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: 'sec/ret+key=', SessionToken: 'tok en&=', Expiration: '2025-01-01T12:00:00Z' };

con('should pick the federation endpoint of the partition, or the override', () => {
  assert.is(federationEndpoint({ ssoRegion: 'eu-west-1' }), 'https://signin.aws.amazon.com/federation');
  assert.is(federationEndpoint({ ssoRegion: 'us-gov-west-1' }), 'https://signin.amazonaws-us-gov.com/federation');
  assert.is(federationEndpoint({ ssoRegion: 'cn-north-1' }), 'https://signin.amazonaws.cn/federation');
  assert.is(federationEndpoint({ ssoRegion: 'us-east-1', endpointUrl: 'http://127.0.0.1:9/' }), 'http://127.0.0.1:9/federation');
  assert.is(federationEndpoint({ ssoRegion: 'us-east-1', endpointUrl: 'http://127.0.0.1:9', override: 'https://proxy.example/fed' }), 'https://proxy.example/fed');
  assert.throws(() => federationEndpoint({ ssoRegion: 'us-east-1', override: 'ftp://x' }), (e: unknown) => e instanceof AwsidcError && e.code === 'USAGE');
});

con('should default to the console home of the profile region', () => {
  assert.is(consoleHome('eu-west-1'), 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
  assert.is(consoleHome('us-gov-east-1'), 'https://console.amazonaws-us-gov.com/console/home?region=us-gov-east-1');
  assert.is(consoleHome('cn-northwest-1'), 'https://console.amazonaws.cn/console/home?region=cn-northwest-1');
});

con('should encode the Session JSON and never send SessionDuration for role credentials', () => {
  const u = new URL(signinTokenUrl('https://signin.aws.amazon.com/federation', doc));
  assert.is(u.searchParams.get('Action'), 'getSigninToken');
  assert.equal(JSON.parse(u.searchParams.get('Session') ?? ''), { sessionId: doc.AccessKeyId, sessionKey: doc.SecretAccessKey, sessionToken: doc.SessionToken });
  assert.is(u.searchParams.has('SessionDuration'), false);
  const l = new URL(loginUrl('https://signin.aws.amazon.com/federation', 'https://x/?a=1&b=2', 'T+/='));
  assert.equal([...l.searchParams.keys()], ['Action', 'Issuer', 'Destination', 'SigninToken']);
  assert.is(l.searchParams.get('Destination'), 'https://x/?a=1&b=2');
  assert.is(l.searchParams.get('SigninToken'), 'T+/=');
});

con('should turn endpoint failures into one-line errors without the request URL', async () => {
  const refused = (async () => new Response('no', { status: 400 })) as typeof fetch;
  try {
    await consoleLink(doc, { federation: 'https://signin.aws.amazon.com/federation', destination: 'https://d/', fetchImpl: refused });
    assert.unreachable();
  } catch (e) {
    assert.instance(e, AwsidcError);
    assert.is((e as AwsidcError).code, 'SERVICE');
    assert.not.ok((e as Error).message.includes('sec/ret') || (e as Error).message.includes('Session'));
  }
  const noToken = (async () => new Response('{}', { status: 200 })) as typeof fetch;
  await consoleLink(doc, { federation: 'https://f/federation', destination: 'https://d/', fetchImpl: noToken }).then(
    () => assert.unreachable(),
    (e: AwsidcError) => assert.match(e.message, 'without a SigninToken'),
  );
  const down = (async () => {
    throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  }) as typeof fetch;
  await consoleLink(doc, { federation: 'https://f/federation', destination: 'https://d/', fetchImpl: down }).then(
    () => assert.unreachable(),
    (e: AwsidcError) => assert.equal([e.code, e.message], ['NETWORK', 'cannot reach the federation endpoint f (ECONNREFUSED)']),
  );
  const ok = (async () => Response.json({ SigninToken: 'abc' })) as typeof fetch;
  const link = await consoleLink(doc, { federation: 'https://f/federation', destination: 'https://d/', fetchImpl: ok });
  assert.is(link, 'https://f/federation?Action=login&Issuer=awsidc&Destination=https%3A%2F%2Fd%2F&SigninToken=abc');
});

con.run();
