// Reads the AWS config file the way botocore (Python configparser, strict) and the JS SDK (parseIni) do, and
// reports every place where they disagree or where botocore refuses the file (reference §5). Pure: text in,
// findings out.

import { shlexSplit } from '../core/shlex.js';

/** One problem found in the config file; `line` is 1-based. */
export interface LintFinding {
  severity: 'fail' | 'warn';
  rule: 'duplicate-section' | 'duplicate-key' | 'profile-name' | 'inline-comment' | 'upper-default' | 'default-twice' | 'process-and-sso' | 'colon-delimiter' | 'continuation';
  line: number;
  message: string;
  fix: string;
}

const JS_PREFIXED = /^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$/;

/** The profile name botocore reads from a section name (text between the brackets), if any. */
export function botocoreProfileName(section: string): string | undefined {
  if (section === 'default') return 'default';
  if (!section.startsWith('profile')) return undefined;
  const words = shlexSplit(section);
  return words && words.length === 2 ? words[1] : undefined;
}

/** The profile name the JS SDK reads from a section name, if any. */
export function jsProfileName(section: string): string | undefined {
  if (section === 'default') return 'default';
  const m = JS_PREFIXED.exec(section);
  return m && m[1] === 'profile' ? m[3] : undefined;
}

interface Section {
  raw: string;
  line: number;
  keys: Map<string, number>;
  profile?: string;
}

const SSO_KEYS = ['sso_session', 'sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name'];

