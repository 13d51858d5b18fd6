import { EventEmitter } from 'node:events';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exitLikeChild, runChild, signalExitCode } from '../../src/services/exec.js';

const ex = suite('exec: child process and exit status');

ex('should map signals to 128+n', () => {
  assert.is(signalExitCode('SIGINT'), 130);
  assert.is(signalExitCode('SIGTERM'), 143);
  assert.is(signalExitCode('SIGHUP'), 129);
});

/** A stand-in for `process` that records what exitLikeChild does. */
function fakeProcess() {
  const p = Object.assign(new EventEmitter(), {
    pid: 4242,
    exitCode: undefined as number | undefined,
    killed: [] as Array<[number, string]>,
    exited: [] as number[],
    kill(pid: number, sig: string) {
      p.killed.push([pid, sig]);
      return true;
    },
    exit(code: number) {
      p.exited.push(code);
    },
  });
  return p;
}

ex('should copy an exit code, and re-raise a signal after dropping its handlers', () => {
  const a = fakeProcess();
  exitLikeChild({ kind: 'exited', code: 3 }, a as unknown as NodeJS.Process);
  assert.is(a.exitCode, 3);
  assert.equal(a.killed, []);
  const b = fakeProcess();
  b.on('SIGTERM', () => undefined);
  exitLikeChild({ kind: 'signalled', signal: 'SIGTERM' }, b as unknown as NodeJS.Process);
  assert.is(b.listenerCount('SIGTERM'), 0, 'our handler would swallow the re-raised signal');
  assert.equal(b.killed, [[4242, 'SIGTERM']]);
  assert.is(b.exitCode, 143, 'the fallback status if the signal does not kill us');
});

ex('should run a command with the given environment and report how it ended', async () => {
  const env = { PATH: process.env.PATH, AWSIDC_TEST_VALUE: 'seen' };
  const listeners = process.listenerCount('SIGINT');
  const r = await runChild('sh', ['-c', 'test "$AWSIDC_TEST_VALUE" = seen && exit 5'], env);
  assert.equal(r, { kind: 'exited', code: 5 });
  const s = await runChild('sh', ['-c', 'kill -HUP $$'], env);
  assert.equal(s, { kind: 'signalled', signal: 'SIGHUP' });
  const missing = await runChild('awsidc-surely-missing-command', [], env);
  assert.is(missing.kind, 'spawn-error');
  assert.is(missing.kind === 'spawn-error' && missing.errno, 'ENOENT');
  assert.is(process.listenerCount('SIGINT'), listeners, 'forwarding handlers are removed afterwards');
});

ex.run();
