import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { toProcessOutput } from '../../src/core/process-output.js';
import { credentialsArgs, roleCacheFile } from '../helpers/login.js';
import { CLI, requireBuild, run, sandbox, type Sandbox } from '../helpers/sandbox.js';

// The cache hit is what every AWS tool process pays: prove it loads nothing and writes nothing. Its speed is
// measured by `npm run bench`, not asserted here.

const PRELOAD = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../helpers/record-modules.cjs');
const ARGS = credentialsArgs('acme', '111111111111', 'AdministratorAccess');

const s = suite<{ box: Sandbox; doc: string; file: string; scratch: string }>('cache hit: nothing loaded, nothing written', {} as never);

s.before((ctx) => {
  requireBuild();
  ctx.box = sandbox();
  ctx.file = roleCacheFile(ctx.box, 'acme', '111111111111', 'AdministratorAccess');
  ctx.doc = toProcessOutput({ accessKeyId: 'ASIAHITPATHTEST00001', secretAccessKey: 'hit-secret', sessionToken: 'hit-token', expiration: Date.now() + 3_600_000 }, '111111111111');
  mkdirSync(dirname(ctx.file), { recursive: true });
  writeFileSync(ctx.file, ctx.doc);
  ctx.scratch = mkdtempSync(join(tmpdir(), 'awsidc-modules-'));
});

s.after(({ box, scratch }) => {
  box.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

interface Report {
  builtins: string[];
  files: string[];
}

async function loaded(ctx: { box: Sandbox; scratch: string }, script: string, args: string[]): Promise<Report & { stdout: string; code: number }> {
  const out = join(ctx.scratch, `${Math.random().toString(36).slice(2)}.json`);
  const r = await run(process.execPath, ['-r', PRELOAD, script, ...args], { ...ctx.box.env, AWSIDC_TEST_MODULE_REPORT: out });
  return { ...(JSON.parse(readFileSync(out, 'utf8')) as Report), stdout: r.stdout, code: r.code };
}

s('should answer a hit from the one bundle file, loading no module that an empty script does not', async (ctx) => {
  const empty = join(ctx.scratch, 'empty.cjs');
  writeFileSync(empty, '');
  const baseline = new Set((await loaded(ctx, empty, [])).builtins);
  const hit = await loaded(ctx, CLI, ARGS);
  assert.is(hit.code, 0);
  assert.ok(hit.stdout === ctx.doc + '\n', 'printed the cached document');
  assert.equal(hit.files, [CLI], 'no other JavaScript file: no miss bundle, no yargs, no SDK');
  // node:os (for the home directory when $HOME is unset) is the only built-in the hot bundle asks for.
  const extra = hit.builtins.filter((m) => !baseline.has(m) && !/^(Internal Binding|NativeModule) os$/.test(m));
  assert.equal(extra, [], 'no stream, net, crypto, util/parse_args or ESM loader modules on a hit');
});

s('should bundle no dependency and no cold-path code into the hot entry', () => {
  const modules = [...readFileSync(CLI, 'utf8').matchAll(/^\/\/ (\S+\.[cm]?[jt]s)$/gm)].map((m) => m[1]!);
  assert.ok(modules.length > 0, 'esbuild module markers found');
  assert.equal(modules.filter((m) => !m.startsWith('src/')), [], 'only our own sources (no env-paths, ini, yargs, SDK)');
  assert.equal(modules.filter((m) => /^src\/(cli|sso|services|aws-config|emulator)\//.test(m)), [], 'no cold-path code');
});

s('should write nothing on a hit: no file, directory, lock or mtime change anywhere under HOME', async ({ box, doc }) => {
  const before = snapshot(box.home);
  await new Promise((r) => setTimeout(r, 20)); // so that any write would move an mtime
  for (let i = 0; i < 3; i++) {
    const r = await run(process.execPath, [CLI, ...ARGS], box.env);
    assert.is(r.code, 0, r.stderr);
    assert.ok(r.stdout === doc + '\n');
  }
  assert.equal(snapshot(box.home), before);
});

/** Every path under `root` with its size and mtime (directories too, so that a created-then-removed file shows). */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = { '/': `dir ${statSync(root).mtimeMs}` };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const st = statSync(p);
      out[p.slice(root.length)] = `${st.isDirectory() ? 'dir' : st.size} ${st.mtimeMs}`;
      if (st.isDirectory()) walk(p);
    }
  };
  walk(root);
  return out;
}

s.run();
