import { AwsidcError } from '../core/errors.js';

// A small keyboard-driven fuzzy picker: type to filter, arrows (or Ctrl-P/Ctrl-N) to move, Enter to choose, Esc or
// Ctrl-C to cancel. Keys come from stdin in raw mode; everything is drawn on stderr, so stdout stays clean for
// `eval "$(awsidc export)"`. The matching and key handling are pure and tested without a terminal.

/** One choice: `text` is what the filter matches against and what is shown. */
export interface PickItem<T> {
  text: string;
  value: T;
}

/**
 * Fuzzy score of `query` against `text`: undefined when the query's characters do not all appear in order
 * (case-insensitive, spaces in the query ignored); otherwise higher is better. The best alignment wins:
 * consecutive characters and word starts (after a separator, or a camelCase hump) earn bonuses.
 */
export function fuzzyScore(query: string, text: string): number | undefined {
  const q = [...query.toLowerCase().replace(/\s+/g, '')];
  if (q.length === 0) return 0;
  const chars = [...text];
  const t = chars.map((c) => c.toLowerCase());
  const bonus = chars.map((c, j) => {
    const prev = chars[j - 1];
    const start = j === 0 || /[^\p{L}\p{N}]/u.test(prev as string) || (/\p{Ll}/u.test(prev as string) && /\p{Lu}/u.test(c));
    return start ? 3 : 0;
  });
  // best[j]: the best score with the current query character placed at text position j (-Infinity: impossible).
  let best: number[] = t.map((c, j) => (c === q[0] ? 1 + (bonus[j] as number) - Math.min(j, 20) * 0.05 : -Infinity));
  for (let i = 1; i < q.length; i++) {
    const next: number[] = new Array<number>(t.length).fill(-Infinity);
    let prefixMax = -Infinity;
    for (let j = 0; j < t.length; j++) {
      if (j >= 2) prefixMax = Math.max(prefixMax, best[j - 2] as number);
      if (t[j] !== q[i]) continue;
      const consecutive = j >= 1 ? (best[j - 1] as number) + 5 : -Infinity;
      const gap = prefixMax;
      const from = Math.max(consecutive, gap);
      if (from > -Infinity) next[j] = from + 1 + (bonus[j] as number);
    }
    best = next;
  }
  const score = Math.max(...best);
  return score === -Infinity ? undefined : score;
}

