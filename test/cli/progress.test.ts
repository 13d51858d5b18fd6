import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Output } from '../../src/cli/output.js';
import { etaMs, formatEta, plainLine, ProgressReporter, renderBar } from '../../src/cli/progress.js';

/** A fake stderr that records writes. */
function stream(tty: boolean, columns = 80) {
  const s = { isTTY: tty, columns, text: '', writes: 0, write: (chunk: string) => ((s.text += chunk), s.writes++, true) };
  return s;
}

function setup(tty: boolean, o: { quiet?: boolean } = {}) {
  const err = stream(tty);
  const out = new Output({ quiet: o.quiet, color: false }, err as never, stream(false) as never);
  const clock = { t: 0 };
  return { err, out, clock, progress: new ProgressReporter(out, 'acme: listing roles', () => clock.t) };
}

const format = suite('progress: formatting');

format('should format the ETA in seconds, minutes or hours', () => {
  assert.is(formatEta(48_400), '48s');
  assert.is(formatEta(185_000), '3m05s');
  assert.is(formatEta(3_720_000), '1h02m');
  assert.is(formatEta(-5), '0s');
});

format('should estimate time left from the pace so far, once there is one', () => {
  assert.is(etaMs({ done: 500, total: 2000, totalKnown: true, elapsedMs: 25_000 }), 75_000);
  assert.is(etaMs({ done: 500, total: 2000, totalKnown: false, elapsedMs: 25_000 }), undefined, 'total may still grow');
  assert.is(etaMs({ done: 0, total: 2000, totalKnown: true, elapsedMs: 25_000 }), undefined);
  assert.is(etaMs({ done: 5, total: 2000, totalKnown: true, elapsedMs: 200 }), undefined, 'too early to tell');
});

format('should draw a bar that fits the terminal', () => {
  const v = { done: 1042, total: 2000, totalKnown: true, elapsedMs: 52_000 };
  assert.is(renderBar('listing roles', v, 80), 'listing roles [=============>           ] 1042/2000 accounts   52%  ETA 48s');
  const barOf = (x: typeof v) => /\[[^\]]*\]/.exec(renderBar('listing roles', x, 80))?.[0].length;
  assert.is(barOf({ ...v, elapsedMs: 10 }), barOf(v), 'the bar keeps its width when the ETA appears');
  for (const cols of [20, 40, 60, 80, 200]) assert.ok(renderBar('listing roles', v, cols).length <= cols - 1, `fits ${cols}`);
  assert.match(renderBar('x', { done: 10, total: 10, totalKnown: true, elapsedMs: 5000 }, 80), /\[=+\] 10\/10 accounts  100%$/);
  assert.match(renderBar('x', { done: 3, total: 100, totalKnown: false, elapsedMs: 5000 }, 80), /3\/100\+ accounts/);
  assert.is(plainLine('acme: listing roles', v), 'acme: listing roles: 1042/2000 accounts (52%), about 48s left');
});

format.run();

const tty = suite('progress: on a terminal');

tty('should redraw one line in place at most ten times a second, and clear it at the end', () => {
  const { err, clock, progress } = setup(true);
  for (let done = 1; done <= 1000; done++) {
    clock.t += 5; // 1000 updates over 5 s
    progress.update({ done, total: 1000, totalKnown: true });
  }
  const draws = err.text.split('\r').filter((s) => s.includes('listing roles')).length;
  assert.ok(draws >= 45 && draws <= 52, `${draws} redraws in 5 s`);
  assert.not.ok(err.text.includes('\n'), 'never scrolls');
  progress.finish();
  assert.ok(err.text.endsWith('\r\x1b[K'), 'cleared');
});

tty('should clear the bar before any message, and draw nothing with --quiet', () => {
  const { err, out, progress } = setup(true);
  progress.update({ done: 1, total: 10, totalKnown: true });
  out.warn('something');
  assert.ok(err.text.endsWith('\r\x1b[Kwarning: something\n'));
  const quiet = setup(true, { quiet: true });
  quiet.progress.update({ done: 1, total: 10, totalKnown: true });
  quiet.progress.finish();
  assert.is(quiet.err.text, '');
});

tty.run();

const plain = suite('progress: in logs');

plain('should print a plain line at 25, 50 and 75 percent, nothing else', () => {
  const { err, clock, progress } = setup(false);
  for (let done = 1; done <= 2000; done++) {
    clock.t += 10;
    progress.update({ done, total: 2000, totalKnown: true });
  }
  progress.finish();
  const lines = err.text.trim().split('\n');
  assert.is(lines.length, 3, err.text);
  assert.match(lines[0] as string, /^acme: listing roles: 500\/2000 accounts \(25%\), about 15s left$/);
  assert.not.ok(err.text.includes('\r') || err.text.includes('\x1b'), 'no terminal codes');
});

plain('should stay silent for small orgs and while the total is unknown', () => {
  const { err, progress } = setup(false);
  for (let done = 1; done <= 20; done++) progress.update({ done, total: 20, totalKnown: true });
  for (let done = 1; done <= 200; done++) progress.update({ done, total: 300, totalKnown: false });
  assert.is(err.text, '');
});

plain.run();
