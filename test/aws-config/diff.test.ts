import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { unifiedDiff } from '../../src/aws-config/diff.js';
import { planConfigUpdate } from '../../src/aws-config/plan.js';
import { applyUnifiedDiff, fixture, makeInput, rng } from './helpers/input.js';

const diff = suite('unifiedDiff');

diff('should print hunks with three lines of context in the standard format', () => {
  const a = 'l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\n';
  const b = 'l1\nl2\nl3\nl4\nL5\nl6\nl7\nl8\nl9\nl10\nl11\n';
  assert.is(
    unifiedDiff(a, b, '/home/me/.aws/config'),
    [
      '--- /home/me/.aws/config',
      '+++ /home/me/.aws/config',
      '@@ -2,9 +2,10 @@',
      ' l2',
      ' l3',
      ' l4',
      '-l5',
      '+L5',
      ' l6',
      ' l7',
      ' l8',
      ' l9',
      ' l10',
      '+l11',
      '',
    ].join('\n'),
  );
});

diff('should split distant changes into separate hunks', () => {
  const a = Array.from({ length: 30 }, (_, i) => `line ${i + 1}\n`).join('');
  const b = a.replace('line 3\n', 'three\n').replace('line 25\n', '');
  const out = unifiedDiff(a, b, 'c');
  assert.equal(out.split('\n').filter((l) => l.startsWith('@@')), ['@@ -1,6 +1,6 @@', '@@ -22,7 +22,6 @@']);
});

diff('should mark a last line without a line ending, and handle empty files', () => {
  assert.is(unifiedDiff('a\nb', 'a\nb\nc\n', 'f'), '--- f\n+++ f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n');
  assert.is(unifiedDiff('', 'x\n', 'f'), '--- f\n+++ f\n@@ -0,0 +1 @@\n+x\n');
  assert.is(unifiedDiff('x\n', '', 'f'), '--- f\n+++ f\n@@ -1 +0,0 @@\n-x\n');
  assert.is(unifiedDiff('same\n', 'same\n', 'f'), '');
});

diff('should produce diffs that apply back to the new text (fuzz)', () => {
  const rand = rng(42);
  const pool = ['[default]', 'region = us-east-1', '', '# c', '[profile a]', 'x = 1', 'y = 2', 'z'];
  for (let n = 0; n < 300; n++) {
    const a = Array.from({ length: Math.floor(rand() * 25) }, () => pool[Math.floor(rand() * pool.length)] as string);
    const b = a.slice();
    const edits = Math.floor(rand() * 6);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(rand() * (b.length + 1));
      if (rand() < 0.5 && b.length > 0) b.splice(Math.min(at, b.length - 1), 1);
      else b.splice(at, 0, pool[Math.floor(rand() * pool.length)] as string);
    }
    const ta = a.join('\n') + (rand() < 0.8 ? '\n' : '');
    const tb = b.join('\n') + (rand() < 0.8 ? '\n' : '');
    assert.is(applyUnifiedDiff(ta, unifiedDiff(ta, tb, 'f')), tb, `case ${n}`);
  }
});

diff('should apply with GNU patch for a real plan (CRLF and no final newline included)', () => {
  const has = spawnSync('patch', ['--version']).status === 0;
  const dir = mkdtempSync(join(tmpdir(), 'awsidc-diff-'));
  try {
    for (const name of ['handwritten-basic.ini', 'crlf.ini', 'no-final-newline.ini', 'with-blocks.ini']) {
      const before = fixture(name);
      const after = planConfigUpdate(before, makeInput()).text;
      const d = unifiedDiff(before, after, name);
      assert.is(applyUnifiedDiff(before, d), after, name);
      if (!has) continue;
      const file = join(dir, name);
      writeFileSync(file, before);
      writeFileSync(`${file}.diff`, d);
      const r = spawnSync('patch', ['--binary', '-s', file, `${file}.diff`], { encoding: 'utf8' });
      assert.is(r.status, 0, r.stderr + r.stdout);
      assert.is(readFileSync(file, 'utf8'), after, `${name} via patch`);
    }
    if (!has) console.log('  (GNU patch not installed: checked with the built-in applier only)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

diff('should be fast on a 10,000-line config, including the worst case', () => {
  const big = Array.from({ length: 10_000 }, (_, i) => (i % 4 === 0 ? `[profile p${i}]\n` : `key${i} = value ${i}\n`)).join('');
  const planned = planConfigUpdate(big, makeInput()).text;
  let t = performance.now();
  const d = unifiedDiff(big, planned, 'big');
  const typical = performance.now() - t;
  assert.is(applyUnifiedDiff(big, d), planned);
  const other = Array.from({ length: 10_000 }, (_, i) => `other ${i}\n`).join('');
  t = performance.now();
  const worst = unifiedDiff(big, other, 'big');
  const worstMs = performance.now() - t;
  assert.is(applyUnifiedDiff(big, worst), other);
  assert.ok(typical < 200, `typical diff took ${typical.toFixed(0)} ms`);
  assert.ok(worstMs < 3000, `worst-case diff took ${worstMs.toFixed(0)} ms`);
});

diff.run();
