import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PROFILE, world, type World } from './world.js';

const con = suite<{ w: World }>('awsidc console', {} as never);

con.before(async (ctx) => {
  ctx.w = await world();
});
con.after(async (ctx) => {
  await ctx.w.close();
});

/** Follows the printed link like a browser would, one hop: the federation endpoint redirects to the destination. */
async function follow(link: string): Promise<{ status: number; location: string | null }> {
  const res = await fetch(link, { redirect: 'manual' });
  await res.arrayBuffer();
  return { status: res.status, location: res.headers.get('location') };
}

con('should print a sign-in link the emulator\'s federation endpoint redirects to the console home', async ({ w }) => {
  w.emu.resetCounters();
  const r = await w.run(['console', '--profile', PROFILE, '--print']);
  assert.is(r.code, 0, r.stderr);
  const link = r.stdout.trim();
  assert.is(r.stdout.split('\n').filter(Boolean).length, 1, 'one line on stdout');
  const u = new URL(link);
  assert.is(`${u.origin}${u.pathname}`, `${w.emu.url}/federation`, 'the integration\'s endpoint override is used');
  assert.is(u.searchParams.get('Action'), 'login');
  assert.is(u.searchParams.get('Issuer'), 'awsidc');
  assert.is(u.searchParams.get('Destination'), 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
  assert.ok((u.searchParams.get('SigninToken') ?? '').length > 20, 'carries a sign-in token');
  assert.is(w.emu.counters().GetSigninToken, 1);
  const hop = await follow(link);
  assert.is(hop.status, 302);
  assert.is(hop.location, 'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1');
  assert.not.ok(r.stderr.includes('SigninToken'), 'the link is not logged');
});

con('should honour --destination and --federation-url', async ({ w }) => {
  const dest = 'https://us-east-1.console.aws.amazon.com/s3/home';
  const r = await w.run(['console', '--profile', PROFILE, '--print', '--destination', dest, '--federation-url', `${w.emu.url}/federation`, '--verbose']);
  assert.is(r.code, 0, r.stderr);
  const hop = await follow(r.stdout.trim());
  assert.is(hop.location, dest);
  assert.not.ok(r.stderr.includes(r.stdout.trim()), '--verbose never shows the link');
  const c = w.cached('111111111111', 'AdministratorAccess');
  assert.not.ok(r.stderr.includes(c.SessionToken) || r.stderr.includes(c.SecretAccessKey), 'no secret on stderr');
});

con('should open the link in the browser (AWSIDC_BROWSER) and print nothing on stdout', async ({ w }) => {
  const got = join(w.box.home, 'browser-got');
  const browser = join(w.box.home, 'browser.sh');
  writeFileSync(browser, `#!/bin/sh\nprintf '%s' "$1" > "${got}"\n`);
  chmodSync(browser, 0o700);
  const r = await w.run(['console', '--profile', PROFILE], { env: { AWSIDC_BROWSER: browser } });
  assert.is(r.code, 0, r.stderr);
  assert.is(r.stdout, '');
  for (let i = 0; i < 100 && !existsSync(got); i++) await new Promise((res) => setTimeout(res, 20));
  const hop = await follow(readFileSync(got, 'utf8'));
  assert.is(hop.status, 302);
});

con('should fail with one line, and no URL, when the federation endpoint refuses', async ({ w }) => {
  const r = await w.run(['console', '--profile', PROFILE, '--print', '--federation-url', `${w.emu.url}/nope`]);
  assert.is(r.code, 5);
  assert.is(r.stdout, '');
  assert.match(r.stderr, /refused the sign-in request \(HTTP 404\)/);
  assert.not.ok(r.stderr.includes('Session='), 'the request URL (with the credentials) is not shown');
  const bad = await w.run(['console', '--profile', PROFILE, '--print', '--destination', 'not a url']);
  assert.is(bad.code, 2);
});

con.run();
