// How commands talk to people: stderr for messages (stdout stays clean for --json and eval), colour only on a
// TTY and never with NO_COLOR, --quiet drops the chatter, --verbose explains. Secrets never pass through here.

export interface OutputOptions {
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
}

const codes = { red: 31, green: 32, yellow: 33, blue: 34, dim: 2, bold: 1 } as const;
type Colour = keyof typeof codes;

/** The parts of a stream Output uses (a TTY stream has isTTY and columns). */
export type OutputStream = Pick<NodeJS.WriteStream, 'write'> & { isTTY?: boolean; columns?: number };

export class Output {
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly color: boolean;
  /** stderr is a terminal: progress may redraw one line in place. */
  readonly tty: boolean;
  private statusShown = false;
  constructor(o: OutputOptions = {}, private readonly err: OutputStream = process.stderr, private readonly out: OutputStream = process.stdout) {
    this.quiet = Boolean(o.quiet);
    this.verbose = Boolean(o.verbose) && !this.quiet;
    this.tty = Boolean(err.isTTY) && process.env.TERM !== 'dumb';
    this.color = o.color ?? (this.tty && !process.env.NO_COLOR);
  }
  paint(c: Colour, s: string): string {
    return this.color ? `\x1b[${codes[c]}m${s}\x1b[0m` : s;
  }
  /** Width of the terminal (80 when unknown). */
  get columns(): number {
    return this.err.columns && this.err.columns > 0 ? this.err.columns : 80;
  }
  /** Draws `line` in place of the previous status line (TTY only, not with --quiet); the next message clears it. */
  status(line: string): void {
    if (!this.tty || this.quiet) return;
    this.err.write(`\r${line}\x1b[K`);
    this.statusShown = true;
  }
  /** Removes the status line, leaving the cursor at the start of an empty line. */
  clearStatus(): void {
    if (!this.statusShown) return;
    this.err.write('\r\x1b[K');
    this.statusShown = false;
  }
  private line(text: string): void {
    this.clearStatus();
    this.err.write(text + '\n');
  }
  /** Progress and chatter (dropped by --quiet). */
  info(line: string): void {
    if (!this.quiet) this.line(line);
  }
  success(line: string): void {
    if (!this.quiet) this.line(this.paint('green', '✓ ') + line);
  }
  warn(line: string): void {
    this.line(this.paint('yellow', 'warning: ') + line);
  }
  /** Explains what is happening (only with --verbose). */
  debug(line: string): void {
    if (this.verbose) this.line(this.paint('dim', `· ${line}`));
  }
  /** Always shown, even with --quiet: what the user must act on (a code to approve). */
  notice(line: string): void {
    this.line(line);
  }
  /** The command's result, on stdout. */
  result(text: string): void {
    this.clearStatus();
    this.out.write(text.endsWith('\n') ? text : text + '\n');
  }
  json(value: unknown): void {
    this.out.write(JSON.stringify(value, null, 2) + '\n');
  }
}

/** Left-aligned columns for listings. */
export function table(rows: string[][], header?: string[]): string {
  const all = header ? [header, ...rows] : rows;
  const widths: number[] = [];
  for (const r of all) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return all.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - [...c].length))).join('  ')).join('\n');
}