/** The items matching `query`, best first; ties keep the original order. */
export function filterItems<T>(items: readonly PickItem<T>[], query: string): PickItem<T>[] {
  const scored: Array<{ item: PickItem<T>; score: number; index: number }> = [];
  items.forEach((item, index) => {
    const score = fuzzyScore(query, item.text);
    if (score !== undefined) scored.push({ item, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.map((s) => s.item);
}

/** A decoded key press. */
export type Key =
  | { name: 'up' | 'down' | 'pageup' | 'pagedown' | 'home' | 'end' | 'enter' | 'escape' | 'cancel' | 'backspace' | 'clear' | 'delete-word' }
  | { name: 'char'; ch: string };

const SEQUENCES: Array<[string, Key]> = [
  ['\x1b[A', { name: 'up' }], ['\x1bOA', { name: 'up' }],
  ['\x1b[B', { name: 'down' }], ['\x1bOB', { name: 'down' }],
  ['\x1b[5~', { name: 'pageup' }], ['\x1b[6~', { name: 'pagedown' }],
  ['\x1b[H', { name: 'home' }], ['\x1b[F', { name: 'end' }], ['\x1bOH', { name: 'home' }], ['\x1bOF', { name: 'end' }],
  ['\x1b[1~', { name: 'home' }], ['\x1b[4~', { name: 'end' }],
];

/** Splits one chunk of raw terminal input into keys; unknown escape sequences are dropped. */
export function decodeKeys(chunk: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < chunk.length) {
    const rest = chunk.slice(i);
    const seq = SEQUENCES.find(([s]) => rest.startsWith(s));
    if (seq) {
      keys.push(seq[1]);
      i += seq[0].length;
      continue;
    }
    const c = chunk[i] as string;
    if (c === '\x1b') {
      // A lone ESC is the Escape key; ESC [ … is a sequence we do not know: skip to its final byte.
      const m = /^\x1b(?:\[[0-9;?]*[ -/]*[@-~]|O.)/.exec(rest);
      if (m) i += m[0].length;
      else {
        keys.push({ name: 'escape' });
        i++;
      }
      continue;
    }
    i++;
    if (c === '\r' || c === '\n') keys.push({ name: 'enter' });
    else if (c === '\x03' || c === '\x04') keys.push({ name: 'cancel' });
    else if (c === '\x7f' || c === '\b') keys.push({ name: 'backspace' });
    else if (c === '\x10') keys.push({ name: 'up' });
    else if (c === '\x0e') keys.push({ name: 'down' });
    else if (c === '\x15') keys.push({ name: 'clear' });
    else if (c === '\x17') keys.push({ name: 'delete-word' });
    else if (c >= ' ') keys.push({ name: 'char', ch: c });
  }
  return keys;
}

/** What the picker shows: the filter text and the highlighted row among the matches. */
export interface PickerState {
  query: string;
  cursor: number;
}

/** Applies one key; `done` says the user chose (Enter on a match) or gave up (Esc, Ctrl-C). */
export function applyKey(state: PickerState, key: Key, matches: number, page = 10): { state: PickerState; done?: 'choose' | 'cancel' } {
  const clamp = (n: number): number => Math.max(0, Math.min(n, Math.max(0, matches - 1)));
  switch (key.name) {
    case 'up':
      return { state: { ...state, cursor: matches === 0 ? 0 : (state.cursor - 1 + matches) % matches } };
    case 'down':
      return { state: { ...state, cursor: matches === 0 ? 0 : (state.cursor + 1) % matches } };
    case 'pageup':
      return { state: { ...state, cursor: clamp(state.cursor - page) } };
    case 'pagedown':
      return { state: { ...state, cursor: clamp(state.cursor + page) } };
    case 'home':
      return { state: { ...state, cursor: 0 } };
    case 'end':
      return { state: { ...state, cursor: clamp(matches - 1) } };
    case 'enter':
      return matches > 0 ? { state, done: 'choose' } : { state };
    case 'escape':
    case 'cancel':
      return { state, done: 'cancel' };
    case 'backspace':
      return { state: { query: [...state.query].slice(0, -1).join(''), cursor: 0 } };
    case 'clear':
      return { state: { query: '', cursor: 0 } };
    case 'delete-word':
      return { state: { query: state.query.replace(/\S*\s*$/, ''), cursor: 0 } };
    case 'char':
      return { state: { query: state.query + key.ch, cursor: 0 } };
  }
}

/** The terminal the picker runs on; tests pass fakes. */
export interface PickerIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown; isRaw?: boolean };
  output: NodeJS.WritableStream & { rows?: number; columns?: number };
  color: boolean;
}

function truncate(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : chars.slice(0, Math.max(1, width - 1)).join('') + '…';
}

/** The lines of one frame: the prompt, then the visible window of matches around the cursor. */
export function renderFrame<T>(title: string, state: PickerState, matches: readonly PickItem<T>[], total: number, o: { rows: number; columns: number; color: boolean }): string[] {
  const height = Math.max(3, Math.min(10, o.rows - 2));
  const start = Math.max(0, Math.min(state.cursor - Math.floor(height / 2), matches.length - height));
  const visible = matches.slice(start, start + height);
  const dim = (s: string): string => (o.color ? `\x1b[2m${s}\x1b[0m` : s);
  const lines = [`${title}: ${state.query}`];
  visible.forEach((m, i) => {
    const active = start + i === state.cursor;
    const text = truncate(m.text, o.columns - 3);
    lines.push(active ? (o.color ? `\x1b[7m> ${text}\x1b[0m` : `> ${text}`) : `  ${text}`);
  });
  lines.push(dim(matches.length === 0 ? '  no match (Backspace to widen, Esc to cancel)' : `  ${matches.length}/${total}  ↑↓ move  Enter choose  Esc cancel`));
  return lines;
}

/**
 * Lets the user choose one item on the terminal. Resolves with its value; rejects with CANCELLED on Esc/Ctrl-C.
 * The input is put in raw mode for the duration and restored, and the drawn lines are erased when done.
 */
export function pick<T>(title: string, items: readonly PickItem<T>[], io: PickerIo): Promise<T> {
  if (items.length === 0) return Promise.reject(new AwsidcError('PROFILE_NOT_FOUND', 'there is nothing to choose from'));
  const { input, output } = io;
  let state: PickerState = { query: '', cursor: 0 };
  let matches = filterItems(items, '');
  let drawn = 0;
  const draw = (): void => {
    const lines = renderFrame(title, state, matches, items.length, { rows: output.rows || 24, columns: output.columns || 80, color: io.color });
    // Back to the prompt line, clear everything below, draw, then park the cursor at the end of the prompt.
    let s = '\r\x1b[J' + lines.join('\r\n');
    if (lines.length > 1) s += `\x1b[${lines.length - 1}A`;
    s += `\r\x1b[${[...(lines[0] as string)].length}C`;
    output.write(s);
    drawn = lines.length;
  };
  const erase = (): void => {
    if (drawn > 0) output.write('\r\x1b[J');
  };
  return new Promise<T>((resolve, reject) => {
    const wasRaw = Boolean(input.isRaw);
    input.setRawMode?.(true);
    input.resume();
    const finish = (err: Error | undefined, value?: T): void => {
      input.removeListener('data', onData);
      input.setRawMode?.(wasRaw);
      input.pause();
      erase();
      if (err) reject(err);
      else resolve(value as T);
    };
    const onData = (chunk: Buffer | string): void => {
      for (const key of decodeKeys(chunk.toString())) {
        const r = applyKey(state, key, matches.length);
        if (r.state.query !== state.query) matches = filterItems(items, r.state.query);
        state = r.state;
        if (r.done === 'cancel') return finish(new AwsidcError('CANCELLED', 'cancelled'));
        if (r.done === 'choose') return finish(undefined, (matches[state.cursor] as PickItem<T>).value);
      }
      draw();
    };
    input.on('data', onData);
    draw();
  });
}

/** The line a profile shows in the picker: name, account name and id, role. Typing matches any of them. */
export function profileLine(p: { name: string; accountName: string; accountId: string; roleName: string }): string {
  return `${p.name}  ·  ${p.accountName} (${p.accountId})  ·  ${p.roleName}`;
}

/** Lets the user pick a profile on the terminal (stdin raw mode, drawn on stderr). */
export function pickProfile<T extends { name: string; accountName: string; accountId: string; roleName: string }>(profiles: readonly T[], color: boolean): Promise<T> {
  return pick('Profile', profiles.map((p) => ({ text: profileLine(p), value: p })), { input: process.stdin, output: process.stderr, color });
}
