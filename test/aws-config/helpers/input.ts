// Shared inputs and independent oracles for the config-writer tests.
import { prng } from '../../../src/emulator/org.js';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BlockInput, ProfileSpec } from '../../../src/aws-config/types.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** A fixture's exact text. */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** What the real builder writes; role names are quoted so hostile ones survive a round trip in tests. */
export function testCredentialProcess(integration: string): (p: ProfileSpec) => string {
  return (p) => `"/usr/bin/node" "/opt/awsidc/dist/awsidc.cjs" credentials --integration ${integration} --account-id ${p.accountId} --role-name "${p.roleName}"`;
}

export function spec(accountId: string, accountName: string, roleName: string, region = 'eu-west-1'): ProfileSpec {
  return { accountId, accountName, roleName, region };
}

/** A typical listing: three accounts, a few roles. */
export const LISTING: ProfileSpec[] = [
  spec('123456789012', 'Payments Prod', 'AdministratorAccess'),
  spec('123456789012', 'Payments Prod', 'ReadOnlyAccess'),
  spec('210987654321', 'Payments Dev', 'AdministratorAccess', 'us-east-1'),
  spec('333333333333', 'Sandbox', 'PowerUserAccess'),
];

export function makeInput(over: Partial<BlockInput> = {}): BlockInput {
  const integration = over.integration ?? 'acme';
  return {
    integration,
    startUrl: 'https://d-1234567890.awsapps.com/start',
    ssoRegion: 'us-east-1',
    ssoSessionName: integration,
    nameTemplate: '{{accountName}}.{{roleName}}',
    style: 'process',
    credentialProcess: testCredentialProcess(integration),
    profiles: LISTING,
    prune: true,
    ...over,
  };
}

/**
 * Oracle independent of the code under test: the text with the lines from `# >>> awsidc integration "<alias>"`
 * to `# <<< awsidc integration "<alias>"` (inclusive) cut out. Everything else is left byte for byte.
 */
export function stripBlock(text: string, alias: string): string {
  if (text.startsWith('\ufeff')) return `\ufeff${stripBlock(text.slice(1), alias)}`;
  const parts = text.split(/(?<=\n)/);
  const start = parts.findIndex((l) => l.startsWith(`# >>> awsidc integration "${alias}"`));
  if (start === -1) return text;
  const end = parts.findIndex((l, i) => i > start && l.replace(/\r?\n$/, '') === `# <<< awsidc integration "${alias}"`);
  if (end === -1) throw new Error('oracle: no end marker');
  return [...parts.slice(0, start), ...parts.slice(end + 1)].join('');
}

/** The file's dominant line ending, counted independently of the code under test. */
export function eolOf(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}


/**
 * What the file outside the "acme" block must be after a sync: the original, plus (when the block is appended)
 * the one line ending a file without a final newline needs and the one blank separator line.
 */
export function expectedOutside(orig: string): string {
  if (orig.includes('# >>> awsidc integration "acme"')) return stripBlock(orig, 'acme');
  const eol = eolOf(orig);
  let body = orig;
  const content = body.replace(/^\ufeff/, '');
  if (content !== '' && !content.endsWith('\n')) body += eol;
  if (content !== '') body += eol;
  return body;
}

/** The block's own lines (markers included), as the oracle sees them. */
export function blockLines(text: string, alias: string): string[] {
  const parts = text.replace(/^\ufeff/, '').split(/(?<=\n)/);
  const start = parts.findIndex((l) => l.startsWith(`# >>> awsidc integration "${alias}"`));
  const end = parts.findIndex((l, i) => i > start && l.replace(/\r?\n$/, '') === `# <<< awsidc integration "${alias}"`);
  return start === -1 ? [] : parts.slice(start, end + 1);
}

/** Applies a unified diff strictly (context and removed lines must match), as `patch` would. */
export function applyUnifiedDiff(oldText: string, diff: string): string {
  if (diff === '') return oldText;
  const oldLines = oldText.split(/(?<=\n)/);
  const out: string[] = [];
  const lines = diff.split('\n');
  if (!lines[0]?.startsWith('--- ') || !lines[1]?.startsWith('+++ ')) throw new Error('bad diff header');
  let cursor = 0;
  let i = 2;
  const take = (): string => {
    // A diff line plus, if the next line is the no-newline marker, without its "\n".
    const l = lines[i++] as string;
    if (lines[i] === '\\ No newline at end of file') {
      i++;
      return l.slice(1);
    }
    return `${l.slice(1)}\n`;
  };
  while (i < lines.length && lines[i] !== '') {
    const h = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(lines[i] as string);
    if (!h) throw new Error(`bad hunk header: ${lines[i]}`);
    i++;
    const oldStart = Number(h[1]);
    const oldCount = h[2] === undefined ? 1 : Number(h[2]);
    const from = oldCount === 0 ? oldStart : oldStart - 1;
    if (from < cursor) throw new Error('overlapping hunks');
    out.push(...oldLines.slice(cursor, from));
    cursor = from;
    while (i < lines.length && /^[ +-]/.test(lines[i] as string)) {
      const kind = (lines[i] as string)[0];
      const text = take();
      if (kind === '+') out.push(text);
      else {
        if (oldLines[cursor] !== text) throw new Error(`context mismatch at old line ${cursor + 1}`);
        if (kind === ' ') out.push(text);
        cursor++;
      }
    }
  }
  out.push(...oldLines.slice(cursor));
  return out.join('');
}

/** Deterministic pseudo-random numbers (mulberry32, the emulator's) so fuzz tests repeat exactly. */
export const rng = prng;

/** The block's documented profile order: by lower-cased name, then by code unit (no locale). */
export function byName(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}
