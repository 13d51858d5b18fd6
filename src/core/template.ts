import { AwsidcError } from './errors.js';

// A deliberately tiny template language: `{{name}}` or `{{name|filter|filter}}`, nothing else.
// Example: `{{accountName|kebab}}.{{roleName}}` with accountName "Payments Prod" gives "payments-prod.Admin".
// Text outside `{{ }}` is copied as is; there are no loops, conditions or escapes.

/** The filters a template may apply to a value, left to right. */
export const TEMPLATE_FILTERS = ['lower', 'upper', 'kebab'] as const;
export type TemplateFilter = (typeof TEMPLATE_FILTERS)[number];

/** Variables of the profile-name template (templates/profile-name.txt). */
export const PROFILE_NAME_VARIABLES = ['accountName', 'accountId', 'roleName', 'integration', 'region'] as const;

/** One `{{...}}` placeholder as written in a template. */
export interface TemplatePlaceholder {
  variable: string;
  filters: TemplateFilter[];
  /** The placeholder text, e.g. `{{accountName|lower}}`, for error messages. */
  raw: string;
}

type Part = string | TemplatePlaceholder;

export interface RenderOptions {
  /** What the template is, for messages: "profile-name template", "templates/profile.ini". */
  name?: string;
  /**
   * Called with each substituted value (after filters); returns the value to insert or throws.
   * Section templates use it to refuse values that would add a line, a section or a key.
   */
  checkValue?: (variable: string, value: string) => string;
}

const PLACEHOLDER_BODY = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*((?:\|\s*[A-Za-z_]+\s*)*)$/;

function templateError(name: string, problem: string, hint: string): AwsidcError {
  return new AwsidcError('TEMPLATE_INVALID', `${name}: ${problem}`, { hint });
}

// Parsing is separate from rendering so `init` can reject a bad custom template before it lists anything.
/** Splits a template into literal text and placeholders; throws TEMPLATE_INVALID on broken syntax. */
export function parseTemplate(template: string, name = 'template'): Array<string | TemplatePlaceholder> {
  const parts: Part[] = [];
  let pos = 0;
  while (pos < template.length) {
    const open = template.indexOf('{{', pos);
    if (open === -1) {
      parts.push(template.slice(pos));
      break;
    }
    if (open > pos) parts.push(template.slice(pos, open));
    const close = template.indexOf('}}', open + 2);
    if (close === -1) {
      throw templateError(name, `"{{" at offset ${open} is never closed`, 'close every placeholder with "}}", e.g. {{accountName}}');
    }
    const raw = template.slice(open, close + 2);
    const body = template.slice(open + 2, close);
    const m = PLACEHOLDER_BODY.exec(body);
    if (!m || body.includes('{')) {
      throw templateError(name, `${JSON.stringify(raw)} is not a placeholder`, 'write {{variable}} or {{variable|lower}}');
    }
    const variable = m[1] as string;
    const filters: TemplateFilter[] = [];
    for (const f of (m[2] ?? '').split('|').map((s) => s.trim()).filter((s) => s !== '')) {
      if (!(TEMPLATE_FILTERS as readonly string[]).includes(f)) {
        throw templateError(name, `unknown filter "${f}" in ${raw}`, `known filters: ${TEMPLATE_FILTERS.join(', ')}`);
      }
      filters.push(f as TemplateFilter);
    }
    parts.push({ variable, filters, raw });
    pos = close + 2;
  }
  return parts;
}

/** The variable names a template uses, in order of first use. */
export function templateVariables(template: string, name = 'template'): string[] {
  const seen: string[] = [];
  for (const p of parseTemplate(template, name)) {
    if (typeof p !== 'string' && !seen.includes(p.variable)) seen.push(p.variable);
  }
  return seen;
}

// "PaymentsProd Team" -> "payments-prod-team": splits camelCase, lower-cases, joins words with "-".
/** The `kebab` filter. */
export function kebab(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function applyFilter(filter: TemplateFilter, value: string): string {
  switch (filter) {
    case 'lower':
      return value.toLowerCase();
    case 'upper':
      return value.toUpperCase();
    case 'kebab':
      return kebab(value);
  }
}

/**
 * Renders `{{var|filter}}` placeholders from `vars`. An unknown variable is an error that names the known
 * ones, so a typo in a custom template fails at once instead of producing profiles named "".
 */
export function renderTemplate(template: string, vars: Readonly<Record<string, string>>, opts: RenderOptions = {}): string {
  const name = opts.name ?? 'template';
  let out = '';
  for (const part of parseTemplate(template, name)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(vars, part.variable)) {
      throw templateError(name, `unknown variable "${part.variable}" in ${part.raw}`, `known variables: ${Object.keys(vars).join(', ')}`);
    }
    let value = vars[part.variable] as string;
    for (const f of part.filters) value = applyFilter(f, value);
    out += opts.checkValue ? opts.checkValue(part.variable, value) : value;
  }
  return out;
}

// Checked when an integration is created or its template changed: only the five name variables exist.
/** Throws TEMPLATE_INVALID unless `template` is a usable profile-name template. */
export function validateNameTemplate(template: string, name = 'profile-name template'): void {
  if (template.trim() === '') {
    throw templateError(name, 'the template is empty', 'use e.g. {{accountName}}.{{roleName}}');
  }
  const used = templateVariables(template, name);
  for (const v of used) {
    if (!(PROFILE_NAME_VARIABLES as readonly string[]).includes(v)) {
      throw templateError(name, `unknown variable "${v}"`, `known variables: ${PROFILE_NAME_VARIABLES.join(', ')}`);
    }
  }
}
