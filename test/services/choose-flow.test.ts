import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chooseFlow, isWsl, localBrowser, type Host } from '../../src/services/choose-flow.js';

const linux = (env: NodeJS.ProcessEnv, osRelease = '6.8.0-45-generic'): Host => ({ env, platform: 'linux', osRelease });
const mac = (env: NodeJS.ProcessEnv = {}): Host => ({ env, platform: 'darwin', osRelease: '24.0.0' });

test('should default to the browser flow (PKCE) where a local browser can be opened', () => {
  assert.equal(chooseFlow(mac(), {}), { flow: 'pkce', openBrowser: true, fallbackToDevice: true, why: 'a local browser is available' });
  assert.is(chooseFlow(linux({ DISPLAY: ':0' }), {}).flow, 'pkce');
  assert.is(chooseFlow(linux({ WAYLAND_DISPLAY: 'wayland-0' }), {}).flow, 'pkce');
  assert.is(chooseFlow({ env: {}, platform: 'win32', osRelease: '10.0.22631' }, {}).flow, 'pkce');
});

test('should use the device code in an SSH session, on a desktop-less Linux, and with --use-device-code', () => {
  const ssh = chooseFlow(mac({ SSH_CONNECTION: '10.0.0.2 50000 10.0.0.1 22' }), {});
  assert.equal(ssh, { flow: 'device', openBrowser: false, fallbackToDevice: false, why: 'this is an SSH session' });
  assert.is(chooseFlow(linux({ DISPLAY: ':0', SSH_TTY: '/dev/pts/1' }), {}).flow, 'device');
  const headless = chooseFlow(linux({}), {});
  assert.is(headless.flow, 'device');
  assert.is(headless.openBrowser, false);
  assert.match(headless.why, /DISPLAY/);
  assert.equal(chooseFlow(mac(), { useDeviceCode: true }), { flow: 'device', openBrowser: true, fallbackToDevice: false, why: '--use-device-code' });
  assert.is(chooseFlow(linux({}), { useDeviceCode: true }).openBrowser, false, 'no browser to open for the code either');
});

test('should never open a browser with --no-browser and sign in with the device code (a PKCE redirect cannot reach another machine)', () => {
  assert.equal(chooseFlow(mac(), { browser: false }), { flow: 'device', openBrowser: false, fallbackToDevice: false, why: '--no-browser' });
  assert.is(chooseFlow(mac({ AWSIDC_BROWSER: 'x' }), { browser: false, useDeviceCode: true }).openBrowser, false);
});

test('should treat WSL without a display as having a browser (the Windows one)', () => {
  assert.ok(isWsl(linux({}, '5.15.153.1-microsoft-standard-WSL2')));
  assert.ok(isWsl(linux({ WSL_DISTRO_NAME: 'Ubuntu' })));
  assert.not.ok(isWsl(linux({})));
  assert.is(chooseFlow(linux({}, '5.15.153.1-microsoft-standard-WSL2'), {}).flow, 'pkce');
});

test('should trust AWSIDC_BROWSER as an explicit opener, but not BROWSER, over SSH and headless detection', () => {
  assert.equal(localBrowser(linux({ AWSIDC_BROWSER: 'my-opener', SSH_CONNECTION: 'a b c d' })), { available: true });
  assert.is(localBrowser(linux({ BROWSER: 'w3m', SSH_CONNECTION: 'a b c d' })).available, false);
});

test.run();
