import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { HOSTILE_ACCOUNT_NAMES } from '../helpers/hostile-names.js';
import type { Org } from '../../src/emulator/org.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { SAFE_PROFILE_NAME } from '../../src/core/profile-name.js';
import { fixture } from '../aws-config/helpers/input.js';
import { botocoreAvailable, parseWithBotocore, parseWithJsSdk } from '../aws-config/helpers/parsers.js';
import { emulatorToken, seedIntegration, START_URL, stateBox } from '../helpers/integration.js';
import { requireBuild, runCli } from '../helpers/sandbox.js';

// Account and role names come from the portal: they are data. Whatever they contain, the file the CLI writes
// must hold exactly the intended sections and keys, as the SDKs' own parsers read it.

const HOSTILE_ROLES = ['Admin\n[profile evil2]', 'Admin]', '[profile y]', 'a=b', 'x;y', 'R'.repeat(300), '🚀', 'Admin = x', 'Read,Only@x.y+z-_'];
const WRITABLE_ROLES = new Set(['AdministratorAccess', 'a=b', 'Read,Only@x.y+z-_']);

const hostileOrg: Org = {
  user: { userName: 'alice', email: 'alice@example.com' },
  accounts: HOSTILE_ACCOUNT_NAMES.map((accountName, i) => ({
    accountId: String(100000000000 + i),
    accountName,
    emailAddress: `a${i}@example.com`,
    roles: ['AdministratorAccess', HOSTILE_ROLES[i % HOSTILE_ROLES.length] as string],
  })),
};

interface Listed {
  profiles: Array<{ name: string; accountId: string; roleName: string }>;
  skipped: Array<{ accountId: string; roleName: string }>;
}

function expectedSections(listed: Listed, read: (p: Listed['profiles'][number]) => Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(listed.profiles.map((p) => [p.name, read(p)]));
}

const names = suite<{ emu: Emulator; token: string; saved: NodeJS.ProcessEnv }>('sync through the CLI: hostile names', {} as never);

names.before(async (ctx) => {
  requireBuild();
  ctx.emu = await startEmulator({ org: hostileOrg, approveAfter: 0 });
  ctx.token = await emulatorToken(ctx.emu);
  ctx.saved = { ...process.env };
});
names.after(async (ctx) => {
  process.env = ctx.saved;
  await ctx.emu.close();
});

names('should write exactly the intended sections and keys in both styles, skip unusable roles, and resolve credentials', async ({ emu, token }) => {
  const box = stateBox();
  try {
    const base = fixture('handwritten-basic.ini');
    mkdirSync(join(box.home, '.aws'), { recursive: true });
    writeFileSync(box.configFile, base);
    seedIntegration(emu, box, token);
    const baseSections = (await parseWithJsSdk(base)).config;
    const baseBoto = botocoreAvailable() ? parseWithBotocore([base])[0]?.ok : undefined;

    for (const style of ['process', 'native'] as const) {
      const r = await runCli(['sync', '--style', style], box.env);
      assert.is(r.code, 0, r.stderr);
      assert.is(r.stdout, '');
      const dry = await runCli(['sync', '--dry-run', '--json'], box.env);
      const listed = (JSON.parse(dry.stdout) as Listed[])[0] as Listed;
      const writable = hostileOrg.accounts.flatMap((a) => a.roles.filter((role) => WRITABLE_ROLES.has(role)));
      assert.is(listed.profiles.length, writable.length, 'one profile per usable role');
      assert.is(listed.skipped.length, hostileOrg.accounts.length * 2 - writable.length, 'every other role is reported');
      for (const p of listed.profiles) assert.ok(SAFE_PROFILE_NAME.test(p.name), p.name);
      for (const line of r.stderr.trimEnd().split('\n')) assert.ok(line.startsWith('warning: ') || line.startsWith('✓ '), `stderr line ${JSON.stringify(line)}`);

      const text = readFileSync(box.configFile, 'utf8');
      const keysOf = (p: Listed['profiles'][number]): Record<string, string> => {
        if (style === 'native') return { sso_session: 'acme', sso_account_id: p.accountId, sso_role_name: p.roleName, region: 'eu-west-1' };
        const cp = `"${process.execPath}" "${join(process.cwd(), 'dist', 'awsidc.cjs')}" credentials --integration acme --account-id ${p.accountId} --role-name ${p.roleName}`;
        return { region: 'eu-west-1', credential_process: cp };
      };
      const session = { sso_start_url: START_URL, sso_region: 'us-east-1', sso_registration_scopes: 'sso:account:access' };
      const js = (await parseWithJsSdk(text)).config;
      assert.equal(js, { ...baseSections, 'sso-session.acme': session, ...expectedSections(listed, keysOf) }, `JS SDK reads exactly the intended sections (${style})`);
      if (baseBoto) {
        const boto = parseWithBotocore([text])[0];
        const expected: Record<string, unknown> = { ...baseBoto, 'sso-session acme': session };
        for (const p of listed.profiles) expected[`profile ${p.name}`] = keysOf(p);
        assert.equal(boto?.ok, expected, `botocore reads exactly the intended sections (${style}): ${boto?.error ?? ''}`);
      }
      const integ = JSON.parse(readFileSync(join(box.configDir, 'integrations', 'acme.json'), 'utf8')) as { style?: string };
      assert.is(integ.style, style, '--style is remembered');

      if (style === 'process') {
        // The profile of the account whose name tried to inject a section works like any other.
        for (const k of Object.keys(process.env)) if (k.startsWith('AWS_') || k.startsWith('AWSIDC_')) delete process.env[k];
        Object.assign(process.env, box.env);
        const evil = listed.profiles.find((p) => p.accountId === '100000000000' && p.roleName === 'AdministratorAccess');
        const sts = new STSClient({ region: 'us-east-1', endpoint: emu.url, credentials: fromIni({ profile: evil?.name, configFilepath: box.configFile, filepath: join(box.home, '.aws', 'credentials'), ignoreCache: true }) });
        assert.is((await sts.send(new GetCallerIdentityCommand({}))).Account, '100000000000');
      }
    }
  } finally {
    box.cleanup();
  }
});

