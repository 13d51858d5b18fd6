import { createHash } from 'node:crypto';
import { renderTemplate } from './template.js';

/** The values a profile-name template can use (templates/profile-name.txt). */
export interface ProfileNameVars {
  accountName: string;
  accountId: string;
  roleName: string;
  integration: string;
  region: string;
}

// Long enough for "Some Long Account Name.SomePermissionSetName", short enough for shell prompts and menus.
/** Longest profile name awsidc writes. */
export const MAX_PROFILE_NAME_LENGTH = 128;

// Names both SDKs accept in `[profile NAME]` with no quoting (reference §5 "safe generator output").
/** A name awsidc may write: only [A-Za-z0-9_.-], 1 to MAX_PROFILE_NAME_LENGTH characters. */
export const SAFE_PROFILE_NAME = /^[A-Za-z0-9_.-]{1,128}$/;

// `default` is the user's own profile; the rest are object-prototype keys the JS SDK's parser trips over.
const RESERVED = new Set(['default', '__proto__', 'constructor', 'prototype']);

// Letters NFKD leaves alone but that have an obvious ASCII spelling.
const TRANSLITERATE: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L',
  đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'Th', ı: 'i', ħ: 'h', Ħ: 'H', ŋ: 'n', Ŋ: 'N',
};

// Emoji and the invisible glue around them (ZWJ, variation selectors, skin tones, flags).
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0e\ufe0f]/gu;

/** True when `name` is a reserved profile name awsidc never writes (`default`, `__proto__`, ...). */
export function isReservedProfileName(name: string): boolean {
  return RESERVED.has(name.toLowerCase());
}

/** A short, stable hash that keeps truncated names distinct. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

function trimSeparators(s: string): string {
  return s.replace(/^[-._]+|[-._]+$/g, '');
}

/**
 * Shortens `name` to `max` characters: cuts it and appends `-<hash of the full name>`, so two long names that
 * share a prefix stay different and the result is the same on every run.
 */
export function capProfileName(name: string, max = MAX_PROFILE_NAME_LENGTH): string {
  if (name.length <= max) return name;
  const suffix = `-${shortHash(name)}`;
  const head = trimSeparators(name.slice(0, max - suffix.length));
  return `${head}${suffix}`;
}

// The character rules alone; may return "" (profileNameBase adds the fallback).
function stripToSafe(raw: string): string {
  let s = raw.normalize('NFKD').replace(/\p{M}+/gu, '');
  s = s.replace(/[^\x00-\x7f]/g, (c) => TRANSLITERATE[c] ?? c);
  s = s.replace(EMOJI, '');
  s = s.replace(/[^A-Za-z0-9_.-]+/g, '-');
  s = s.replace(/[-._]{2,}/g, (run) => (run.includes('.') ? '.' : run.includes('-') ? '-' : '_'));
  return trimSeparators(capProfileName(trimSeparators(s)));
}

/**
 * Turns any text into a safe profile name. Rules, in order: NFKD and drop accents (é→e), spell out ß/æ/ø/ł...,
 * drop emoji, every run of other characters becomes "-", a run of separators collapses to one (".", else "-",
 * else "_"), separators are trimmed from both ends, the result is capped with a hash suffix, and an empty result
 * becomes `fallback` (the account id). May return a reserved name; see sanitizeProfileName.
 */
export function profileNameBase(raw: string, fallback: string): string {
  const s = stripToSafe(raw);
  if (s !== '') return s;
  const fb = stripToSafe(fallback);
  return fb === '' ? 'profile' : fb;
}

/**
 * profileNameBase, then a reserved result (default, __proto__, ...) gets `.<fallback>` appended, the same
 * suffix the collision rule would give it. Never returns a reserved or empty name.
 */
export function sanitizeProfileName(raw: string, fallback: string): string {
  const s = profileNameBase(raw, fallback);
  if (!isReservedProfileName(s)) return s;
  const fb = stripToSafe(fallback);
  return withSuffix(s, `.${fb === '' || isReservedProfileName(fb) ? 'profile' : fb}`);
}

// An account called "🚀" or "" would otherwise vanish from its profile names; its id is a better stand-in.
function withUsableAccountName(vars: ProfileNameVars): ProfileNameVars {
  return stripToSafe(vars.accountName) === '' ? { ...vars, accountName: vars.accountId } : vars;
}

/**
 * The sanitised name a template renders to, before reserved names are set aside (the planner reports those as
 * collisions). An account name with nothing usable in it is replaced by the account id.
 */
export function renderProfileNameBase(template: string, vars: ProfileNameVars): string {
  const v = withUsableAccountName(vars);
  const raw = renderTemplate(template, { ...v }, { name: 'profile-name template' });
  return profileNameBase(raw, vars.accountId);
}

/**
 * Renders the profile-name template and sanitises the result, e.g. "{{accountName}}.{{roleName}}" with
 * "Payments Prod" / "AdministratorAccess" gives "Payments-Prod.AdministratorAccess". Pure: no I/O.
 */
export function renderProfileName(template: string, vars: ProfileNameVars): string {
  const base = renderProfileNameBase(template, vars);
  return isReservedProfileName(base) ? sanitizeProfileName(base, vars.accountId) : base;
}

/**
 * Appends a disambiguating suffix (".123456789012", ".acme", "-2") to a name, shortening the name first
 * when the result would be too long, so the suffix always survives.
 */
export function withSuffix(name: string, suffix: string, max = MAX_PROFILE_NAME_LENGTH): string {
  if (name.length + suffix.length <= max) return `${name}${suffix}`;
  const room = max - suffix.length - 9;
  return `${trimSeparators(name.slice(0, Math.max(1, room)))}-${shortHash(name)}${suffix}`;
}
