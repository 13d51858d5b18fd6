import { SAFE_PROFILE_NAME } from '../core/profile-name.js';
import { renderTemplate } from '../core/template.js';
import { endMarker, startMarker } from './block.js';
import { unsafeValue } from './errors.js';
import type { SectionTemplates } from './templates.js';

// Renders the sections of a block from the templates and proves each one is exactly one header plus the
// expected keys: a value can never add a line, a section or a key, whatever the portal returns.

// Characters that end a line for some reader (configparser uses universal newlines) or are otherwise invisible.
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]/u;
// The JS SDK strips an inline comment that starts after whitespace; botocore does not, so the two would disagree.
const INLINE_COMMENT = /\s[#;]/;

/** Why a value cannot be written as `key = value`, or undefined when it can. */
export function iniValueProblem(value: string): string | undefined {
  if (value === '') return 'it is empty (the JS SDK would read the next lines as a nested block)';
  if (LINE_BREAKING.test(value)) return 'it contains a line break or control character';
  if (value.trim() !== value) return 'it starts or ends with whitespace';
  if (INLINE_COMMENT.test(value)) return 'it contains " #" or " ;", which the JS SDK reads as a comment';
  return undefined;
}

/** Context for error messages: which profile a value belongs to. */
export interface ValueContext {
  accountId?: string;
  roleName?: string;
}

const NAME_VARIABLES = new Set(['profileName', 'ssoSession', 'ssoSessionName']);

function checker(template: string, ctx: ValueContext): (variable: string, value: string) => string {
  const where = ctx.accountId ? ` for account ${ctx.accountId}${ctx.roleName && SAFE_PROFILE_NAME.test(ctx.roleName) ? ` role ${ctx.roleName}` : ''}` : '';
  return (variable, value) => {
    if (NAME_VARIABLES.has(variable)) {
      if (!SAFE_PROFILE_NAME.test(value)) {
        throw unsafeValue(`${template}: ${variable} ${JSON.stringify(value.slice(0, 80))}${where} is not a safe section name`, 'names may use only A-Z a-z 0-9 _ . - (at most 128 characters)');
      }
      return value;
    }
    const problem = iniValueProblem(value);
    if (problem) {
      throw unsafeValue(
        `refusing to write ${variable} ${JSON.stringify(value.slice(0, 80))}${where} into the config file: ${problem}`,
        'this value is not one AWS would return; check the listing or skip the account with an override',
      );
    }
    return value;
  };
}

interface SectionShape {
  header: string;
  required: readonly string[];
  forbidden: readonly string[];
}

// A rendered section must be: the header line, then `key = value` lines (or `#` comments), each key once.
function checkSection(template: string, text: string, shape: SectionShape): string[] {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && (lines[lines.length - 1] as string).trim() === '') lines.pop();
  const bad = (why: string): never => {
    throw unsafeValue(`${template} does not render to one section: ${why}`, 'restore the template from the awsidc package');
  };
  if (lines[0] !== shape.header) bad(`first line is ${JSON.stringify(lines[0] ?? '')}, expected ${JSON.stringify(shape.header)}`);
  const keys = new Set<string>();
  for (const line of lines.slice(1)) {
    if (line.startsWith('#')) continue;
    const m = /^([a-z][a-z0-9_]*) = (\S(?:.*\S)?)$/.exec(line);
    if (!m) bad(`line ${JSON.stringify(line.slice(0, 80))} is not "key = value"`);
    const key = (m as RegExpExecArray)[1] as string;
    if (keys.has(key)) bad(`key ${key} appears twice`);
    keys.add(key);
  }
  for (const k of shape.required) if (!keys.has(k)) bad(`key ${k} is missing`);
  for (const k of shape.forbidden) if (keys.has(k)) bad(`key ${k} must not be there`);
  return lines;
}

/** Variables of the profile section templates. */
export interface ProfileSectionVars {
  profileName: string;
  accountId: string;
  accountName: string;
  roleName: string;
  region: string;
  integration: string;
  ssoSession: string;
  /** Only used (and only checked) for style `process`. */
  credentialProcess: string;
}

const SSO_KEYS = ['sso_session', 'sso_account_id', 'sso_role_name', 'sso_start_url', 'sso_region'] as const;

/** The lines of one `[profile NAME]` section, checked to hold exactly the keys of its style. */
export function renderProfileSection(templates: SectionTemplates, style: 'process' | 'native', vars: ProfileSectionVars): string[] {
  const ctx = { accountId: vars.accountId, roleName: vars.roleName };
  const header = `[profile ${vars.profileName}]`;
  if (style === 'process') {
    const text = renderTemplate(templates.profile, { ...vars }, { name: 'templates/profile.ini', checkValue: checker('templates/profile.ini', ctx) });
    return checkSection('templates/profile.ini', text, { header, required: ['credential_process'], forbidden: SSO_KEYS });
  }
  const { credentialProcess: _unused, ...native } = vars;
  const text = renderTemplate(templates.profileNative, { ...native }, { name: 'templates/profile-native.ini', checkValue: checker('templates/profile-native.ini', ctx) });
  return checkSection('templates/profile-native.ini', text, {
    header,
    required: ['sso_session', 'sso_account_id', 'sso_role_name'],
    forbidden: ['credential_process'],
  });
}

/** Variables of templates/sso-session.ini. */
export interface SsoSessionVars {
  ssoSessionName: string;
  startUrl: string;
  ssoRegion: string;
  integration: string;
}

/** The lines of the `[sso-session NAME]` section. */
export function renderSsoSessionSection(templates: SectionTemplates, vars: SsoSessionVars): string[] {
  const text = renderTemplate(templates.ssoSession, { ...vars }, { name: 'templates/sso-session.ini', checkValue: checker('templates/sso-session.ini', {}) });
  return checkSection('templates/sso-session.ini', text, {
    header: `[sso-session ${vars.ssoSessionName}]`,
    required: ['sso_start_url', 'sso_region'],
    forbidden: ['credential_process', 'sso_session', 'sso_account_id', 'sso_role_name'],
  });
}

/** The block's lines: start marker, sections separated by one blank line, end marker. */
export function renderBlock(integration: string, sections: readonly (readonly string[])[]): string[] {
  const out = [startMarker(integration)];
  sections.forEach((s, i) => {
    if (i > 0) out.push('');
    out.push(...s);
  });
  out.push(endMarker(integration));
  return out;
}
