import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI } from '../helpers/sandbox.js';
import { PROFILE, world, type World } from './world.js';

const exp = suite<{ w: World }>('awsidc export', {} as never);

exp.before(async (ctx) => {
  ctx.w = await world();
});
exp.after(async (ctx) => {
  await ctx.w.close();
});

// Prints, per variable, whether it matches the expected value: the test never sees or shows a secret.
const CHECK = `"${process.execPath}" -e '
const want = JSON.parse(process.argv[1]);
const out = {};
for (const [k, v] of Object.entries(want)) out[k] = v === null ? !(k in process.env) : process.env[k] === v;
process.stdout.write(JSON.stringify(out));' "$WANT"`;

function expected(w: World): Record<string, string | null> {
  const c = w.cached('111111111111', 'AdministratorAccess');
  return {
    AWS_ACCESS_KEY_ID: c.AccessKeyId,
    AWS_SECRET_ACCESS_KEY: c.SecretAccessKey,
    AWS_SESSION_TOKEN: c.SessionToken,
    AWS_CREDENTIAL_EXPIRATION: c.Expiration,
    AWS_REGION: 'eu-west-1',
    AWS_DEFAULT_REGION: 'eu-west-1',
    AWS_PROFILE: null,
    AWS_DEFAULT_PROFILE: null,
  };
}

for (const shell of ['bash', 'sh']) {
  exp(`should print variables that ${shell} evals into the role credentials`, async ({ w }) => {
    // Warm the cache first so the expected values exist.
    const warm = await w.run(['export', '--profile', PROFILE, '--format', 'json']);
    assert.is(warm.code, 0, warm.stderr);
    const script = `eval "$("${process.execPath}" "${CLI}" export --profile ${PROFILE})" || exit 9\n${CHECK}`;
    const r = await w.exec(shell, ['-c', script], { ...w.box.env, AWS_PROFILE: 'elsewhere', AWS_DEFAULT_PROFILE: 'x', WANT: JSON.stringify(expected(w)) });
    assert.is(r.code, 0, r.stderr);
    const ok = JSON.parse(r.stdout) as Record<string, boolean>;
    for (const [k, v] of Object.entries(ok)) assert.ok(v, `${k} as expected`);
  });
}

exp('should print JSON and dotenv that parse back to the same values', async ({ w }) => {
  const want = expected(w);
  const j = await w.run(['export', '--profile', PROFILE, '--format', 'json']);
  assert.is(j.code, 0, j.stderr);
  const doc = JSON.parse(j.stdout) as Record<string, string>;
  for (const [k, v] of Object.entries(want)) if (v !== null) assert.ok(doc[k] === v, `${k} in JSON`);
  assert.is(Object.keys(doc).length, 6);
  const d = await w.run(['export', '--profile', PROFILE, '--format', 'dotenv']);
  assert.is(d.code, 0, d.stderr);
  const lines = d.stdout.trimEnd().split('\n');
  assert.is(lines.length, 6);
  for (const l of lines) assert.match(l, /^AWS_[A-Z_]+='[^']*'$/);
});

exp('should write the credentials only to stdout', async ({ w }) => {
  const r = await w.run(['export', '--profile', PROFILE, '--verbose']);
  assert.is(r.code, 0, r.stderr);
  const c = w.cached('111111111111', 'AdministratorAccess');
  assert.not.ok(r.stderr.includes(c.SecretAccessKey) || r.stderr.includes(c.SessionToken) || r.stderr.includes(c.AccessKeyId), 'no secret on stderr');
  assert.match(r.stderr, 'printed the credentials of');
});

exp('should refuse an unknown format', async ({ w }) => {
  const r = await w.run(['export', '--profile', PROFILE, '--format', 'yaml']);
  assert.is(r.code, 2);
  assert.is(r.stdout, '');
});

exp.run();
