import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hasPty, runOnTerminal } from '../helpers/pty.js';
import { CLI } from '../helpers/sandbox.js';
import { world, type World } from './world.js';

// The real picker on a pseudo-terminal: stdin and stderr are the terminal, stdout goes to a file, exactly like
// `eval "$(awsidc export)"` typed in a shell.
const pty = suite<{ w: World; python: boolean }>('picker on a real terminal', {} as never);

pty.before(async (ctx) => {
  ctx.python = await hasPty();
  ctx.w = await world();
});
pty.after(async (ctx) => {
  await ctx.w.close();
});

pty('should pick a profile by typing and Enter, with only the answer on stdout', async ({ w, python }) => {
  if (!python) {
    console.log('  (skipped: python3 with the pty module is not available)');
    return;
  }
  const out = join(w.box.home, 'picked.json');
  const cmd = `"${process.execPath}" "${CLI}" export --format json > "${out}"`;
  const r = await runOnTerminal(cmd, [['Profile:', 'sandbox'], ['Profile:', '\r']], w.box.env, w.box.home);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, 'Payments-Prod.AdministratorAccess', 'the list was drawn on the terminal');
  const got = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>;
  assert.ok(got.AWS_ACCESS_KEY_ID === w.cached('222222222222', 'PowerUserAccess').AccessKeyId, 'the Sandbox profile was chosen');
  assert.is(got.AWS_REGION, 'eu-west-1');
});

pty('should cancel on Esc with exit 130 and print nothing', async ({ w, python }) => {
  if (!python) return;
  const out = join(w.box.home, 'cancelled.json');
  const r = await runOnTerminal(`"${process.execPath}" "${CLI}" export > "${out}"`, [['Profile:', '\x1b']], w.box.env, w.box.home);
  assert.is(r.code, 130, r.stderr);
  assert.is(readFileSync(out, 'utf8'), '');
});

pty.run();
