import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The awsidc package root, found by walking up from this module (works from src/ under tsx and from dist/). */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'awsidc') return dir;
      } catch {
        // keep walking
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find the awsidc package root above ${from}`);
    dir = up;
  }
}

/** The script every credential_process line runs: <package>/dist/awsidc.cjs. */
export function entryScriptPath(): string {
  return join(packageRoot(), 'dist', 'awsidc.cjs');
}
