// The SDKs' own parsers, so tests check what the AWS tools will actually read.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { externalDataInterceptor, loadSharedConfigFiles } from '@smithy/core/config';

type Sections = Record<string, Record<string, string>>;

let counter = 0;

/**
 * Parses text with the JS SDK: `config` is what getConfigData keeps (profiles by bare name, "sso-session.x",
 * "services.x"), `raw` is parseIni's every section.
 */
export async function parseWithJsSdk(text: string): Promise<{ config: Sections; raw: Sections }> {
  const base = `/awsidc-test-${process.pid}-${counter++}`;
  externalDataInterceptor.interceptFile(`${base}/config`, text);
  externalDataInterceptor.interceptFile(`${base}/raw`, text);
  const r = await loadSharedConfigFiles({ configFilepath: `${base}/config`, filepath: `${base}/raw`, ignoreCache: true });
  return { config: r.configFile as Sections, raw: r.credentialsFile as Sections };
}

let available: boolean | undefined;
let warned = false;

/** True when python3 with botocore is installed; prints a skip note once otherwise. */
export function botocoreAvailable(): boolean {
  if (available === undefined) {
    const r = spawnSync('python3', ['-c', 'import botocore.configloader'], { encoding: 'utf8' });
    available = r.status === 0;
  }
  if (!available && !warned) {
    warned = true;
    console.log('  (skipping botocore checks: python3 with botocore is not installed)');
  }
  return available;
}

const PY = `
import json, sys
import botocore.configloader as c
out = []
for path in json.load(sys.stdin):
    try:
        out.append({"ok": c.raw_config_parse(path)})
    except Exception as e:
        out.append({"error": type(e).__name__ + ": " + str(e)})
json.dump(out, sys.stdout)
`;

/** Parses each text with botocore.configloader.raw_config_parse (one python process for the batch). */
export function parseWithBotocore(texts: string[]): Array<{ ok?: Record<string, Record<string, unknown>>; error?: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'awsidc-boto-'));
  try {
    const paths = texts.map((t, i) => {
      const p = join(dir, `config-${i}`);
      writeFileSync(p, t, 'utf8');
      return p;
    });
    const r = spawnSync('python3', ['-c', PY], { input: JSON.stringify(paths), encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8', PYTHONUTF8: '1' } });
    if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Array<{ ok?: Record<string, Record<string, unknown>>; error?: string }>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
