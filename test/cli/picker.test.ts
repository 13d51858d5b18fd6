import { PassThrough } from 'node:stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyKey, decodeKeys, filterItems, fuzzyScore, pick, profileLine, renderFrame, type PickItem } from '../../src/cli/picker.js';
import { AwsidcError } from '../../src/core/errors.js';

const picker = suite('profile picker');

const profiles = [
  { name: 'Payments-Prod.AdministratorAccess', accountName: 'Payments (Prod)', accountId: '111111111111', roleName: 'AdministratorAccess' },
  { name: 'Payments-Prod.ReadOnlyAccess', accountName: 'Payments (Prod)', accountId: '111111111111', roleName: 'ReadOnlyAccess' },
  { name: 'Sandbox.PowerUserAccess', accountName: 'Sandbox', accountId: '222222222222', roleName: 'PowerUserAccess' },
  { name: 'Log-Archive.ReadOnlyAccess', accountName: 'Log Archive', accountId: '333333333333', roleName: 'ReadOnlyAccess' },
];
const items: PickItem<string>[] = profiles.map((p) => ({ text: profileLine(p), value: p.name }));

picker('should match in order, case-insensitively, and rank tight matches first', () => {
  assert.is(fuzzyScore('xyz', 'Payments'), undefined);
  assert.ok(fuzzyScore('pay', 'Payments') !== undefined);
  assert.is(fuzzyScore('', 'anything'), 0);
  assert.equal(filterItems(items, 'sandbox').map((i) => i.value), ['Sandbox.PowerUserAccess']);
  assert.equal(filterItems(items, '2222').map((i) => i.value), ['Sandbox.PowerUserAccess'], 'matches the account id');
  assert.match(filterItems(items, 'readonly')[0]!.value, /ReadOnlyAccess$/, 'a whole word ranks first');
  assert.is(filterItems(items, 'zzz').length, 0);
  assert.is(filterItems(items, 'payro')[0]!.value, 'Payments-Prod.ReadOnlyAccess', 'word starts win');
  assert.is(filterItems(items, 'log ro')[0]!.value, 'Log-Archive.ReadOnlyAccess', 'spaces are ignored');
});

picker('should decode arrows, Enter, Esc, Ctrl keys and typed text', () => {
  assert.equal(decodeKeys('\x1b[A\x1b[B\x1bOA\r'), [{ name: 'up' }, { name: 'down' }, { name: 'up' }, { name: 'enter' }]);
  assert.equal(decodeKeys('\x1b'), [{ name: 'escape' }]);
  assert.equal(decodeKeys('ab\x7f'), [{ name: 'char', ch: 'a' }, { name: 'char', ch: 'b' }, { name: 'backspace' }]);
  assert.equal(decodeKeys('\x03'), [{ name: 'cancel' }]);
  assert.equal(decodeKeys('\x1b[1;5C'), [], 'unknown sequences are dropped whole');
  assert.equal(decodeKeys('\x10\x0e\x15'), [{ name: 'up' }, { name: 'down' }, { name: 'clear' }]);
});

picker('should move, wrap, filter and finish', () => {
  let s = { query: '', cursor: 0 };
  s = applyKey(s, { name: 'up' }, 4).state;
  assert.is(s.cursor, 3, 'wraps to the last row');
  s = applyKey(s, { name: 'down' }, 4).state;
  assert.is(s.cursor, 0);
  s = applyKey(s, { name: 'char', ch: 'x' }, 4).state;
  assert.equal(s, { query: 'x', cursor: 0 });
  assert.is(applyKey(s, { name: 'enter' }, 0).done, undefined, 'Enter with no match does nothing');
  assert.is(applyKey(s, { name: 'enter' }, 2).done, 'choose');
  assert.is(applyKey(s, { name: 'escape' }, 2).done, 'cancel');
  assert.equal(applyKey({ query: 'ab cd', cursor: 1 }, { name: 'delete-word' }, 2).state, { query: 'ab ', cursor: 0 });
});

picker('should draw a bounded window with the cursor row marked, without colour when off', () => {
  const lines = renderFrame('Profile', { query: 'a', cursor: 1 }, items, items.length, { rows: 6, columns: 30, color: false });
  assert.is(lines[0], 'Profile: a');
  assert.is(lines.length, 1 + 4 + 1);
  assert.ok(lines[2]!.startsWith('> '), 'cursor row');
  assert.ok(lines.every((l) => [...l].length <= 40));
  assert.not.ok(lines.join('').includes('\x1b['));
});

/** A fake terminal: stdin that records raw mode, stderr that records what was drawn. */
function fakeTty() {
  const input = Object.assign(new PassThrough(), { isTTY: true, isRaw: false, modes: [] as boolean[] });
  (input as unknown as { setRawMode: (m: boolean) => void }).setRawMode = (m: boolean) => {
    input.modes.push(m);
    input.isRaw = m;
  };
  let drawn = '';
  const output = Object.assign(new PassThrough(), { rows: 20, columns: 100 });
  output.on('data', (d: Buffer) => (drawn += d.toString()));
  return { input, output, drawn: () => drawn };
}

picker('should pick by typing and Enter, in raw mode, drawing on the output only', async () => {
  const t = fakeTty();
  const chosen = pick('Profile', items, { input: t.input, output: t.output, color: false });
  t.input.write('sand');
  t.input.write('\r');
  assert.is(await chosen, 'Sandbox.PowerUserAccess');
  assert.equal(t.input.modes, [true, false], 'raw mode on, then restored');
  assert.match(t.drawn(), 'Profile: sand');
});

picker('should pick with the arrow keys', async () => {
  const t = fakeTty();
  const chosen = pick('Profile', items, { input: t.input, output: t.output, color: false });
  t.input.write('\x1b[B\x1b[B');
  t.input.write('\r');
  assert.is(await chosen, items[2]!.value);
});

picker('should cancel on Esc with CANCELLED (exit 130)', async () => {
  const t = fakeTty();
  const chosen = pick('Profile', items, { input: t.input, output: t.output, color: false });
  t.input.write('\x1b');
  try {
    await chosen;
    assert.unreachable('should have been cancelled');
  } catch (err) {
    assert.instance(err, AwsidcError);
    assert.is((err as AwsidcError).code, 'CANCELLED');
    assert.is((err as AwsidcError).exitCode, 130);
  }
  assert.equal(t.input.modes, [true, false]);
});

picker.run();
