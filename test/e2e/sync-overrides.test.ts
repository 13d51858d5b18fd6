import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromSSO } from '@aws-sdk/credential-providers';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { listManagedProfiles } from '../../src/aws-config/list.js';
import type { Org } from '../../src/emulator/org.js';
import { startEmulator, type Emulator } from '../../src/emulator/server.js';
import { emulatorToken, init, seedIntegration, stateBox } from '../helpers/integration.js';
import { requireBuild, runCli } from '../helpers/sandbox.js';
import { parseWithJsSdk } from '../aws-config/helpers/parsers.js';

const org: Org = {
  user: { userName: 'alice', email: 'alice@example.com' },
  accounts: [
    { accountId: '111111111111', accountName: 'Payments Prod', emailAddress: 'p@example.com', roles: ['AdministratorAccess', 'ReadOnlyAccess', 'Billing'] },
    { accountId: '222222222222', accountName: 'Payments Dev', emailAddress: 'd@example.com', roles: ['AdministratorAccess'] },
  ],
};

type Ctx = { emu: Emulator; token: string; saved: NodeJS.ProcessEnv };
const profiles = (file: string) => Object.fromEntries(listManagedProfiles(readFileSync(file, 'utf8')).map((p) => [`${p.accountId}/${p.roleName}`, { name: p.name, region: p.region }]));

const overrides = suite<Ctx>('sync through the CLI: overrides and styles', {} as never);

overrides.before(async (ctx) => {
  requireBuild();
  ctx.emu = await startEmulator({ org, approveAfter: 0 });
  ctx.token = await emulatorToken(ctx.emu);
  ctx.saved = { ...process.env };
});
overrides.after(async (ctx) => {
  process.env = ctx.saved;
  await ctx.emu.close();
});

overrides('should apply skip, region and name overrides set with `awsidc override`, and undo them', async ({ emu, token }) => {
  const box = stateBox();
  try {
    seedIntegration(emu, box, token);
    for (const args of [
      ['--account', '111111111111', '--region', 'ap-south-1', '--name', 'pay'],
      ['--account', '111111111111', '--role', 'ReadOnlyAccess', '--skip'],
      ['--account', '111111111111', '--role', 'Billing', '--name', 'billing', '--region', 'us-west-2'],
      ['--account', '222222222222', '--role', 'AdministratorAccess', '--name', 'dev-admin'],
    ]) {
      const r = await runCli(['override', 'set', ...args], box.env);
      assert.is(r.code, 0, r.stderr);
      assert.match(r.stderr, /run `awsidc sync --integration acme` to apply it/);
    }
    const list = await runCli(['override', 'list', '--json'], box.env);
    assert.is((JSON.parse(list.stdout) as unknown[]).length, 4);
    assert.is((await runCli(['sync'], box.env)).code, 0);
    assert.equal(profiles(box.configFile), {
      '111111111111/AdministratorAccess': { name: 'pay.AdministratorAccess', region: 'ap-south-1' },
      '111111111111/Billing': { name: 'billing', region: 'us-west-2' },
      '222222222222/AdministratorAccess': { name: 'dev-admin', region: 'eu-west-1' },
    });

    assert.is((await runCli(['override', 'unset', '--account', '111111111111', '--field', 'name'], box.env)).code, 0);
    assert.is((await runCli(['override', 'unset', '--account', '111111111111', '--role', 'ReadOnlyAccess'], box.env)).code, 0);
    assert.is((await runCli(['sync'], box.env)).code, 0);
    const after = profiles(box.configFile);
    assert.equal(after['111111111111/AdministratorAccess'], { name: 'Payments-Prod.AdministratorAccess', region: 'ap-south-1' });
    assert.equal(after['111111111111/ReadOnlyAccess'], { name: 'Payments-Prod.ReadOnlyAccess', region: 'ap-south-1' });

    const bad = await runCli(['override', 'set', '--account', '12345', '--region', 'eu-west-1'], box.env);
    assert.is(bad.code, 2);
    const badRegion = await runCli(['override', 'set', '--account', '111111111111', '--region', 'moon-1'], box.env);
    assert.is(badRegion.code, 2);
    assert.match(badRegion.stderr, /"moon-1" is not an AWS region name/);
  } finally {
    box.cleanup();
  }
});

