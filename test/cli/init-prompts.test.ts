import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI } from '../helpers/sandbox.js';
import { runProgram, world, type World } from './world.js';

// Answers `awsidc init`'s questions on a pseudo-terminal (python3's pty module), the way a person would: each
// answer is typed once its question (the given text) has appeared.
const PTY = `
import json, os, pty, select, sys, time
steps = json.loads(sys.argv[2])
pid, fd = pty.fork()
if pid == 0:
    os.execvp('sh', ['sh', '-c', sys.argv[1]])
out = b''
seen = 0
deadline = time.time() + 30
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
    if steps and out.count(steps[0][0].encode()) > seen:
        expect, answer = steps.pop(0)
        seen = out.count(steps[0][0].encode()) if steps else 0
        os.write(fd, (answer + '\\r').encode())
_, status = os.waitpid(pid, 0)
sys.stderr.write(out.decode('utf8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))
`;

const s = suite<{ w: World; python: boolean }>('init asks for what is missing on a terminal', {} as never);

s.before(async (ctx) => {
  ctx.python = (await runProgram('python3', ['-c', 'import pty'], process.env)).code === 0;
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
  const script = join(w.box.home, 'answer_init.py');
  writeFileSync(script, PTY);
  const cmd = `"${process.execPath}" "${CLI}" init --no-browser --endpoint-url ${w.emu.url}`;
  const steps = [
    ['AWS access portal URL', 'https://example.com/start'],
    ['AWS access portal URL', 'https://d-1234567890.awsapps.com/start'],
    ['Identity Center region', 'us-east-1'],
    ['Alias for this portal', ''],
    ['Default region for profiles', 'eu-central-1'],
  ];
  const r = await runProgram('python3', [script, cmd, JSON.stringify(steps)], { ...w.box.env, TERM: 'xterm' }, 60_000);
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
