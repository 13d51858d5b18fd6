import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { credentialsProfileNames } from '../../src/aws-config/credentials-names.js';

const creds = suite('credentials file names');

creds('should read every section name of a credentials file, as both SDKs name them', () => {
  const text = '\ufeff[default]\naws_access_key_id = x\n\n[ prod ]\r\n# [commented]\n[profile odd]\n  [indented]\nkey = [not-a-section]\n';
  assert.equal([...credentialsProfileNames(text)], ['default', 'prod', 'profile odd', 'indented']);
  assert.equal([...credentialsProfileNames('')], []);
});

creds.run();