names.run();

const collide = suite<{ emu: Emulator; token: string }>('sync through the CLI: name collisions', {} as never);

const twins: Org = {
  user: { userName: 'alice', email: 'alice@example.com' },
  accounts: [
    { accountId: '222222222222', accountName: 'Prod', emailAddress: 'b@example.com', roles: ['Admin'] },
    { accountId: '111111111111', accountName: 'Prod', emailAddress: 'a@example.com', roles: ['Admin'] },
    { accountId: '333333333333', accountName: 'Dev', emailAddress: 'c@example.com', roles: ['Admin'] },
  ],
};

collide.before(async (ctx) => {
  requireBuild();
  ctx.emu = await startEmulator({ org: twins, approveAfter: 0 });
  ctx.token = await emulatorToken(ctx.emu);
});
collide.after(async (ctx) => {
  await ctx.emu.close();
});

collide('should never shadow a hand-written profile (config or credentials file) and report every rename', async ({ emu, token }) => {
  const box = stateBox();
  try {
    mkdirSync(join(box.home, '.aws'), { recursive: true });
    const hand = '[profile Prod.Admin]\nregion = us-east-1\n';
    writeFileSync(box.configFile, hand);
    writeFileSync(join(box.home, '.aws', 'credentials'), '[Dev.Admin]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = not-a-real-secret\n');
    seedIntegration(emu, box, token);
    const r = await runCli(['sync', '--json'], box.env);
    assert.is(r.code, 0, r.stderr);
    const [result] = JSON.parse(r.stdout) as Array<Listed & { collisions: Array<{ wanted: string; given: string; kind: string }> }>;
    const byAccount = Object.fromEntries((result?.profiles ?? []).map((p) => [p.accountId, p.name]));
    assert.equal(byAccount, { '111111111111': 'Prod.Admin.111111111111', '222222222222': 'Prod.Admin.222222222222', '333333333333': 'Dev.Admin.333333333333' });
    assert.equal(result?.collisions.map((c) => c.kind), ['hand-written', 'hand-written', 'hand-written']);
    const text = readFileSync(box.configFile, 'utf8');
    assert.ok(text.startsWith(hand), 'the hand-written profile is untouched');

    const plain = await runCli(['sync'], box.env);
    assert.match(plain.stderr, /warning: profile name "Prod\.Admin" is taken \("\[profile Prod\.Admin\]" on line 1 is written by hand outside awsidc blocks; awsidc never shadows it\); wrote it as "Prod\.Admin\.111111111111"/);
    assert.match(plain.stderr, /warning: profile name "Dev\.Admin" is taken \(profile "Dev\.Admin" defined outside this file/);
    assert.not.match(plain.stderr + plain.stdout, /not-a-real-secret|AKIDEXAMPLE/, 'nothing from the credentials file is printed');

    // Once the hand-written profile is gone, ours keep their names: --profile never silently changes meaning.
    writeFileSync(box.configFile, text.slice(hand.length));
    const later = await runCli(['sync', '--json'], box.env);
    const [after] = JSON.parse(later.stdout) as Listed[];
    assert.equal(Object.fromEntries((after?.profiles ?? []).map((p) => [p.accountId, p.name])), byAccount);
  } finally {
    box.cleanup();
  }
});

collide.run();
