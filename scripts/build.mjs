// Builds dist/: a tiny CommonJS entry for the hot path (CJS starts faster than ESM), and ESM bundles,
// loaded lazily, for everything else. esbuild because it bundles the SDK and yargs in well under a second.
import { build } from 'esbuild';
import { chmodSync, existsSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}dist`, { recursive: true, force: true });

// Lazy entries the hot bundle loads from beside itself instead of inlining.
const lazy = { './cli/main.js': './cli.mjs', './miss.js': './miss.mjs' };
const keepLazy = {
  name: 'keep-lazy',
  setup(b) {
    b.onResolve({ filter: /^\.\/(cli\/main|miss)\.js$/ }, (args) => ({ path: lazy[args.path], external: true }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: { awsidc: 'src/bin.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  supported: { 'dynamic-import': true },
  banner: { js: '#!/usr/bin/env node' },
  plugins: [keepLazy],
  logLevel: 'warning',
});
chmodSync(`${root}dist/awsidc.cjs`, 0o755);

await build({
  absWorkingDir: root,
  entryPoints: {
    cli: 'src/cli/main.ts',
    miss: 'src/hot/miss.ts',
    demo: 'src/demo/main.ts',
    ...(existsSync(`${root}bench/main.ts`) ? { bench: 'bench/main.ts' } : {}),
    ...(existsSync(`${root}bench/sync-main.ts`) ? { 'bench-sync': 'bench/sync-main.ts' } : {}),
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // CommonJS dependencies call require(); give ESM chunks one.
  banner: { js: "import { createRequire as __awsidcCreateRequire } from 'node:module'; const require = __awsidcCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
