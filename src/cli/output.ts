// How commands talk to people: stderr for messages (stdout stays clean for --json and eval), colour only on a
// TTY and never with NO_COLOR, --quiet drops the chatter, --verbose explains. Secrets never pass through here.

export interface OutputOptions {
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
}

const codes = { red: 31, green: 32, yellow: 33, blue: 34, dim: 2, bold: 1 } as const;
type Colour = keyof typeof codes;

export class Output {
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly color: boolean;
  constructor(o: OutputOptions = {}, private readonly err: NodeJS.WriteStream = process.stderr, private readonly out: NodeJS.WriteStream = process.stdout) {
    this.quiet = Boolean(o.quiet);
    this.verbose = Boolean(o.verbose) && !this.quiet;
    this.color = o.color ?? (Boolean(err.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb');
  }
  paint(c: Colour, s: string): string {
    return this.color ? `\x1b[${codes[c]}m${s}\x1b[0m` : s;
  }
  /** Progress and chatter (dropped by --quiet). */
  info(line: string): void {
    if (!this.quiet) this.err.write(line + '\n');
  }
  success(line: string): void {
    if (!this.quiet) this.err.write(this.paint('green', '✓ ') + line + '\n');
  }
  warn(line: string): void {
    this.err.write(this.paint('yellow', 'warning: ') + line + '\n');
  }
  /** Explains what is happening (only with --verbose). */
  debug(line: string): void {
    if (this.verbose) this.err.write(this.paint('dim', `· ${line}`) + '\n');
  }
  /** Always shown, even with --quiet: what the user must act on (a code to approve). */
  notice(line: string): void {
    this.err.write(line + '\n');
  }
  /** The command's result, on stdout. */
  result(text: string): void {
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
