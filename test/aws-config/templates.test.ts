import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { findTemplatesDir, loadDefaultNameTemplate, loadSectionTemplates, TEMPLATE_FILES } from '../../src/aws-config/templates.js';
import { AwsidcError } from '../../src/core/errors.js';
import { validateNameTemplate } from '../../src/core/template.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const templates = suite('templates folder');

templates('should find the package templates from the source tree', () => {
  assert.is(findTemplatesDir(), join(root, 'templates'));
  assert.is(findTemplatesDir(join(root, 'src', 'aws-config')), join(root, 'templates'));
  assert.is(findTemplatesDir(join(root, 'dist', 'chunks')), join(root, 'templates'));
});

templates('should ship the documented defaults', () => {
  const name = loadDefaultNameTemplate();
  assert.is(name, '{{accountName}}.{{roleName}}');
  validateNameTemplate(name);
  const t = loadSectionTemplates();
  assert.ok(t.profile.startsWith('[profile {{profileName}}]\n') && t.profile.includes('credential_process = {{credentialProcess}}'));
  assert.ok(t.profileNative.includes('sso_session = {{ssoSession}}') && !t.profileNative.includes('credential_process'));
  assert.ok(t.ssoSession.startsWith('[sso-session {{ssoSessionName}}]\n'));
});

templates('should fail clearly when the folder or a file is missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'awsidc-tpl-'));
  try {
    try {
      findTemplatesDir(dir);
      assert.unreachable();
    } catch (err) {
      assert.instance(err, AwsidcError);
      assert.is((err as AwsidcError).code, 'TEMPLATE_INVALID');
      assert.ok((err as AwsidcError).hint?.includes('reinstall'));
    }
    cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
    unlinkSync(join(dir, 'templates', TEMPLATE_FILES.profileNative));
    try {
      loadSectionTemplates(findTemplatesDir(dir));
      assert.unreachable();
    } catch (err) {
      assert.is((err as AwsidcError).code, 'TEMPLATE_INVALID');
      assert.ok((err as AwsidcError).message.includes(TEMPLATE_FILES.profileNative));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

templates('should find them from bundled dist/*.cjs and dist/chunks/*.mjs one or two levels below the package', async () => {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    console.log('  (skipping bundle check: esbuild is not installed)');
    return;
  }
  const pkg = mkdtempSync(join(tmpdir(), 'awsidc-pkg-'));
  try {
    cpSync(join(root, 'templates'), join(pkg, 'templates'), { recursive: true });
    mkdirSync(join(pkg, 'dist', 'chunks'), { recursive: true });
    const entry = join(root, 'test', 'aws-config', 'helpers', 'print-templates-dir.ts');
    await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: join(pkg, 'dist', 'awsidc.cjs'), logLevel: 'error' });
    await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(pkg, 'dist', 'chunks', 'cli.mjs'), logLevel: 'error' });
    for (const file of [join(pkg, 'dist', 'awsidc.cjs'), join(pkg, 'dist', 'chunks', 'cli.mjs')]) {
      const r = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: tmpdir() });
      assert.is(r.status, 0, r.stderr);
      assert.is(r.stdout.trim(), join(pkg, 'templates'), file);
    }
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
});

templates.run();
