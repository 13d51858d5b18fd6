import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BACKUP_SUFFIX, writeConfigFile } from '../../src/aws-config/write.js';
import { AwsidcError } from '../../src/core/errors.js';

const mode = (p: string) => statSync(p).mode & 0o777;
let home = '';

const write = suite('writeConfigFile');

write.before.each(() => {
  home = mkdtempSync(join(tmpdir(), 'awsidc-write-'));
});
write.after.each(() => {
  rmSync(home, { recursive: true, force: true });
});

write('should create ~/.aws with 0700 and a new config with 0600', () => {
  const path = join(home, '.aws', 'config');
  const r = writeConfigFile(path, '[default]\n', { backup: true });
  assert.equal(r, { written: true, target: path, backupPath: undefined });
  assert.is(readFileSync(path, 'utf8'), '[default]\n');
  assert.is(mode(join(home, '.aws')), 0o700);
  assert.is(mode(path), 0o600);
});

write('should keep the existing mode and leave one 0600 backup of the previous version', () => {
  const path = join(home, 'config');
  writeFileSync(path, 'v1\n');
  chmodSync(path, 0o644);
  writeConfigFile(path, 'v2\n', { backup: true });
  assert.is(mode(path), 0o644);
  assert.is(readFileSync(`${path}${BACKUP_SUFFIX}`, 'utf8'), 'v1\n');
  assert.is(mode(`${path}${BACKUP_SUFFIX}`), 0o600);
  writeConfigFile(path, 'v3\n', { backup: true });
  assert.is(readFileSync(`${path}${BACKUP_SUFFIX}`, 'utf8'), 'v2\n', 'one backup: the previous version');
  assert.equal(readdirSync(home).sort(), ['config', `config${BACKUP_SUFFIX}`], 'no temp files left');
});

write('should write through a symlink and keep the link', () => {
  mkdirSync(join(home, 'dotfiles'));
  mkdirSync(join(home, '.aws'));
  const real = join(home, 'dotfiles', 'aws-config');
  writeFileSync(real, 'old\n');
  chmodSync(real, 0o640);
  const link = join(home, '.aws', 'config');
  symlinkSync('../dotfiles/aws-config', link);
  const r = writeConfigFile(link, 'new\n', { backup: true });
  assert.is(r.target, real);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.is(readlinkSync(link), '../dotfiles/aws-config');
  assert.is(readFileSync(real, 'utf8'), 'new\n');
  assert.is(mode(real), 0o640);
  assert.is(r.backupPath, `${link}${BACKUP_SUFFIX}`);
  assert.is(readFileSync(`${link}${BACKUP_SUFFIX}`, 'utf8'), 'old\n');
  assert.equal(readdirSync(join(home, 'dotfiles')), ['aws-config'], 'nothing added to the dotfiles folder');
});

write('should create the target of a dangling symlink', () => {
  const link = join(home, 'config');
  symlinkSync(join(home, 'elsewhere', 'config'), link);
  writeConfigFile(link, 'x\n', { backup: true });
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.is(readFileSync(join(home, 'elsewhere', 'config'), 'utf8'), 'x\n');
});

write('should not touch a file that already has the content', async () => {
  const path = join(home, 'config');
  writeFileSync(path, 'same\n');
  const before = statSync(path);
  await new Promise((r) => setTimeout(r, 15));
  const r = writeConfigFile(path, 'same\n', { backup: true });
  assert.is(r.written, false);
  const after = statSync(path);
  assert.is(after.ino, before.ino);
  assert.is(after.mtimeMs, before.mtimeMs);
  assert.equal(readdirSync(home), ['config'], 'no backup either');
});

write('should refuse to write over a file that changed since it was read', () => {
  const path = join(home, 'config');
  writeFileSync(path, 'edited in an editor meanwhile\n');
  try {
    writeConfigFile(path, 'ours\n', { backup: true, expectedCurrent: 'what we read\n' });
    assert.unreachable();
  } catch (err) {
    assert.instance(err, AwsidcError);
    assert.is((err as AwsidcError).code, 'CONFIG_WRITE_FAILED');
  }
  assert.is(readFileSync(path, 'utf8'), 'edited in an editor meanwhile\n');
  writeConfigFile(join(home, 'fresh'), 'ok\n', { backup: true, expectedCurrent: '' });
  assert.is(readFileSync(join(home, 'fresh'), 'utf8'), 'ok\n');
});

write('should fail with CONFIG_WRITE_FAILED and leave the file alone when the folder is read-only', () => {
  if (process.getuid?.() === 0) return; // root ignores permissions
  const dir = join(home, 'ro');
  mkdirSync(dir);
  writeFileSync(join(dir, 'config'), 'keep\n');
  chmodSync(dir, 0o500);
  try {
    writeConfigFile(join(dir, 'config'), 'new\n', { backup: false });
    assert.unreachable();
  } catch (err) {
    assert.is((err as AwsidcError).code, 'CONFIG_WRITE_FAILED');
  } finally {
    chmodSync(dir, 0o700);
  }
  assert.is(readFileSync(join(dir, 'config'), 'utf8'), 'keep\n');
});

write('should fail with CONFIG_WRITE_FAILED when the parent is a file', () => {
  writeFileSync(join(home, 'file'), '');
  try {
    writeConfigFile(join(home, 'file', 'config'), 'x\n', { backup: true });
    assert.unreachable();
  } catch (err) {
    assert.is((err as AwsidcError).code, 'CONFIG_WRITE_FAILED');
  }
});

write.run();