/** Every botocore / JS SDK disagreement and botocore parse error in a config file's text. */
export function lintConfig(text: string): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (f: LintFinding): void => {
    findings.push(f);
  };
  const seenSections = new Map<string, number>();
  const sections: Section[] = [];
  let cur: Section | undefined;
  // Whether the last key line had a value (a following indented line continues it in botocore) or was a
  // `key =` that opens a nested block (services, s3), where indented lines are sub-keys for both SDKs.
  let lastKey: { nested: boolean } | undefined;
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const n = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    const indented = /^\s/.test(raw);
    if (indented && lastKey && cur) {
      if (!lastKey.nested) {
        add({
          severity: 'warn',
          rule: 'continuation',
          line: n,
          message: `line ${n} is indented: botocore (AWS CLI, Python) appends it to the previous value, the JS SDK reads it as a key of its own`,
          fix: 'remove the indentation (indent only the sub-keys of a `services`-style `key =` line)',
        });
      }
      return;
    }
    const header = /^\[(.+)\]/.exec(trimmed);
    if (header) {
      const name = header[1] as string;
      lastKey = undefined;
      if (seenSections.has(name)) {
        add({
          severity: 'fail',
          rule: 'duplicate-section',
          line: n,
          message: `[${name}] appears twice (lines ${seenSections.get(name)} and ${n}): botocore refuses the whole file, so every AWS CLI and Python command fails`,
          fix: `merge the two [${name}] sections into one`,
        });
      } else {
        seenSections.set(name, n);
      }
      cur = { raw: name, line: n, keys: new Map() };
      sections.push(cur);
      if (name === 'DEFAULT') {
        add({
          severity: 'warn',
          rule: 'upper-default',
          line: n,
          message: `[DEFAULT] on line ${n}: botocore copies its keys into every profile, the JS SDK treats it as an ordinary section`,
          fix: 'rename it to [default] (lower case) unless you want its keys in every profile',
        });
        return;
      }
      const boto = botocoreProfileName(name);
      const js = jsProfileName(name);
      cur.profile = boto ?? js;
      const looksLikeProfile = name.startsWith('profile');
      if (looksLikeProfile && boto !== js) {
        const who = boto && !js ? 'only botocore (AWS CLI, Python) reads it; the JS SDK ignores it' : js && !boto ? 'only the JS SDK reads it; botocore ignores it' : `botocore reads "${boto}", the JS SDK "${js}"`;
        add({
          severity: 'warn',
          rule: 'profile-name',
          line: n,
          message: `[${name}] on line ${n}: ${who}`,
          fix: 'write it as [profile NAME] with one space and a name of letters, digits, - _ . only',
        });
      } else if (looksLikeProfile && boto === undefined) {
        add({
          severity: 'warn',
          rule: 'profile-name',
          line: n,
          message: `[${name}] on line ${n} is not a profile for either SDK (a name with spaces?)`,
          fix: 'write it as [profile NAME] with one space and a name of letters, digits, - _ . only',
        });
      }
      return;
    }
    if (!cur) return;
    const eq = trimmed.indexOf('=');
    const colon = trimmed.indexOf(':');
    if (eq <= 0 && colon > 0) {
      add({
        severity: 'warn',
        rule: 'colon-delimiter',
        line: n,
        message: `line ${n} uses ":" between key and value: botocore reads it, the JS SDK ignores the line`,
        fix: 'write `key = value`',
      });
      lastKey = { nested: false };
      return;
    }
    if (eq <= 0) {
      lastKey = undefined;
      return;
    }
    const key = trimmed.slice(0, colon > 0 && colon < eq ? colon : eq).trim().toLowerCase();
    const value = trimmed.slice(eq + 1).trim();
    lastKey = { nested: value === '' };
    const prev = cur.keys.get(key);
    if (prev !== undefined) {
      add({
        severity: 'fail',
        rule: 'duplicate-key',
        line: n,
        message: `"${key}" is set twice in [${cur.raw}] (lines ${prev} and ${n}): botocore refuses the whole file`,
        fix: `keep one "${key}" line in [${cur.raw}]`,
      });
    } else {
      cur.keys.set(key, n);
    }
    if (/\s[#;]/.test(value)) {
      add({
        severity: 'warn',
        rule: 'inline-comment',
        line: n,
        message: `line ${n} has a comment after the value: the JS SDK drops it, botocore keeps it as part of "${key}"`,
        fix: 'move the comment to a line of its own',
      });
    }
  });
  const firstByProfile = new Map<string, Section>();
  for (const s of sections) {
    if (s.profile === undefined || s.raw === 'default' || s.profile === 'default') continue;
    const first = firstByProfile.get(s.profile);
    if (!first) {
      firstByProfile.set(s.profile, s);
    } else if (first.raw !== s.raw) {
      add({
        severity: 'warn',
        rule: 'duplicate-section',
        line: s.line,
        message: `profile "${s.profile}" is defined twice ([${first.raw}] on line ${first.line}, [${s.raw}] on line ${s.line}): botocore uses only the later one, the JS SDK merges them`,
        fix: 'merge them into one [profile NAME] section',
      });
    }
  }
  const hasDefault = sections.find((s) => s.raw === 'default');
  const hasProfileDefault = sections.find((s) => s.raw !== 'default' && s.profile === 'default');
  if (hasDefault && hasProfileDefault) {
    add({
      severity: 'warn',
      rule: 'default-twice',
      line: hasProfileDefault.line,
      message: `both [default] (line ${hasDefault.line}) and [${hasProfileDefault.raw}] (line ${hasProfileDefault.line}) exist: botocore uses the later one, the JS SDK always [${hasProfileDefault.raw}]`,
      fix: 'keep only [default]',
    });
  }
  for (const s of sections) {
    if (s.profile === undefined || !s.keys.has('credential_process')) continue;
    const sso = SSO_KEYS.filter((k) => s.keys.has(k));
    if (sso.length === 0) continue;
    add({
      severity: 'warn',
      rule: 'process-and-sso',
      line: s.line,
      message: `profile "${s.profile}" (line ${s.line}) has both credential_process and ${sso.join(', ')}: botocore uses SSO, the JS SDK uses credential_process`,
      fix: 'keep one of the two: remove the sso_* keys or credential_process',
    });
  }
  return findings.sort((a, b) => a.line - b.line);
}
