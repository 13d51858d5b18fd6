// Child process for test/store/atomic-read.test.ts: rewrites one file with writeRoleCache (or, given `plain`, with
// a bare writeFileSync, as a control) as fast as it can until killed. Each version is a large, distinct document.
import { writeFileSync } from 'node:fs';
import { writeRoleCache } from '../../src/store/role-cache.js';

const [file, mode] = process.argv.slice(2) as [string, string | undefined];
const write = mode === 'plain' ? (p: string, d: string) => writeFileSync(p, d) : writeRoleCache;
for (let v = 0; ; v++) {
  const doc = JSON.stringify({ Version: 1, AccessKeyId: `ASIA${v}`, SecretAccessKey: 'x', SessionToken: String(v % 10).repeat(65_536 + (v % 7) * 4096), Expiration: '2099-01-01T00:00:00Z' });
  write(file, doc);
  if (v === 0) process.stdout.write('ready\n');
}
