// Runs the uvu suites (TypeScript through tsx) and ends with the plain "N passed, N failed" line CI reads.
// Usage: node scripts/test.mjs [pattern]   e.g. node scripts/test.mjs e2e
import { spawn } from 'node:child_process';

const filter = process.argv[2];
const pattern = filter ? `${filter}.*\\.test\\.ts$` : '\\.test\\.ts$';
const child = spawn(process.execPath, ['--import', 'tsx', 'node_modules/uvu/bin.js', 'test', pattern, '--color', String(Boolean(process.stdout.isTTY))], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
});
let tail = '';
child.stdout.on('data', (d) => {
  process.stdout.write(d);
  tail = (tail + d.toString()).slice(-4000);
});
child.on('close', (code) => {
  const plain = tail.replace(/\x1b\[[0-9;]*m/g, '');
  const num = (label) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(plain)?.[1] ?? NaN);
  const total = num('Total');
  const passed = num('Passed');
  const skipped = num('Skipped') || 0;
  if (Number.isFinite(total) && Number.isFinite(passed)) {
    console.log(`${passed} passed, ${total - passed - skipped} failed, ${skipped} skipped`);
  }
  process.exit(code ?? 1);
});
