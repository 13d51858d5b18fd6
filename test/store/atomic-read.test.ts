import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

// Cache reads take no lock, so they rely on writes being atomic renames: a reader sees an old or a new document,
// never part of one. Another process rewrites the file as fast as it can while this one reads it.

const WRITER = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../helpers/rewrite-loop.ts');

async function readWhileRewriting(mode: 'atomic' | 'plain', ms: number): Promise<{ reads: number; versions: number; torn: number; missing: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'awsidc-atomic-'));
  const file = join(dir, 'c.json');
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, mode], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((r) => child.stdout.once('data', () => r()));
  const seen = new Set<string>();
  let reads = 0;
  let torn = 0;
  let missing = 0;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      missing++;
      continue;
    }
    reads++;
    try {
      const doc = JSON.parse(text) as { AccessKeyId: string; SessionToken: string };
      if (doc.SessionToken.length < 65_536) torn++;
      seen.add(doc.AccessKeyId);
    } catch {
      torn++;
    }
    await new Promise((r) => setImmediate(r)); // let the writer get ahead now and then
  }
  child.kill();
  await new Promise((r) => child.on('exit', r));
  rmSync(dir, { recursive: true, force: true });
  return { reads, versions: seen.size, torn, missing };
}

test('should never let a lock-free reader see half of a role cache file', async () => {
  const r = await readWhileRewriting('atomic', 800);
  assert.ok(r.versions > 5, `the reader saw ${r.versions} versions go by, so reads and writes did overlap`);
  assert.is(r.torn, 0, `${r.torn} of ${r.reads} reads were torn`);
  assert.is(r.missing, 0, 'the file name never went missing between versions');
});

test.run();
