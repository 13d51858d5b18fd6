import { readdirSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { listManagedProfiles } from '../../src/aws-config/list.js';
import { planConfigUpdate, removeBlock } from '../../src/aws-config/plan.js';
import type { PlanResult } from '../../src/aws-config/types.js';
import { botocoreAvailable, parseWithBotocore, parseWithJsSdk } from './helpers/parsers.js';
import { blockLines, byName, eolOf, expectedOutside, FIXTURES, fixture, LISTING, makeInput, spec, stripBlock } from './helpers/input.js';

// Every real-world-looking file, in four variants, through insert → re-run → update → remove: nothing outside
// the block may change, and both SDKs must read the hand-written sections exactly as before.

const VARIANTS: Record<string, (t: string) => string> = {
  'as is': (t) => t,
  CRLF: (t) => t.replace(/\r?\n/g, '\r\n'),
  BOM: (t) => (t.startsWith('\ufeff') ? t : `\ufeff${t}`),
  'no final newline': (t) => t.replace(/(\r?\n)+$/, ''),
};

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.ini') && !f.startsWith('malformed-')).sort();

const cases: Array<{ label: string; text: string }> = [];
for (const f of files) {
  const seen = new Set<string>();
  for (const [v, fn] of Object.entries(VARIANTS)) {
    const text = fn(fixture(f));
    if (seen.has(text)) continue;
    seen.add(text);
    cases.push({ label: `${f} (${v})`, text });
  }
}

const hasAcme = (t: string) => t.includes('# >>> awsidc integration "acme"');

// What removeBlock must give back: the original (with a line ending added if it had none) without our block and
// the blank line above it.
function expectedAfterRemove(orig: string): string {
  if (!hasAcme(orig)) {
    const content = orig.replace(/^\ufeff/, '');
    return content !== '' && !content.endsWith('\n') ? orig + eolOf(orig) : orig;
  }
  if (orig.startsWith('\ufeff')) return `\ufeff${expectedAfterRemove(orig.slice(1))}`;
  const parts = orig.split(/(?<=\n)/);
  let start = parts.findIndex((l) => l.startsWith('# >>> awsidc integration "acme"'));
  const end = parts.findIndex((l, i) => i > start && l.startsWith('# <<< awsidc integration "acme"'));
  if (start > 0 && /^\r?\n$/.test(parts[start - 1] as string)) start--;
  return [...parts.slice(0, start), ...parts.slice(end + 1)].join('');
}

const UPDATED = [
  spec('123456789012', 'Payments Prod', 'AdministratorAccess'),
  spec('123456789012', 'Payments Prod', 'ReadOnlyAccess'),
  spec('210987654321', 'Payments Dev', 'AdministratorAccess', 'ap-south-1'),
  spec('444444444444', 'New Account', 'Admin'),
];

function blockStart(text: string): number {
  return text.replace(/^\ufeff/, '').split(/(?<=\n)/).findIndex((l) => l.startsWith('# >>> awsidc integration "acme"'));
}

const insert = suite('insert, re-run, update and remove');

for (const { label, text } of cases) {
  insert(`should leave every byte outside the block alone: ${label}`, () => {
    const eol = eolOf(text);
    const first = planConfigUpdate(text, makeInput());
    assert.ok(first.changed);
    assert.is(stripBlock(first.text, 'acme'), expectedOutside(text), 'outside the block after insert');
    assert.is(first.text.startsWith('\ufeff'), text.startsWith('\ufeff'), 'BOM kept');
    for (const l of blockLines(first.text, 'acme')) assert.ok(l.endsWith(eol) && !l.slice(0, -eol.length).includes('\r'), `block line ending: ${JSON.stringify(l)}`);
    if (hasAcme(text)) assert.is(blockStart(first.text), blockStart(text), 'block stays where it was');
    else assert.ok(first.text.endsWith(`# <<< awsidc integration "acme"${eol}`), 'appended at the end');

    const again = planConfigUpdate(first.text, makeInput());
    assert.not.ok(again.changed, 're-run changes nothing');
    assert.is(again.text, first.text);

    const second = planConfigUpdate(first.text, makeInput({ profiles: UPDATED }));
    assert.ok(second.changed);
    assert.is(stripBlock(second.text, 'acme'), stripBlock(first.text, 'acme'), 'outside the block after update');
    assert.is(blockStart(second.text), blockStart(first.text), 'updated in place');
    assert.equal(second.added, ['New-Account.Admin']);
    assert.equal(second.removed, ['Sandbox.PowerUserAccess']);

    const removed = removeBlock(second.text, 'acme');
    assert.ok(removed.changed);
    assert.is(removed.text, expectedAfterRemove(text), 'remove gives the original back');
    assert.equal(removed.removed, second.profiles.map((p) => p.name).sort(byName));
    assert.not.ok(removeBlock(removed.text, 'acme').changed, 'removing twice is a no-op');
  });
}

insert.run();

const sdk = suite('what the SDKs read');

function ownNames(...texts: string[]): Set<string> {
  const names = new Set<string>();
  for (const t of texts) for (const p of listManagedProfiles(t)) if (p.integration === 'acme') names.add(p.name);
  return names;
}

function expectBlock(result: PlanResult, read: (name: string) => Record<string, unknown> | undefined, session: Record<string, unknown> | undefined): void {
  assert.equal(session, { sso_start_url: 'https://d-1234567890.awsapps.com/start', sso_region: 'us-east-1', sso_registration_scopes: 'sso:account:access' });
  for (const p of result.profiles) {
    const listed = LISTING.find((l) => l.accountId === p.accountId && l.roleName === p.roleName);
    assert.ok(listed);
    assert.equal(read(p.name), {
      region: listed?.region,
      credential_process: `"/usr/bin/node" "/opt/awsidc/dist/awsidc.cjs" credentials --integration acme --account-id ${p.accountId} --role-name "${p.roleName}"`,
    });
  }
}

for (const { label, text } of cases) {
  sdk(`should read hand-written sections as before and ours exactly: ${label}`, async () => {
    const result = planConfigUpdate(text, makeInput());
    const owned = ownNames(text, result.text);
    const before = (await parseWithJsSdk(text)).config;
    const after = (await parseWithJsSdk(result.text)).config;
    expectBlock(result, (n) => after[n], after['sso-session.acme']);
    const strip = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).filter(([k]) => !owned.has(k) && k !== 'sso-session.acme'));
    assert.equal(strip(after), strip(before), 'JS SDK: hand-written sections unchanged');
    assert.is(Object.keys(after).length - Object.keys(strip(after)).length, result.profiles.length + 1, 'JS SDK: no extra sections');
  });
}

