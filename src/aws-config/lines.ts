// The config file as lines that remember their own terminators, so untouched lines are written back byte for byte.

/** One line without its terminator, and the terminator it had ("\n", "\r\n" or "" for a last line without one). */
export interface Line {
  text: string;
  eol: string;
}

/** A file split into lines, with its byte-order mark and dominant line ending. */
export interface SplitText {
  /** The file started with U+FEFF; it is not part of lines[0]. */
  bom: boolean;
  lines: Line[];
  /** "\r\n" when most lines end that way, else "\n"; used for every line awsidc adds. */
  eol: '\n' | '\r\n';
}

const BOM = '\ufeff';

/** Splits a file into lines; joinLines(splitLines(t)) === t for every string t. */
export function splitLines(text: string): SplitText {
  const bom = text.startsWith(BOM);
  const body = bom ? text.slice(1) : text;
  const lines: Line[] = [];
  let crlf = 0;
  let lf = 0;
  let pos = 0;
  while (pos < body.length) {
    const nl = body.indexOf('\n', pos);
    if (nl === -1) {
      lines.push({ text: body.slice(pos), eol: '' });
      break;
    }
    if (nl > pos && body.charCodeAt(nl - 1) === 13) {
      lines.push({ text: body.slice(pos, nl - 1), eol: '\r\n' });
      crlf++;
    } else {
      lines.push({ text: body.slice(pos, nl), eol: '\n' });
      lf++;
    }
    pos = nl + 1;
  }
  return { bom, lines, eol: crlf > lf ? '\r\n' : '\n' };
}

/** The inverse of splitLines. */
export function joinLines(split: Pick<SplitText, 'bom' | 'lines'>): string {
  let out = split.bom ? BOM : '';
  for (const l of split.lines) out += l.text + l.eol;
  return out;
}
