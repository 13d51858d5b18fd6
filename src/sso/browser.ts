import { spawn, type ChildProcess } from 'node:child_process';
import { delimiter } from 'node:path';

/** How long a launcher may take to fail before we call the browser open (xdg-open with no browser fails at once). */
export const LAUNCH_SETTLE_MS = 1000;

/**
 * Opens a URL in the user's browser. AWSIDC_BROWSER (or BROWSER, first of its `:`-separated entries) names a program
 * run with the URL as its last argument — also how tests script a browser; otherwise the `open` package picks the
 * platform's way. False when the launcher could not start or exited non-zero at once.
 */
export async function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env, settleMs = LAUNCH_SETTLE_MS): Promise<boolean> {
  const custom = env.AWSIDC_BROWSER || env.BROWSER?.split(delimiter)[0];
  if (custom) {
    const [cmd, ...args] = custom.split(/\s+/).filter(Boolean);
    if (!cmd) return false;
    // Detached with stdio ignored: a credential_process child must not hand its stdout pipe to the browser,
    // or the calling tool would wait for the browser to exit.
    const child = spawn(cmd, [...args, url], { stdio: 'ignore', detached: true });
    child.unref();
    return settled(child, settleMs);
  }
  try {
    const { default: open } = await import('open');
    return settled(await open(url, { wait: false }), settleMs);
  } catch {
    return false;
  }
}

function settled(child: ChildProcess, settleMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode === 0);
    const timer = setTimeout(() => resolve(true), settleMs);
    child.once('error', () => (clearTimeout(timer), resolve(false)));
    child.once('exit', (code) => (clearTimeout(timer), resolve(code === 0)));
  });
}
