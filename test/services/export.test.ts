import { spawnSync } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CREDENTIAL_VARS, childEnv, credentialVars } from '../../src/services/credential-env.js';
import { formatExport, quoteDotenv, quotePowerShell, quoteSh } from '../../src/services/export.js';

// Synthetic values that break naive quoting; they are not secrets, so failures may show them.
const NASTY = [
  'plain',
  "it's",
  'a "double" quote',
  'dollar $HOME and `cmd` and $(cmd)',
  'back\\slash\\',
  'new\nline',
  'tab\there',
  '  spaces  ',
  'ünïcödé ✓ ‘curly’',
  'glob * ? [a]',
  "'",
  '',
  'semi; colon && amp | pipe > redirect',
];

function varsWith(value: string) {
  return credentialVars({ AccessKeyId: value, SecretAccessKey: `s-${value}`, SessionToken: `t-${value}`, Expiration: '2025-01-01T12:00:00Z' }, 'eu-west-1');
}

function has(cmd: string): boolean {
  return spawnSync(cmd, ['--version'], { encoding: 'utf8', timeout: 10_000 }).status === 0;
}

/** Evaluates the script in a shell and returns the six variables as the shell sees them. */
function evalIn(shell: string, args: string[], script: string, printer: string): Record<string, string> {
  const r = spawnSync(shell, [...args, script + '\n' + printer], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { PATH: process.env.PATH, AWS_PROFILE: 'p', AWS_DEFAULT_PROFILE: 'p', AWS_SECURITY_TOKEN: 'x' },
  });
  assert.is(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, string>;
}

const NODE_PRINT = `"${process.execPath}" -e 'const o={};for(const k of ${JSON.stringify([...CREDENTIAL_VARS, 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SECURITY_TOKEN'])})if(k in process.env)o[k]=process.env[k];process.stdout.write(JSON.stringify(o))'`;

const formats = suite('export formats');

for (const shell of ['bash', 'sh']) {
  formats(`should round-trip every value through ${shell} eval (env format)`, () => {
    for (const v of NASTY) {
      const vars = varsWith(v);
      const seen = evalIn(shell, ['-c'], `eval "$(cat <<'AWSIDC_EOF'\n${formatExport(vars, 'env')}AWSIDC_EOF\n)"`, NODE_PRINT);
      assert.equal(seen, vars, `value ${JSON.stringify(v)}`);
    }
  });
}

formats('should round-trip through fish when it is installed', () => {
  if (!has('fish')) {
    console.log('  (skipped: fish is not installed)');
    return;
  }
  for (const v of NASTY) {
    const vars = varsWith(v);
    const seen = evalIn('fish', ['-c'], formatExport(vars, 'fish'), NODE_PRINT.replace(/^"([^"]+)"/, "'$1'"));
    assert.equal(seen, vars, `value ${JSON.stringify(v)}`);
  }
});

formats('should round-trip through PowerShell when it is installed', () => {
  if (!has('pwsh')) {
    console.log('  (skipped: pwsh is not installed)');
    return;
  }
  for (const v of NASTY) {
    const vars = varsWith(v);
    const print = `$o=[ordered]@{}; foreach($k in @(${CREDENTIAL_VARS.map((n) => `'${n}'`).join(',')},'AWS_PROFILE')){ $x=[Environment]::GetEnvironmentVariable($k); if($x -ne $null){$o[$k]=$x} }; $o | ConvertTo-Json -Compress`;
    const seen = evalIn('pwsh', ['-NoProfile', '-Command'], formatExport(vars, 'powershell'), print);
    // PowerShell cannot hold an empty environment variable: setting '' removes it.
    if (v === '') continue;
    assert.equal(seen, vars, `value ${JSON.stringify(v)}`);
  }
});

formats('should print JSON with exactly the six variables', () => {
  const vars = varsWith('a"b');
  assert.equal(JSON.parse(formatExport(vars, 'json')), vars);
});

formats('should write dotenv lines that a dotenv reader gets back', () => {
  // The subset of dotenv every reader agrees on: 'single' is literal; "double" knows \\ \" \n \r.
  const read = (line: string): [string, string] => {
    const eq = line.indexOf('=');
    const raw = line.slice(eq + 1);
    const value = raw.startsWith("'")
      ? raw.slice(1, -1)
      : raw.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r' })[c] ?? c);
    return [line.slice(0, eq), value];
  };
  for (const v of NASTY) {
    const vars = varsWith(v);
    const text = formatExport(vars, 'dotenv');
    assert.equal(Object.fromEntries(text.trimEnd().split('\n').map(read)), vars, `value ${JSON.stringify(v)}`);
  }
  assert.is(quoteDotenv('abc$HOME'), "'abc$HOME'", 'single quotes stop ${} expansion');
});

formats('should quote for sh and PowerShell by the book', () => {
  assert.is(quoteSh("it's"), `'it'\\''s'`);
  assert.is(quotePowerShell('it’s'), `'it’’s'`);
});

formats('should unset the profile variables in every shell format', () => {
  const vars = varsWith('x');
  assert.match(formatExport(vars, 'env'), /^unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SECURITY_TOKEN$/m);
  assert.match(formatExport(vars, 'fish'), /^set -e AWS_PROFILE;$/m);
  assert.match(formatExport(vars, 'powershell'), /Remove-Item -ErrorAction SilentlyContinue Env:AWS_PROFILE/);
});

formats('should build a child environment without profile variables', () => {
  const env = childEnv({ AWS_PROFILE: 'a', AWS_DEFAULT_PROFILE: 'b', PATH: '/bin', AWS_REGION: 'us-east-1' }, varsWith('k'));
  assert.is(env.AWS_PROFILE, undefined);
  assert.is(env.AWS_DEFAULT_PROFILE, undefined);
  assert.is(env.PATH, '/bin');
  assert.is(env.AWS_REGION, 'eu-west-1');
  assert.is(env.AWS_ACCESS_KEY_ID, 'k');
});

formats.run();
