import { AwsidcError } from '../core/errors.js';
import { profileNameBase, renderProfileNameBase, SAFE_PROFILE_NAME } from '../core/profile-name.js';
import { validateNameTemplate } from '../core/template.js';
import { assignNames, type NameClaim, type NameHolder } from './assign-names.js';
import { configMalformed, unsafeValue } from './errors.js';
import { joinLines, type Line } from './lines.js';
import { parseConfig, profileIdentity, type ParsedBlock, type ParsedConfig } from './parse.js';
import { renderBlock, renderProfileSection, renderSsoSessionSection } from './render.js';
import { loadSectionTemplates, type SectionTemplates } from './templates.js';
import type { BlockInput, PlanResult, ProfileSpec } from './types.js';

// Plans the new text of the config file for one integration: rebuild our block, splice it where the old one
// was (or append it), and leave every other byte alone. Pure apart from reading the packaged templates when
// the caller does not pass them.

const ALIAS = /^[a-z0-9][a-z0-9-]*$/;
const ACCOUNT_ID = /^\d{12}$/;

interface OldProfile {
  name: string;
  lines: string[];
  accountId: string;
  roleName: string;
}

function keyOf(accountId: string, roleName: string): string {
  return `${accountId}/${roleName}`;
}

// Sorted by name, case-insensitively, with a code-unit tie-break so the order never depends on the locale.
function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

function checkInput(input: BlockInput): void {
  if (!ALIAS.test(input.integration)) {
    throw new AwsidcError('INVALID_ALIAS', `${JSON.stringify(input.integration)} is not a valid integration alias`, {
      hint: 'use lower-case letters, digits and dashes, starting with a letter or digit (e.g. acme)',
    });
  }
  // sso-session names are their own namespace ("default" is fine there); only the JS SDK's blocked key is out.
  if (!SAFE_PROFILE_NAME.test(input.ssoSessionName) || input.ssoSessionName === '__proto__') {
    throw unsafeValue(`${JSON.stringify(input.ssoSessionName)} is not a usable sso-session name`, 'use only A-Z a-z 0-9 _ . - (e.g. the integration alias)');
  }
  validateNameTemplate(input.nameTemplate);
  for (const p of input.profiles) {
    if (!ACCOUNT_ID.test(p.accountId)) {
      throw unsafeValue(`refusing to write account id ${JSON.stringify(p.accountId.slice(0, 40))}: AWS account ids are 12 digits`, 'check the account listing');
    }
  }
}

function lineLabel(parsed: ParsedConfig, index: number): string {
  return `"${(parsed.split.lines[index]?.text ?? '').trim().slice(0, 80)}" on line ${index + 1}`;
}

// Names nobody in our block may take, and sso-session names we must not redefine.
function takenNames(parsed: ParsedConfig, input: BlockInput): Map<string, NameHolder> {
  const taken = new Map<string, NameHolder>();
  const hand = parsed.handSsoSessions.get(input.ssoSessionName);
  if (hand !== undefined) {
    throw configMalformed(
      `the config file already has ${lineLabel(parsed, hand)}, written by hand; awsidc will not define a second [sso-session ${input.ssoSessionName}]`,
      'delete or rename that section, or give this integration another sso-session name',
    );
  }
  for (const b of parsed.blocks) {
    if (b.integration === input.integration) continue;
    for (const s of b.sections) {
      if (s.kind === 'sso-session' && s.name === input.ssoSessionName) {
        throw configMalformed(
          `integration "${b.integration}" already defines [sso-session ${s.name}] (line ${s.header + 1})`,
          'give this integration another sso-session name',
        );
      }
      if (s.kind === 'profile' && !taken.has(s.name)) taken.set(s.name, { kind: 'other-integration', detail: `integration "${b.integration}"` });
    }
  }
  for (const [name, index] of parsed.handProfiles) taken.set(name, { kind: 'hand-written', detail: lineLabel(parsed, index) });
  for (const name of input.reservedNames ?? []) {
    if (!taken.has(name)) taken.set(name, { kind: 'hand-written', detail: `profile "${name}" defined outside this file` });
  }
  return taken;
}

function oldProfiles(block: ParsedBlock | undefined): { identified: Map<string, OldProfile>; allNames: string[] } {
  const identified = new Map<string, OldProfile>();
  const allNames: string[] = [];
  for (const s of block?.sections ?? []) {
    if (s.kind !== 'profile') continue;
    allNames.push(s.name);
    const id = profileIdentity(s.keys);
    if (!id) continue;
    const key = keyOf(id.accountId, id.roleName);
    if (!identified.has(key)) identified.set(key, { name: s.name, lines: s.lines, ...id });
  }
  return { identified, allNames };
}

function wantedName(input: BlockInput, p: ProfileSpec): string {
  if (p.nameOverride !== undefined && p.nameOverride.trim() !== '') return profileNameBase(p.nameOverride, p.accountId);
  return renderProfileNameBase(input.nameTemplate, {
    accountName: p.accountName,
    accountId: p.accountId,
    roleName: p.roleName,
    integration: input.integration,
    region: p.region,
  });
}