overrides('should refuse a broken override in the integration file before any network call', async ({ emu, token }) => {
  const box = stateBox();
  try {
    seedIntegration(emu, box, token, { overrides: { '111111111111': { region: 'moon-1' } } });
    emu.resetCounters();
    const r = await runCli(['sync'], box.env);
    assert.is(r.code, 6, r.stderr);
    assert.match(r.stderr, /integrations\/acme\.json: "moon-1" is not an AWS region name/);
    assert.is(r.stderr.trim().split('\n').length, 1);
    assert.is(emu.counters().ListAccounts, 0);
    assert.not.ok(existsSync(box.configFile));
  } finally {
    box.cleanup();
  }
});

overrides('should reject a bad --name-template on init with a usage error, before logging in', async ({ emu }) => {
  const box = stateBox();
  try {
    emu.resetCounters();
    const r = await init(emu, box, ['--name-template', '{{accountName}}.{{role}}']);
    assert.is(r.code, 2);
    assert.match(r.stderr, /--name-template: unknown variable "role"; use \{\{variable\}\} placeholders with accountName, accountId, roleName, integration, region/);
    assert.is(emu.counters().RegisterClient, 0, 'no login attempted');
    assert.not.ok(existsSync(join(box.configDir, 'integrations', 'acme.json')));
    const ok = await init(emu, box, ['--name-template', '{{integration}}-{{accountId}}-{{roleName|lower}}']);
    assert.is(ok.code, 0, ok.stderr);
    assert.ok(readFileSync(box.configFile, 'utf8').includes('[profile acme-111111111111-administratoraccess]'));
  } finally {
    box.cleanup();
  }
});

overrides('should write native sso_session profiles that the JS SDK resolves through fromSSO and fromIni, and switch back', async ({ emu, token }) => {
  const box = stateBox();
  try {
    seedIntegration(emu, box, token);
    const r = await runCli(['sync', '--style', 'native'], box.env);
    assert.is(r.code, 0, r.stderr);
    const parsed = (await parseWithJsSdk(readFileSync(box.configFile, 'utf8'))).config;
    assert.equal(parsed['Payments-Dev.AdministratorAccess'], { sso_session: 'acme', sso_account_id: '222222222222', sso_role_name: 'AdministratorAccess', region: 'eu-west-1' });

    // The SDK reads the same token file awsidc keeps (~/.aws/sso/cache) and calls the portal itself.
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_') || k.startsWith('AWSIDC_')) delete process.env[k];
    Object.assign(process.env, box.env, { AWS_CONFIG_FILE: box.configFile, AWS_ENDPOINT_URL_SSO: emu.url });
    emu.resetCounters();
    const whoAmI = (credentials: STSClient['config']['credentials']) => new STSClient({ region: 'us-east-1', endpoint: emu.url, credentials }).send(new GetCallerIdentityCommand({}));
    assert.is((await whoAmI(fromSSO({ profile: 'Payments-Dev.AdministratorAccess', ignoreCache: true }))).Account, '222222222222');
    assert.is((await whoAmI(fromIni({ profile: 'Payments-Prod.Billing', ignoreCache: true }))).Account, '111111111111');
    assert.is(emu.counters().GetRoleCredentials, 2, 'the SDK fetched the role credentials itself');

    const back = await runCli(['sync', '--style', 'process'], box.env);
    assert.is(back.code, 0, back.stderr);
    assert.ok(listManagedProfiles(readFileSync(box.configFile, 'utf8')).every((p) => p.hasCredentialProcess && !p.hasSsoKeys));
  } finally {
    box.cleanup();
  }
});

overrides.run();
