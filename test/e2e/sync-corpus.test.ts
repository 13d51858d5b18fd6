import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { listManagedProfiles } from '../../src/aws-config/list.js';
import type { Org } from '../../src/emulator/org.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { applyUnifiedDiff, expectedOutside, FIXTURES, fixture, stripBlock } from '../aws-config/helpers/input.js';
import { parseWithJsSdk } from '../aws-config/helpers/parsers.js';
import { emulatorToken, inBatches, seedIntegration, stateBox } from '../helpers/integration.js';
import { requireBuild, runCli } from '../helpers/sandbox.js';

// The lossless promise, end to end: the real CLI writes into real-world-looking config files and every byte
// outside its block stays as it was; a second run with nothing new does not touch the file at all.

const org: Org = {
  user: { userName: 'alice', email: 'alice@example.com' },
  accounts: [
    { accountId: '123456789012', accountName: 'Payments Prod', emailAddress: 'p@example.com', roles: ['AdministratorAccess', 'ReadOnlyAccess'] },
    { accountId: '210987654321', accountName: 'Payments Dev', emailAddress: 'd@example.com', roles: ['AdministratorAccess'] },
  ],
};

const VARIANTS: Record<string, (t: string) => string> = {
  'as is': (t) => t,
  CRLF: (t) => t.replace(/\r?\n/g, '\r\n'),
  'no final newline': (t) => t.replace(/(\r?\n)+$/, ''),
};
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.ini') && !f.startsWith('malformed-')).sort();
const cases: Array<{ label: string; text: string }> = [];
for (const f of files) {
  // Every fixture as is; line-ending variants for the two most common shapes (the planner suite does them all).
  const variants = f === 'handwritten-basic.ini' || f === 'with-blocks.ini' ? Object.entries(VARIANTS) : Object.entries(VARIANTS).slice(0, 1);
  for (const [v, fn] of variants) cases.push({ label: `${f} (${v})`, text: fn(fixture(f)) });
}

const stamp = (path: string) => {
  const s = statSync(path);
  return { ino: s.ino, mtimeMs: s.mtimeMs, mode: s.mode & 0o777, size: s.size };
};

const corpus = suite<{ emu: Emulator; token: string }>('sync through the CLI: the corpus', {} as never);

corpus.before(async (ctx) => {
  requireBuild();
  ctx.emu = await startEmulator({ org, approveAfter: 0 });
  ctx.token = await emulatorToken(ctx.emu);
});
corpus.after(async (ctx) => {
  await ctx.emu.close();
});

corpus('should keep every byte outside the block, keep the mode, back up once, and not touch the file on a re-run', async ({ emu, token }) => {
  const failures = await inBatches(cases.map(({ label, text }) => async () => {
    const box = stateBox();
    try {
      mkdirSync(join(box.home, '.aws'), { recursive: true, mode: 0o700 });
      writeFileSync(box.configFile, text);
      chmodSync(box.configFile, 0o644);
      seedIntegration(emu, box, token);
      const first = await runCli(['sync'], box.env);
      if (first.code !== 0) return `${label}: sync exited ${first.code}: ${first.stderr}`;
      const written = readFileSync(box.configFile, 'utf8');
      if (stripBlock(written, 'acme') !== expectedOutside(text)) return `${label}: bytes outside the block changed`;
      const mine = listManagedProfiles(written).filter((p) => p.integration === 'acme');
      if (mine.length !== 3) return `${label}: ${mine.length} profiles in the block`;
      if (stamp(box.configFile).mode !== 0o644) return `${label}: mode changed`;
      const backup = `${box.configFile}.awsidc.bak`;
      if (text !== '' && readFileSync(backup, 'utf8') !== text) return `${label}: the backup is not the original`;

      const before = stamp(box.configFile);
      const snapshot = join(box.configDir, 'state', 'acme.json');
      const snapBefore = stamp(snapshot);
      const again = await runCli(['sync'], box.env);
      if (again.code !== 0) return `${label}: re-run exited ${again.code}: ${again.stderr}`;
      if (again.stdout !== '') return `${label}: re-run printed on stdout`;
      if (!again.stderr.includes('already up to date')) return `${label}: re-run said ${again.stderr}`;
      if (JSON.stringify(stamp(box.configFile)) !== JSON.stringify(before)) return `${label}: the re-run touched the config file`;
      if (JSON.stringify(stamp(snapshot)) !== JSON.stringify(snapBefore)) return `${label}: the re-run rewrote the org snapshot`;
      if (text !== '' && readFileSync(backup, 'utf8') !== text) return `${label}: the re-run replaced the backup`;
      return undefined;
    } finally {
      box.cleanup();
    }
  }));
  assert.equal(failures.filter(Boolean), []);
});

