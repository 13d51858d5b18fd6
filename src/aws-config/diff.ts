// A unified diff of two texts (for `--dry-run`), e.g.
//   --- /home/me/.aws/config
//   +++ /home/me/.aws/config
//   @@ -3,4 +3,5 @@
//    [profile a]
//   -region = us-east-1
//   +region = eu-west-1
// Myers' O(ND) algorithm after trimming the common head and tail: the block is one small region of a big file,
// so a 10,000-line config costs a few milliseconds.

type Op = { t: ' ' | '-' | '+'; line: string };

/** Beyond this many edits, the middle is shown as one delete plus one insert (still a correct diff). */
const MAX_EDIT_DISTANCE = 2000;

// Lines keep their "\n", so a last line without one differs from the same line with one.
function tokenize(text: string): string[] {
  const out: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    if (nl === -1) {
      out.push(text.slice(pos));
      break;
    }
    out.push(text.slice(pos, nl + 1));
    pos = nl + 1;
  }
  return out;
}

// Shortest edit script between a and b (integer line ids), as ops in order.
function myers(a: Int32Array, b: Int32Array, aLines: string[], bLines: string[], aOff: number, bOff: number): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const offset = max + 1;
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && d <= MAX_EDIT_DISTANCE; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number)) ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
    if (found >= 0) break;
  }
  if (found < 0) return undefined;
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1] as Int32Array;
    const at = (k: number): number => prev[k + d - 1] as number;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > (down ? prevX : prevX + 1) && y > (down ? prevY + 1 : prevY)) {
      ops.push({ t: ' ', line: aLines[aOff + x - 1] as string });
      x--;
      y--;
    }
    if (down) ops.push({ t: '+', line: bLines[bOff + prevY] as string });
    else ops.push({ t: '-', line: aLines[aOff + prevX] as string });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push({ t: ' ', line: aLines[aOff + x - 1] as string });
    x--;
    y--;
  }
  return ops.reverse();
}

function diffOps(aLines: string[], bLines: string[]): Op[] {
  let head = 0;
  while (head < aLines.length && head < bLines.length && aLines[head] === bLines[head]) head++;
  let tail = 0;
  while (tail < aLines.length - head && tail < bLines.length - head && aLines[aLines.length - 1 - tail] === bLines[bLines.length - 1 - tail]) tail++;
  const ids = new Map<string, number>();
  const idOf = (s: string): number => {
    let id = ids.get(s);
    if (id === undefined) {
      id = ids.size;
      ids.set(s, id);
    }
    return id;
  };
  const aMid = aLines.slice(head, aLines.length - tail);
  const bMid = bLines.slice(head, bLines.length - tail);
  const a = Int32Array.from(aMid, idOf);
  const b = Int32Array.from(bMid, idOf);
  const middle = myers(a, b, aLines, bLines, head, head) ?? [
    ...aMid.map((line): Op => ({ t: '-', line })),
    ...bMid.map((line): Op => ({ t: '+', line })),
  ];
  return [
    ...aLines.slice(0, head).map((line): Op => ({ t: ' ', line })),
    ...middle,
    ...aLines.slice(aLines.length - tail).map((line): Op => ({ t: ' ', line })),
  ];
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

function formatLine(op: Op): string {
  return op.line.endsWith('\n') ? `${op.t}${op.line}` : `${op.t}${op.line}\n\\ No newline at end of file\n`;
}

/** A unified diff (3 lines of context by default) from oldText to newText; "" when they are equal. */
export function unifiedDiff(oldText: string, newText: string, path: string, context = 3): string {
  if (oldText === newText) return '';
  const ops = diffOps(tokenize(oldText), tokenize(newText));
  // Line numbers before each op.
  const oldBefore = new Int32Array(ops.length + 1);
  const newBefore = new Int32Array(ops.length + 1);
  ops.forEach((op, i) => {
    oldBefore[i + 1] = (oldBefore[i] as number) + (op.t === '+' ? 0 : 1);
    newBefore[i + 1] = (newBefore[i] as number) + (op.t === '-' ? 0 : 1);
  });
  let out = `--- ${path}\n+++ ${path}\n`;
  let i = 0;
  while (i < ops.length) {
    let c = i;
    while (c < ops.length && (ops[c] as Op).t === ' ') c++;
    if (c >= ops.length) break;
    const start = Math.max(i, c - context);
    let j = c;
    let end: number;
    for (;;) {
      while (j < ops.length && (ops[j] as Op).t !== ' ') j++;
      let r = j;
      while (r < ops.length && (ops[r] as Op).t === ' ') r++;
      if (r < ops.length && r - j <= 2 * context) {
        j = r;
        continue;
      }
      end = Math.min(ops.length, j + context);
      break;
    }
    const oldCount = (oldBefore[end] as number) - (oldBefore[start] as number);
    const newCount = (newBefore[end] as number) - (newBefore[start] as number);
    const oldStart = (oldBefore[start] as number) + (oldCount === 0 ? 0 : 1);
    const newStart = (newBefore[start] as number) + (newCount === 0 ? 0 : 1);
    out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`;
    for (let k = start; k < end; k++) out += formatLine(ops[k] as Op);
    i = end;
  }
  return out;
}