sdk('should read the same with botocore (files with a BOM excluded: botocore cannot read them at all)', () => {
  if (!botocoreAvailable()) return;
  const usable = cases.filter((c) => !c.text.startsWith('\ufeff'));
  const results = usable.map((c) => planConfigUpdate(c.text, makeInput()));
  const parsed = parseWithBotocore([...usable.map((c) => c.text), ...results.map((r) => r.text)]);
  usable.forEach((c, i) => {
    const before = parsed[i]?.ok;
    const after = parsed[i + usable.length]?.ok;
    assert.ok(before && after, `${c.label}: ${parsed[i]?.error ?? parsed[i + usable.length]?.error}`);
    const result = results[i] as PlanResult;
    const owned = new Set([...ownNames(c.text, result.text)].map((n) => `profile ${n}`));
    expectBlock(result, (n) => after?.[`profile ${n}`], after?.['sso-session acme']);
    const strip = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).filter(([k]) => !owned.has(k) && k !== 'sso-session acme'));
    assert.equal(strip(after ?? {}), strip(before ?? {}), `${c.label}: botocore reads hand-written sections unchanged`);
    assert.is(Object.keys(after ?? {}).length - Object.keys(strip(after ?? {})).length, result.profiles.length + 1);
  });
});

sdk.run();

const remove = suite('removeBlock');

remove('should remove one integration and leave the other blocks and the text between them', () => {
  const text = fixture('with-blocks.ini');
  const r = removeBlock(text, 'beta');
  assert.ok(r.changed);
  assert.equal(r.removed, ['Shared.AdministratorAccess']);
  assert.is(r.text, text.replace(/\n# >>> awsidc integration "beta"[\s\S]*?# <<< awsidc integration "beta"\n/, ''));
  assert.equal(listManagedProfiles(r.text).map((p) => p.integration), ['acme', 'acme']);
});

remove('should change nothing when the integration has no block', () => {
  const text = fixture('handwritten-basic.ini');
  const r = removeBlock(text, 'acme');
  assert.not.ok(r.changed);
  assert.is(r.text, text);
  assert.equal(r.removed, []);
});

remove('should give back the original after appending two blocks and removing them in either order', () => {
  const text = fixture('handwritten-basic.ini');
  const both = planConfigUpdate(planConfigUpdate(text, makeInput()).text, makeInput({ integration: 'beta' })).text;
  assert.is(removeBlock(removeBlock(both, 'acme').text, 'beta').text, text);
  assert.is(removeBlock(removeBlock(both, 'beta').text, 'acme').text, text);
});

remove.run();
