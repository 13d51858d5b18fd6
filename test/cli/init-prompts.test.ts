import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hasPty, runOnTerminal } from '../helpers/pty.js';
import { CLI } from '../helpers/sandbox.js';
import { world, type World } from './world.js';

// Answers `awsidc init`'s questions on a pseudo-terminal, the way a person would.
const s = suite<{ w: World; python: boolean }>('init asks for what is missing on a terminal', {} as never);

s.before(async (ctx) => {
  ctx.python = await hasPty();
  ctx.w = await world({ init: false });
});
s.after(async (ctx) => {
  await ctx.w.close();
});

s('should ask for the start URL, SSO region, alias and region, re-asking after a bad answer', async ({ w, python }) => {
  if (!python) {
    console.log('  (skipped: python3 with the pty module is not available)');
    return;
  }
  const cmd = `"${process.execPath}" "${CLI}" init --no-browser --endpoint-url ${w.emu.url}`;
  const steps: Array<[string, string]> = [
    ['AWS access portal URL', 'https://example.com/start\r'],
    ['AWS access portal URL', 'https://d-1234567890.awsapps.com/start\r'],
    ['Identity Center region', 'us-east-1\r'],
    ['Alias for this portal', '\r'],
    ['Default region for profiles', 'eu-central-1\r'],
  ];
  const r = await runOnTerminal(cmd, steps, w.box.env, w.box.home);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, 'not an IAM Identity Center portal host', 'a bad answer is explained and asked again');
  assert.match(r.stderr, '[d-1234567890]', 'the alias question offers one from the start URL');
  const integ = JSON.parse(readFileSync(join(w.box.env.AWSIDC_CONFIG_DIR!, 'integrations', 'd-1234567890.json'), 'utf8'));
  assert.equal(
    { startUrl: integ.startUrl, ssoRegion: integ.ssoRegion, region: integ.region },
    { startUrl: 'https://d-1234567890.awsapps.com/start', ssoRegion: 'us-east-1', region: 'eu-central-1' },
  );
  assert.match(readFileSync(w.box.configFile, 'utf8'), /^region = eu-central-1$/m);
});

s('should fail naming the flag when there is no terminal to ask on', async ({ w }) => {
  const r = await w.run(['init', '--sso-region', 'us-east-1', '--no-browser']);
  assert.is(r.code, 2);
  assert.match(r.stderr, /missing --start-url URL and there is no terminal to ask on; pass --start-url URL/);
});

s.run();
