import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { oidcClient } from '../../src/sso/clients.js';
import { resolveOidcBaseUrl } from '../../src/sso/oidc-endpoint.js';

const saved = { ...process.env };
test.after.each(() => {
  process.env = { ...saved };
});

test('should use the regional OIDC host when nothing overrides it', async () => {
  delete process.env.AWS_ENDPOINT_URL_SSO_OIDC;
  delete process.env.AWS_ENDPOINT_URL;
  assert.is(await resolveOidcBaseUrl(oidcClient({ ssoRegion: 'eu-west-1' })), 'https://oidc.eu-west-1.amazonaws.com');
});

test('should move /authorize with an endpoint override and drop its path', async () => {
  assert.is(await resolveOidcBaseUrl(oidcClient({ ssoRegion: 'us-east-1', endpointUrl: 'http://127.0.0.1:4566/some/prefix' })), 'http://127.0.0.1:4566');
});

test('should follow AWS_ENDPOINT_URL_SSO_OIDC as the SDK does, without sending anything', async () => {
  process.env.AWS_ENDPOINT_URL_SSO_OIDC = 'http://localhost:1/oidc';
  assert.is(await resolveOidcBaseUrl(oidcClient({ ssoRegion: 'us-east-1' })), 'http://localhost:1');
});

test.run();
