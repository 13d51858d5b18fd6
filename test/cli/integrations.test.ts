import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { tokenPath } from '../../src/store/token-cache.js';
import { START_URL, world, type World } from './world.js';

const BETA_URL = 'https://beta-corp.awsapps.com/start';

// Hand-written content the commands must never touch: comments, a profile, odd spacing. (A file without a final
// newline gets one when the first block is appended, and removeBlock does not take it back: reported to aws-config.)
const ORIGINAL = [
  '# my settings',
  '[default]',
  'region = us-east-1',
  '',
  '[profile mine]   ',
  'region=eu-central-1',
  '; a comment',
  'output = json',
  '',
].join('\n');

const ints = suite<{ w: World }>('awsidc integrations', {} as never);

ints.before(async (ctx) => {
  ctx.w = await world({ init: false });
  mkdirSync(dirname(ctx.w.box.configFile), { recursive: true });
  writeFileSync(ctx.w.box.configFile, ORIGINAL);
});
ints.after(async (ctx) => {
  await ctx.w.close();
});

const token = (w: World, alias: string) => tokenPath(join(w.box.home, '.aws', 'sso', 'cache'), alias);

ints('should add an integration without logging in', async ({ w }) => {
  const r = await w.run(['integrations', 'add', '--alias', 'beta', '--start-url', BETA_URL, '--sso-region', 'us-east-1', '--region', 'us-west-2', '--endpoint-url', w.emu.url]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, 'added integration "beta"');
  assert.not.ok(existsSync(token(w, 'beta')), 'no login happened');
  assert.is(readFileSync(w.box.configFile, 'utf8'), ORIGINAL, 'the AWS config is untouched');
  const saved = JSON.parse(readFileSync(join(w.paths.configDir, 'integrations', 'beta.json'), 'utf8'));
  assert.equal(
    { alias: saved.alias, startUrl: saved.startUrl, ssoRegion: saved.ssoRegion, region: saved.region, ssoSessionName: saved.ssoSessionName },
    { alias: 'beta', startUrl: BETA_URL, ssoRegion: 'us-east-1', region: 'us-west-2', ssoSessionName: 'beta' },
  );
});

