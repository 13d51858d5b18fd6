// What every bench part returns and how main.ts prints it: a titled, aligned table with notes under it.

/** One block of bench output. Cells are preformatted strings; numbers are right-aligned by the printer. */
export interface Section {
  title: string;
  header: string[];
  rows: string[][];
  notes: string[];
}

const NUMERIC = /^[-+]?[\d.,]+( ?(ms|MB|KB|x|%))?$/;

/**
 * Renders a section, e.g.
 *   ## Machine
 *   item   value
 *   -----  --------
 *   node   v20.20.2
 */
export function renderSection(s: Section): string {
  const widths = s.header.map((h, i) => Math.max(h.length, ...s.rows.map((r) => (r[i] ?? '').length)));
  const cell = (text: string, i: number) => (NUMERIC.test(text) ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[]) => cells.map(cell).join('  ').trimEnd();
  return [
    `## ${s.title}`,
    line(s.header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...s.rows.map(line),
    ...s.notes.map((n) => `  · ${n}`),
    '',
  ].join('\n');
}
