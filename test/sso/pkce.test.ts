import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { authorizeUrl, codeChallenge, codeVerifier, VERIFIER_ALPHABET } from '../../src/sso/pkce.js';

test('should compute the S256 challenge of RFC 7636 appendix B', () => {
  assert.is(codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'), 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
});

test('should make 64-character verifiers from [A-Za-z0-9-._~] only, skipping biased bytes', () => {
  assert.is(VERIFIER_ALPHABET.length, 66);
  for (let i = 0; i < 50; i++) assert.match(codeVerifier(), /^[A-Za-z0-9\-._~]{64}$/);
  assert.is.not(codeVerifier(), codeVerifier());
  // Bytes >= 198 would make the first 58 characters likelier; they are dropped, not folded.
  let batches = 0;
  const skewed = (n: number) => {
    const first = batches++ === 0;
    return Buffer.from(Array.from({ length: n }, (_, i) => (first ? 255 : i % 66)));
  };
  const v = codeVerifier(skewed);
  assert.is(v.length, 64);
  assert.ok(v.startsWith('ABC'), 'the first batch (all 255) was skipped');
  assert.is(batches, 2);
});

test('should build the /authorize URL in the AWS CLI order, scopes plural, code_challenge last and unencoded', () => {
  const url = authorizeUrl('https://oidc.us-east-1.amazonaws.com/', {
    clientId: 'abc_DEF-123',
    redirectUri: 'http://127.0.0.1:53122/oauth/callback',
    state: '3f2b6a0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
    challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    scopes: ['sso:account:access', 'codewhisperer:completions'],
  });
  assert.is(
    url,
    'https://oidc.us-east-1.amazonaws.com/authorize?response_type=code&client_id=abc_DEF-123' +
      '&redirect_uri=http%3A%2F%2F127.0.0.1%3A53122%2Foauth%2Fcallback&state=3f2b6a0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b' +
      '&code_challenge_method=S256&scopes=sso%3Aaccount%3Aaccess+codewhisperer%3Acompletions' +
      '&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  );
  assert.equal([...new URL(url).searchParams.keys()], ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge_method', 'scopes', 'code_challenge']);
});

test.run();
