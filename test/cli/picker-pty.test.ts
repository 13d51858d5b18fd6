import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI } from '../helpers/sandbox.js';
import { runProgram, world, type World } from './world.js';

// Drives the real picker on a pseudo-terminal (python3's pty module): stdin and stderr are the terminal, stdout
// goes to a file, exactly like `eval "$(awsidc export)"` typed in a shell.
const PTY = `
import os, pty, select, sys, time
keys = [k.encode() for k in sys.argv[2:]]
pid, fd = pty.fork()
if pid == 0:
    os.execvp('sh', ['sh', '-c', sys.argv[1]])
out = b''
deadline = time.time() + 20
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.05)
    if r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
    if keys and b'Profile:' in out:
        os.write(fd, keys.pop(0))
        time.sleep(0.15)
_, status = os.waitpid(pid, 0)
sys.stderr.write(out.decode('utf8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))
`;

const pty = suite<{ w: World; python: boolean }>('picker on a real terminal', {} as never);

pty.before(async (ctx) => {
  ctx.python = (await runProgram('python3', ['-c', 'import pty'], process.env)).code === 0;
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
  const script = join(w.box.home, 'drive_terminal.py');
  writeFileSync(script, PTY);
  const cmd = `"${process.execPath}" "${CLI}" export --format json > "${out}"`;
  const r = await runProgram('python3', [script, cmd, 'sandbox', '\r'], { ...w.box.env, TERM: 'xterm' });
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stderr, 'Payments-Prod.AdministratorAccess', 'the list was drawn on the terminal');
  const got = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>;
  assert.ok(got.AWS_ACCESS_KEY_ID === w.cached('222222222222', 'PowerUserAccess').AccessKeyId, 'the Sandbox profile was chosen');
  assert.is(got.AWS_REGION, 'eu-west-1');
});

pty('should cancel on Esc with exit 130 and print nothing', async ({ w, python }) => {
  if (!python) return;
  const out = join(w.box.home, 'cancelled.json');
  const script = join(w.box.home, 'drive_terminal.py');
  writeFileSync(script, PTY);
  const r = await runProgram('python3', [script, `"${process.execPath}" "${CLI}" export > "${out}"`, '\x1b'], { ...w.box.env, TERM: 'xterm' });
  assert.is(r.code, 130, r.stderr);
  assert.is(readFileSync(out, 'utf8'), '');
});

pty.run();
