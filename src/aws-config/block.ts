/*
 * The managed block: awsidc owns one marked block per integration in the AWS config file and never changes a
 * byte outside it. A block looks like this (style `process`):
 *
 *   # >>> awsidc integration "acme" -- managed by awsidc; edits inside are replaced by `awsidc sync`
 *   [sso-session acme]
 *   sso_start_url = https://d-1234567890.awsapps.com/start
 *   sso_region = us-east-1
 *   sso_registration_scopes = sso:account:access
 *
 *   [profile Payments-Prod.AdministratorAccess]
 *   region = eu-west-1
 *   credential_process = "/usr/bin/node" "/opt/awsidc/dist/awsidc.cjs" credentials --integration acme --account-id 123456789012 --role-name AdministratorAccess
 *   # <<< awsidc integration "acme"
 *
 * Style `native` writes `sso_session`, `sso_account_id`, `sso_role_name` and `region` instead of
 * credential_process (never both: botocore would pick SSO first, the JS SDK the process).
 *
 * Rules:
 * - Markers are whole lines starting in column 0 with `#`, so both SDKs read them as comments. They are ASCII
 *   only, so a config file read with a legacy code page still parses. Anything after the quoted alias on the
 *   start line is free text; the end line is exactly `# <<< awsidc integration "<alias>"`.
 * - Any line starting with `# >>> awsidc` or `# <<< awsidc` must be a well-formed marker. A start without its
 *   end, an end without its start, nested blocks, or two blocks for one alias are refused (CONFIG_MALFORMED):
 *   awsidc never guesses where a block ends.
 * - Inside the block: the sso-session section first, then one section per profile sorted by name, one blank
 *   line between sections, and the end marker right after the last key. Profiles are told apart by
 *   `--account-id`/`--role-name` in credential_process, or by sso_account_id/sso_role_name.
 * - A new block is appended at the end of the file after exactly one blank line (and after a line ending if
 *   the file did not end with one). That separator belongs to the block: removing the block removes the one
 *   blank line directly above its start marker, so append-then-remove gives the original file back.
 * - The block uses the file's dominant line ending (CRLF files get a CRLF block); a BOM is kept.
 */
import { configMalformed } from './errors.js';
import type { Line } from './lines.js';

/** The start marker line of an integration's block. */
export function startMarker(integration: string): string {
  return `# >>> awsidc integration "${integration}" -- managed by awsidc; edits inside are replaced by \`awsidc sync\``;
}

/** The end marker line of an integration's block. */
export function endMarker(integration: string): string {
  return `# <<< awsidc integration "${integration}"`;
}

const START_PREFIX = '# >>> awsidc';
const END_PREFIX = '# <<< awsidc';
const START_RE = /^# >>> awsidc integration "([a-z0-9][a-z0-9-]*)"(?:[ \t].*)?$/;
const END_RE = /^# <<< awsidc integration "([a-z0-9][a-z0-9-]*)"[ \t]*$/;

/** Where one integration's block sits: 0-based line indexes of its start and end markers. */
export interface BlockSpan {
  integration: string;
  start: number;
  end: number;
}

/** What a line is, as far as markers go. */
export type MarkerMatch = { kind: 'start' | 'end'; integration: string } | { kind: 'none' } | { kind: 'broken' };

/** Classifies one line (without its terminator) as a start marker, an end marker, a broken marker, or neither. */
export function matchMarker(text: string): MarkerMatch {
  const trimmed = text.trim();
  const isStart = trimmed.startsWith(START_PREFIX);
  const isEnd = trimmed.startsWith(END_PREFIX);
  if (!isStart && !isEnd) return { kind: 'none' };
  const m = (isStart ? START_RE : END_RE).exec(text);
  if (!m) return { kind: 'broken' };
  return { kind: isStart ? 'start' : 'end', integration: m[1] as string };
}

/**
 * Finds every awsidc block. Throws CONFIG_MALFORMED (one line, naming the fix) when the markers do not pair
 * up exactly, rather than guessing.
 */
export function findBlocks(lines: readonly Line[]): BlockSpan[] {
  const spans: BlockSpan[] = [];
  const seen = new Map<string, number>();
  let open: { integration: string; start: number } | undefined;
  lines.forEach((line, i) => {
    const m = matchMarker(line.text);
    const lineNo = i + 1;
    if (m.kind === 'none') return;
    if (m.kind === 'broken') {
      throw configMalformed(
        `line ${lineNo} looks like an awsidc marker but is not one: ${JSON.stringify(line.text.slice(0, 80))}`,
        `restore it to \`${startMarker('ALIAS')}\` or \`${endMarker('ALIAS')}\`, or delete the whole block by hand`,
      );
    }
    if (m.kind === 'start') {
      if (open) {
        throw configMalformed(
          `awsidc block "${open.integration}" (line ${open.start + 1}) has no end marker before the start of block "${m.integration}" on line ${lineNo}`,
          `add the line \`${endMarker(open.integration)}\` where that block ends, or delete it by hand`,
        );
      }
      const prev = seen.get(m.integration);
      if (prev !== undefined) {
        throw configMalformed(
          `there are two awsidc blocks for integration "${m.integration}" (lines ${prev + 1} and ${lineNo})`,
          'delete one of them by hand, then run `awsidc sync` again',
        );
      }
      open = { integration: m.integration, start: i };
      seen.set(m.integration, i);
      return;
    }
    if (!open) {
      throw configMalformed(
        `line ${lineNo} ends awsidc block "${m.integration}" but no block was started`,
        `add \`${startMarker(m.integration)}\` where the block starts, or delete the stray marker`,
      );
    }
    if (open.integration !== m.integration) {
      throw configMalformed(
        `awsidc block "${open.integration}" (line ${open.start + 1}) is closed by the end marker of "${m.integration}" on line ${lineNo}`,
        `change line ${lineNo} to \`${endMarker(open.integration)}\``,
      );
    }
    spans.push({ integration: open.integration, start: open.start, end: i });
    open = undefined;
  });
  if (open) {
    const o: { integration: string; start: number } = open;
    throw configMalformed(
      `awsidc block "${o.integration}" starting on line ${o.start + 1} has no end marker`,
      `add the line \`${endMarker(o.integration)}\` where the block ends, or delete the block by hand`,
    );
  }
  return spans;
}
