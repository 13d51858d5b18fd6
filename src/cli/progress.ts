import type { Output } from './output.js';

// Progress of a long listing on stderr. On a terminal: one bar redrawn in place, at most ten times a second,
// removed at the end:
//   listing roles [=========>          ] 1042/2000 accounts  52%  ETA 48s
// Elsewhere (CI logs, pipes): a plain line at 25, 50 and 75 percent, and only for orgs big enough to wait for.
// The formatting is pure (numbers in, text out); the reporter takes the clock as an input.

/** What the bar shows. */
export interface ProgressView {
  done: number;
  total: number;
  /** false while account pages are still arriving: the total may grow. */
  totalKnown: boolean;
  elapsedMs: number;
}

/** "48s", "3m05s", "1h02m". */
export function formatEta(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** Time left at the pace so far; undefined until there is a pace to go by (1 s and one account done). */
export function etaMs(v: ProgressView): number | undefined {
  if (!v.totalKnown || v.done <= 0 || v.elapsedMs < 1000 || v.done >= v.total) return undefined;
  return (v.elapsedMs / v.done) * (v.total - v.done);
}

function counts(v: ProgressView): string {
  return `${v.done}/${v.total}${v.totalKnown ? '' : '+'} accounts`;
}

function percent(v: ProgressView): number {
  return v.total > 0 ? Math.floor((v.done / v.total) * 100) : 0;
}

/** The one-line bar, at most `columns - 1` characters wide; the bar keeps its width while the numbers change. */
export function renderBar(label: string, v: ProgressView, columns: number): string {
  const eta = etaMs(v);
  const tail = ` ${counts(v)}  ${String(percent(v)).padStart(3)}%${eta === undefined ? '' : `  ETA ${formatEta(eta)}`}`;
  const widest = ` ${counts({ ...v, done: v.total, totalKnown: false })}  100%  ETA 00m00s`;
  const room = columns - 1 - label.length - widest.length - 3;
  if (room < 10) return `${label} ${counts(v)}`.slice(0, Math.max(0, columns - 1));
  const width = Math.min(40, room);
  const filled = v.total > 0 ? Math.min(width, Math.floor((v.done / v.total) * width)) : 0;
  const bar = filled >= width ? '='.repeat(width) : `${'='.repeat(filled)}>${' '.repeat(width - filled - 1)}`;
  return `${label} [${bar}]${tail}`;
}

/** The plain line for logs. */
export function plainLine(label: string, v: ProgressView): string {
  const eta = etaMs(v);
  return `${label}: ${counts(v)} (${percent(v)}%)${eta === undefined ? '' : `, about ${formatEta(eta)} left`}`;
}

/** Plain lines are only worth it from this many accounts on. */
export const PLAIN_MIN_ACCOUNTS = 50;
const PLAIN_STEPS = [25, 50, 75];

/** Shows the progress of one listing on `out`; call finish() in a finally block. */
export class ProgressReporter {
  private readonly started: number;
  private lastDraw = -Infinity;
  private nextStep = 0;
  private last: ProgressView | undefined;

  constructor(
    private readonly out: Output,
    private readonly label: string,
    private readonly now: () => number = Date.now,
    private readonly minIntervalMs = 100,
  ) {
    this.started = now();
  }

  update(p: { done: number; total: number; totalKnown: boolean }): void {
    if (this.out.quiet) return;
    const t = this.now();
    const v: ProgressView = { ...p, elapsedMs: t - this.started };
    this.last = v;
    if (this.out.tty) {
      const final = v.totalKnown && v.done >= v.total;
      if (!final && t - this.lastDraw < this.minIntervalMs) return;
      this.lastDraw = t;
      this.out.status(renderBar(this.label, v, this.out.columns));
      return;
    }
    if (!v.totalKnown || v.total < PLAIN_MIN_ACCOUNTS) return;
    let crossed: number | undefined;
    while (this.nextStep < PLAIN_STEPS.length && percent(v) >= (PLAIN_STEPS[this.nextStep] as number)) crossed = PLAIN_STEPS[this.nextStep++];
    if (crossed !== undefined && v.done < v.total) this.out.info(plainLine(this.label, v));
  }

  /** Removes the bar (TTY); the summary line that follows says how it ended. */
  finish(): void {
    this.out.clearStatus();
  }

  /** The last state seen (for tests and the summary). */
  get state(): ProgressView | undefined {
    return this.last;
  }
}
