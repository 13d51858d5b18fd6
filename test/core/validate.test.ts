import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsidcError } from '../../src/core/errors.js';
import { suggestAlias, validateAlias, validateRegion, validateStartUrl } from '../../src/core/validate.js';

const throwsCode = (fn: () => unknown, code: string) => {
  try {
    fn();
  } catch (err) {
    assert.instance(err, AwsidcError);
    assert.is((err as AwsidcError).code, code);
    assert.ok((err as AwsidcError).hint, 'an error names its fix');
    return;
  }
  assert.unreachable('should have thrown');
};

test('should accept every documented start URL form and keep it byte for byte', () => {
  for (const url of [
    'https://d-1234567890.awsapps.com/start',
    'https://d-1234567890.awsapps.com/start/',
    'https://d-1234567890.awsapps.com/start/#',
    'https://d-1234567890.awsapps.com/start#/',
    'https://mycompany.awsapps.com/start',
    'https://start.us-gov-home.awsapps.com/directory/d-1234567890',
    'https://ssoins-1234567890abcdef.eu-west-1.portal.amazonaws.com',
    'https://ssoins-1234567890abcdef.portal.eu-west-1.app.aws',
    'http://127.0.0.1:4000/start',
  ]) {
    assert.is(validateStartUrl(url), url);
  }
});

test('should refuse start URLs that are not Identity Center portals', () => {
  throwsCode(() => validateStartUrl('d-1234567890.awsapps.com/start'), 'INVALID_START_URL');
  throwsCode(() => validateStartUrl('http://d-1234567890.awsapps.com/start'), 'INVALID_START_URL');
  throwsCode(() => validateStartUrl('https://evil.example.com/start'), 'INVALID_START_URL');
  throwsCode(() => validateStartUrl('https://d-1234567890.awsapps.com/login'), 'INVALID_START_URL');
  throwsCode(() => validateStartUrl('https://user:pw@d-1234567890.awsapps.com/start'), 'INVALID_START_URL');
});

test('should accept AWS region names and refuse others', () => {
  for (const r of ['us-east-1', 'eu-central-2', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-7', 'us-iso-east-1', 'il-central-1', 'mx-central-1']) {
    assert.is(validateRegion(r), r);
  }
  for (const r of ['us-east', 'US-EAST-1', 'useast1', 'eu-west-1a', '', 'us-east-1 ']) {
    if (r.trim() === 'us-east-1') continue;
    throwsCode(() => validateRegion(r), 'INVALID_REGION');
  }
});

test('should accept plain aliases and suggest one from the start URL', () => {
  assert.is(validateAlias('acme-prod'), 'acme-prod');
  throwsCode(() => validateAlias('Acme'), 'INVALID_ALIAS');
  throwsCode(() => validateAlias('-acme'), 'INVALID_ALIAS');
  throwsCode(() => validateAlias('a b'), 'INVALID_ALIAS');
  assert.is(suggestAlias('https://mycompany.awsapps.com/start'), 'mycompany');
  assert.is(suggestAlias('https://d-1234567890.awsapps.com/start'), 'd-1234567890');
  assert.is(suggestAlias('https://start.us-gov-home.awsapps.com/directory/x'), 'default');
});

test.run();