ints('should add, log in and sync with --login, each integration in its own block', async ({ w }) => {
  const r = await w.run(['integrations', 'add', '--alias', 'acme', '--start-url', START_URL, '--sso-region', 'us-east-1', '--region', 'eu-west-1', '--endpoint-url', w.emu.url, '--login', '--no-browser']);
  assert.is(r.code, 0, r.stderr);
  assert.ok(existsSync(token(w, 'acme')), 'logged in');
  const login = await w.run(['login', '--integration', 'beta', '--no-browser']);
  assert.is(login.code, 0, login.stderr);
  const sync = await w.run(['sync', '--integration', 'beta']);
  assert.is(sync.code, 0, sync.stderr);
  const text = readFileSync(w.box.configFile, 'utf8');
  assert.ok(text.startsWith(ORIGINAL), 'every byte before the blocks is kept');
  assert.match(text, /^# >>> awsidc integration "acme"/m);
  assert.match(text, /^# >>> awsidc integration "beta"/m);
  assert.match(text, /^\[sso-session acme\]$/m);
  assert.match(text, /^\[sso-session beta\]$/m);
  assert.ok(existsSync(token(w, 'beta')) && existsSync(token(w, 'acme')), 'one token each');
});

ints('should list each integration with its session and profile count', async ({ w }) => {
  const r = await w.run(['integrations', 'list', '--json']);
  assert.is(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as Array<{ alias: string; session: string; refreshable: boolean; profiles: number; expiresAt: string; region: string }>;
  assert.equal(rows.map((x) => x.alias), ['acme', 'beta']);
  for (const row of rows) {
    assert.is(row.session, 'valid');
    assert.is(row.refreshable, true);
    assert.is(row.profiles, 3);
    assert.match(row.expiresAt, /Z$/);
  }
  const table = await w.run(['integrations', 'list']);
  assert.is(table.code, 0, table.stderr);
  assert.match(table.stdout, /^ALIAS\s+START URL\s+SSO REGION\s+SESSION\s+PROFILES$/m);
  assert.match(table.stdout, /^beta\s+https:\/\/beta-corp\.awsapps\.com\/start\s+us-east-1\s+logged in, expires in \S+.*\s3$/m);
  assert.not.match(table.stdout, /\x1b\[/, 'no colour without a terminal');
});

ints('should edit fields, validate them, and say to run sync', async ({ w }) => {
  const r = await w.run(['integrations', 'edit', 'beta', '--region', 'ap-southeast-2', '--auto-login']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, 'awsidc sync --integration beta');
  const saved = JSON.parse(readFileSync(join(w.paths.configDir, 'integrations', 'beta.json'), 'utf8'));
  assert.is(saved.region, 'ap-southeast-2');
  assert.is(saved.autoLogin, true);
  const bad = await w.run(['integrations', 'edit', 'beta', '--region', 'mars-1']);
  assert.is(bad.code, 2);
  assert.match(bad.stderr, 'not an AWS region');
  const tpl = await w.run(['integrations', 'edit', 'beta', '--name-template', '{{nope}}']);
  assert.is(tpl.code, 6);
  const nothing = await w.run(['integrations', 'edit', 'beta']);
  assert.is(nothing.code, 2);
  assert.match(nothing.stderr, 'nothing to change');
  const url = await w.run(['integrations', 'edit', 'beta', '--start-url', 'https://beta-corp.awsapps.com/start/']);
  assert.is(url.code, 0, url.stderr);
  assert.match(url.stderr, 'awsidc login --integration beta');
  const back = await w.run(['integrations', 'edit', 'beta', '--start-url', BETA_URL, '--name-template', '']);
  assert.is(back.code, 0, back.stderr);
  const missing = await w.run(['integrations', 'edit', 'gamma', '--region', 'eu-west-1']);
  assert.is(missing.code, 6);
});

ints('should refuse a second integration with the same alias', async ({ w }) => {
  const r = await w.run(['integrations', 'add', '--alias', 'acme', '--start-url', START_URL, '--sso-region', 'us-east-1']);
  assert.is(r.code, 6);
  assert.match(r.stderr, 'already exists');
});

ints('should not remove without --yes when there is no terminal', async ({ w }) => {
  const before = readFileSync(w.box.configFile, 'utf8');
  const r = await w.run(['integrations', 'remove', 'acme']);
  assert.is(r.code, 2);
  assert.match(r.stderr, '--yes');
  assert.is(readFileSync(w.box.configFile, 'utf8'), before);
});

ints('should remove one integration: its block, token, snapshot and file, and nothing else', async ({ w }) => {
  const before = readFileSync(w.box.configFile, 'utf8');
  const betaBlock = before.slice(before.indexOf('\n\n# >>> awsidc integration "beta"'));
  const r = await w.run(['integrations', 'remove', 'acme', '--yes']);
  assert.is(r.code, 0, r.stderr);
  const after = readFileSync(w.box.configFile, 'utf8');
  assert.not.match(after, /awsidc integration "acme"/);
  assert.ok(after.startsWith(ORIGINAL), 'hand-written content kept');
  assert.ok(after.endsWith(betaBlock), 'the other block is untouched');
  assert.not.ok(existsSync(token(w, 'acme')), 'token deleted');
  assert.ok(existsSync(token(w, 'beta')), 'the other token stays');
  assert.not.ok(existsSync(join(w.paths.configDir, 'integrations', 'acme.json')));
  assert.not.ok(existsSync(join(w.paths.configDir, 'state', 'acme.json')));
  assert.not.ok(existsSync(join(w.paths.cacheDir, 'credentials', 'acme')));
  const list = JSON.parse((await w.run(['integrations', 'list', '--json'])).stdout) as Array<{ alias: string }>;
  assert.equal(list.map((x) => x.alias), ['beta']);
});

ints('should give back the original file byte for byte once every integration is removed', async ({ w }) => {
  const r = await w.run(['integrations', 'rm', 'beta', '-y']);
  assert.is(r.code, 0, r.stderr);
  assert.is(readFileSync(w.box.configFile, 'utf8'), ORIGINAL);
  const again = await w.run(['integrations', 'remove', 'beta', '--yes']);
  assert.is(again.code, 6, 'nothing left to remove');
});

ints.run();