corpus.run();

const modes = suite<{ emu: Emulator; token: string }>('sync through the CLI: dry run, prune, symlinks', {} as never);

modes.before(async (ctx) => {
  requireBuild();
  ctx.emu = await startEmulator({ org: structuredClone(org), approveAfter: 0 });
  ctx.token = await emulatorToken(ctx.emu);
});
modes.after(async (ctx) => {
  await ctx.emu.close();
});

modes('should print a unified diff on --dry-run and leave the file, its inode and mtime alone', async ({ emu, token }) => {
  const box = stateBox();
  seedIntegration(emu, box, token);
  try {
    mkdirSync(join(box.home, '.aws'), { recursive: true });
    writeFileSync(box.configFile, fixture('handwritten-basic.ini'));
    assert.is((await runCli(['sync'], box.env)).code, 0);
    const account = emu.org.accounts[1] as Org['accounts'][number];
    account.roles = [...account.roles, 'Billing'];
    const before = readFileSync(box.configFile, 'utf8');
    const stampBefore = stamp(box.configFile);
    const dry = await runCli(['sync', '--dry-run'], box.env);
    assert.is(dry.code, 0, dry.stderr);
    assert.ok(dry.stdout.startsWith(`--- ${box.configFile}\n+++ ${box.configFile}\n@@ `), dry.stdout);
    assert.match(dry.stdout, /^\+\[profile Payments-Dev\.Billing\]$/m);
    assert.match(dry.stderr, /1 added, 0 removed, 0 updated\); changes not written \(dry run\)/, dry.stderr);
    assert.is(readFileSync(box.configFile, 'utf8'), before);
    assert.equal(stamp(box.configFile), stampBefore);
    const real = await runCli(['sync'], box.env);
    assert.is(real.code, 0, real.stderr);
    assert.is(applyUnifiedDiff(before, dry.stdout), readFileSync(box.configFile, 'utf8'), 'the diff is exactly what sync writes');
    const none = await runCli(['sync', '--dry-run'], box.env);
    assert.is(none.stdout, `# acme: no changes to ${box.configFile}\n`);
  } finally {
    box.cleanup();
  }
});

modes('should prune profiles of roles that are gone, unless --no-prune', async ({ emu, token }) => {
  const box = stateBox();
  seedIntegration(emu, box, token);
  try {
    assert.is((await runCli(['sync'], box.env)).code, 0);
    const account = emu.org.accounts[0] as Org['accounts'][number];
    const saved = account.roles;
    account.roles = ['AdministratorAccess'];
    try {
      const kept = await runCli(['sync', '--no-prune'], box.env);
      assert.is(kept.code, 0, kept.stderr);
      assert.ok(readFileSync(box.configFile, 'utf8').includes('[profile Payments-Prod.ReadOnlyAccess]'));
      const pruned = await runCli(['sync'], box.env);
      assert.is(pruned.code, 0, pruned.stderr);
      assert.match(pruned.stderr, /\(0 added, 1 removed, 0 updated\)/);
      assert.not.ok(readFileSync(box.configFile, 'utf8').includes('ReadOnlyAccess'));
    } finally {
      account.roles = saved;
    }
  } finally {
    box.cleanup();
  }
});

modes('should write through a symlinked config file and keep the link', async ({ emu, token }) => {
  const box = stateBox();
  seedIntegration(emu, box, token);
  try {
    const real = join(box.home, 'dotfiles', 'aws-config');
    mkdirSync(join(box.home, 'dotfiles'));
    mkdirSync(join(box.home, '.aws'), { recursive: true });
    writeFileSync(real, fixture('large-realistic.ini'));
    symlinkSync(real, box.configFile);
    assert.is((await runCli(['sync'], box.env)).code, 0);
    assert.ok(lstatSync(box.configFile).isSymbolicLink());
    const text = readFileSync(real, 'utf8');
    assert.is(stripBlock(text, 'acme'), expectedOutside(fixture('large-realistic.ini')));
    assert.ok(existsSync(`${box.configFile}.awsidc.bak`));
    const parsed = (await parseWithJsSdk(text)).config;
    assert.equal(parsed['prod-readonly'], { role_arn: 'arn:aws:iam::222222222222:role/ReadOnly', source_profile: 'prod-admin', external_id: '7b2f0c5e-9d1a-4f44-a1b3-0c8e8d0f6b2a' });
    assert.ok(parsed['Payments-Prod.AdministratorAccess']);
  } finally {
    box.cleanup();
  }
});

modes.run();