// Replaces lines [start, end] (or appends, when there is no old block) with the block, in the file's line ending.
function splice(parsed: ParsedConfig, blockLines: string[], old: ParsedBlock | undefined): string {
  const { eol } = parsed.split;
  const fresh: Line[] = blockLines.map((text) => ({ text, eol }));
  const lines = parsed.split.lines.map((l) => ({ ...l }));
  if (old) {
    lines.splice(old.start, old.end - old.start + 1, ...fresh);
  } else {
    const last = lines[lines.length - 1];
    if (last) {
      if (last.eol === '') last.eol = eol;
      lines.push({ text: '', eol });
    }
    lines.push(...fresh);
  }
  return joinLines({ bom: parsed.split.bom, lines });
}

/**
 * The new config text with this integration's block rebuilt from `input`, plus what changed. Pure: the caller
 * reads and writes the file (and checks `changed`). Throws CONFIG_MALFORMED for broken markers or a clashing
 * sso-session, TEMPLATE_INVALID for a value that cannot be written safely.
 */
export function planConfigUpdate(currentText: string, input: BlockInput, templates: SectionTemplates = loadSectionTemplates()): PlanResult {
  checkInput(input);
  const parsed = parseConfig(currentText);
  const ours = parsed.blocks.find((b) => b.integration === input.integration);
  const taken = takenNames(parsed, input);
  const old = oldProfiles(ours);
  const keep = input.keepAccounts ?? new Set<string>();

  const current = new Map<string, ProfileSpec>();
  for (const p of input.profiles) {
    const key = keyOf(p.accountId, p.roleName);
    if (!current.has(key)) current.set(key, p);
  }

  const kept = new Map<string, OldProfile>();
  for (const [key, o] of old.identified) {
    if (keep.has(o.accountId) || (!input.prune && !current.has(key))) kept.set(key, o);
  }

  const claims: NameClaim[] = [];
  for (const [key, o] of kept) claims.push({ key, accountId: o.accountId, roleName: o.roleName, wanted: o.name, kept: true });
  for (const [key, p] of current) {
    if (kept.has(key)) continue;
    const previous = old.identified.get(key)?.name;
    claims.push({ key, accountId: p.accountId, roleName: p.roleName, wanted: wantedName(input, p), ...(previous === undefined ? {} : { previous }) });
  }
  const { names, collisions } = assignNames(input.integration, claims, taken);

  const sections: Array<{ name: string; accountId: string; roleName: string; lines: string[] }> = [];
  for (const [key, o] of kept) {
    const name = names.get(key) as string;
    const lines = [...o.lines];
    if (name !== o.name) lines[0] = `[profile ${name}]`;
    sections.push({ name, accountId: o.accountId, roleName: o.roleName, lines });
  }
  for (const [key, p] of current) {
    if (kept.has(key)) continue;
    const name = names.get(key) as string;
    const lines = renderProfileSection(templates, input.style, {
      profileName: name,
      accountId: p.accountId,
      accountName: p.accountName,
      roleName: p.roleName,
      region: p.region,
      integration: input.integration,
      ssoSession: input.ssoSessionName,
      credentialProcess: input.style === 'process' ? input.credentialProcess(p) : '',
    });
    sections.push({ name, accountId: p.accountId, roleName: p.roleName, lines });
  }
  sections.sort((a, b) => compareNames(a.name, b.name));

  const session = renderSsoSessionSection(templates, {
    ssoSessionName: input.ssoSessionName,
    startUrl: input.startUrl,
    ssoRegion: input.ssoRegion,
    integration: input.integration,
  });
  const blockLines = renderBlock(input.integration, [session, ...sections.map((s) => s.lines)]);
  const text = splice(parsed, blockLines, ours);

  const newNames = new Set(sections.map((s) => s.name));
  const oldNames = new Set(old.allNames);
  const updated = sections.filter((s) => {
    const before = old.identified.get(keyOf(s.accountId, s.roleName));
    return before !== undefined && before.name === s.name && before.lines.join('\n') !== s.lines.join('\n');
  });
  return {
    text,
    changed: text !== currentText,
    profiles: sections.map(({ name, accountId, roleName }) => ({ name, accountId, roleName })),
    collisions,
    removed: [...oldNames].filter((n) => !newNames.has(n)).sort(compareNames),
    added: [...newNames].filter((n) => !oldNames.has(n)).sort(compareNames),
    updated: updated.map((s) => s.name),
  };
}

/**
 * The config text without this integration's block (and the one blank line awsidc put above it), for
 * `integrations remove` and logout. `changed` is false when there was no block.
 */
export function removeBlock(currentText: string, integration: string): PlanResult {
  const parsed = parseConfig(currentText);
  const ours = parsed.blocks.find((b) => b.integration === integration);
  if (!ours) return { text: currentText, changed: false, profiles: [], collisions: [], removed: [], added: [], updated: [] };
  const lines = parsed.split.lines.slice();
  let start = ours.start;
  if (start > 0 && lines[start - 1]?.text === '') start--;
  lines.splice(start, ours.end - start + 1);
  const text = joinLines({ bom: parsed.split.bom, lines });
  const removed = ours.sections.filter((s) => s.kind === 'profile').map((s) => s.name).sort(compareNames);
  return { text, changed: text !== currentText, profiles: [], collisions: [], removed, added: [], updated: [] };
}
