import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { locateConfigFile } from '../../src/aws-config/locate.js';

const locate = suite('locateConfigFile');

locate('should use ~/.aws/config by default', () => {
  assert.is(locateConfigFile({}, '/home/me'), join('/home/me', '.aws', 'config'));
  assert.is(locateConfigFile({ AWS_CONFIG_FILE: '' }, '/home/me'), join('/home/me', '.aws', 'config'));
});

locate('should prefer AWS_CONFIG_FILE and expand a leading ~/', () => {
  assert.is(locateConfigFile({ AWS_CONFIG_FILE: '/etc/aws/config' }, '/home/me'), '/etc/aws/config');
  assert.is(locateConfigFile({ AWS_CONFIG_FILE: '~/work/aws-config' }, '/home/me'), join('/home/me', 'work', 'aws-config'));
  assert.is(locateConfigFile({ AWS_CONFIG_FILE: 'relative/config' }, '/home/me'), 'relative/config');
  assert.is(locateConfigFile({ AWS_CONFIG_FILE: '~other/config' }, '/home/me'), '~other/config');
});

locate.run();
