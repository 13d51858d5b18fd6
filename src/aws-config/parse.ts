import { shlexSplit } from '../core/shlex.js';
import { findBlocks, type BlockSpan } from './block.js';
import { splitLines, type SplitText } from './lines.js';

// Reads the config file "just enough": where the awsidc blocks are, what is inside them, and which profile and
// sso-session names the user wrote by hand outside them. Nothing here rewrites anything.

/** A section inside an awsidc block. */
export interface BlockSection {
  kind: 'profile' | 'sso-session' | 'other';
  name: string;
  /** 0-based line index of the header. */
  header: number;
  /** The section's lines (header first) without terminators and without trailing blank lines. */
  lines: string[];
  /** `key = value` pairs, first occurrence wins, keys lower-cased. */
  keys: Map<string, string>;
}

/** One awsidc block and its sections. */
export interface ParsedBlock extends BlockSpan {
  sections: BlockSection[];
}

/** The parts of a config file the planner needs. */
export interface ParsedConfig {
  split: SplitText;
  blocks: ParsedBlock[];
  /** Profile names defined outside every awsidc block (`[default]` counts as "default"), to their 0-based line. */
  handProfiles: Map<string, number>;
  /** sso-session names defined outside every awsidc block, to their 0-based line. */
  handSsoSessions: Map<string, number>;
}


// The JS SDK's parseIni header rule (reference §5), including its inline-comment stripping.
const JS_PREFIXED = /^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$/;

type SectionName = { kind: 'profile' | 'sso-session'; name: string };

/**
 * The profile / sso-session a header line defines, as each SDK reads it (both readings are returned when they
 * differ, so a name either SDK sees is protected). Empty for non-header lines.
 */
export function headerNames(lineText: string): SectionName[] {
  const found: SectionName[] = [];
  const add = (kind: SectionName['kind'], name: string): void => {
    if (!found.some((f) => f.kind === kind && f.name === name)) found.push({ kind, name });
  };
  // JS SDK
  const jsLine = (lineText.split(/(?:^|\s)[;#]/)[0] ?? '').trim();
  if (jsLine.startsWith('[') && jsLine.endsWith(']')) {
    const section = jsLine.slice(1, -1);
    const m = JS_PREFIXED.exec(section);
    if (m) {
      if (m[1] === 'profile') add('profile', m[3] as string);
      if (m[1] === 'sso-session') add('sso-session', m[3] as string);
    } else if (section === 'default') {
      add('profile', 'default');
    }
  }
  // botocore (configparser: whole-line comments only, header between the first "[" and the last "]")
  const value = lineText.trim();
  if (!value.startsWith('#') && !value.startsWith(';')) {
    const m = /^\[(.+)\]/.exec(value);
    if (m) {
      const header = m[1] as string;
      if (header === 'default') add('profile', 'default');
      for (const prefix of ['profile', 'sso-session'] as const) {
        if (header.startsWith(prefix)) {
          const parts = shlexSplit(header);
          if (parts && parts.length === 2) add(prefix, parts[1] as string);
        }
      }
    }
  }
  return found;
}

// Our own blocks are written by us, so a plain reading is enough: `[kind name]` and `key = value`.
function parseBlockSections(split: SplitText, span: BlockSpan): BlockSection[] {
  const sections: BlockSection[] = [];
  let cur: BlockSection | undefined;
  for (let i = span.start + 1; i < span.end; i++) {
    const text = (split.lines[i] as { text: string }).text;
    const t = text.trim();
    const h = /^\[\s*([A-Za-z-]+)(?:\s+(.*?))?\s*\]$/.exec(t);
    if (h) {
      const prefix = h[1] as string;
      const kind = prefix === 'profile' ? 'profile' : prefix === 'sso-session' ? 'sso-session' : 'other';
      cur = { kind, name: (h[2] ?? prefix).replace(/^"(.*)"$/, '$1'), header: i, lines: [text], keys: new Map() };
      sections.push(cur);
      continue;
    }
    if (!cur) continue;
    cur.lines.push(text);
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    const eq = t.indexOf('=');
    if (eq > 0) {
      const key = t.slice(0, eq).trim().toLowerCase();
      if (!cur.keys.has(key)) cur.keys.set(key, t.slice(eq + 1).trim());
    }
  }
  for (const s of sections) {
    while (s.lines.length > 1 && (s.lines[s.lines.length - 1] as string).trim() === '') s.lines.pop();
  }
  return sections;
}

/** Parses a config file's text; throws CONFIG_MALFORMED when awsidc markers do not pair up. */
export function parseConfig(text: string): ParsedConfig {
  const split = splitLines(text);
  const spans = findBlocks(split.lines);
  const blocks = spans.map((span) => ({ ...span, sections: parseBlockSections(split, span) }));
  const handProfiles = new Map<string, number>();
  const handSsoSessions = new Map<string, number>();
  let b = 0;
  for (let i = 0; i < split.lines.length; i++) {
    const block = spans[b];
    if (block && i >= block.start) {
      i = block.end;
      b++;
      continue;
    }
    for (const n of headerNames((split.lines[i] as { text: string }).text)) {
      const map = n.kind === 'profile' ? handProfiles : handSsoSessions;
      if (!map.has(n.name)) map.set(n.name, i);
    }
  }
  return { split, blocks, handProfiles, handSsoSessions };
}

/** The account and role a managed profile section is for, from credential_process flags or sso_* keys. */
export function profileIdentity(keys: ReadonlyMap<string, string>): { accountId: string; roleName: string } | undefined {
  const cp = keys.get('credential_process');
  let accountId: string | undefined;
  let roleName: string | undefined;
  if (cp !== undefined) {
    accountId = flagValue(cp, '--account-id');
    roleName = flagValue(cp, '--role-name');
  }
  accountId ??= keys.get('sso_account_id');
  roleName ??= keys.get('sso_role_name');
  return accountId && roleName ? { accountId, roleName } : undefined;
}

// `--flag value`, `--flag=value` or `--flag "value"`.
function flagValue(commandLine: string, flag: string): string | undefined {
  const esc = flag.replace(/[-]/g, '\\-');
  const m = new RegExp(`(?:^|\\s)${esc}(?:=|\\s+)(?:"([^"]*)"|(\\S+))`).exec(commandLine);
  if (!m) return undefined;
  return m[1] ?? m[2];
}
