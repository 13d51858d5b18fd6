import { spawn } from 'node:child_process';

/**
 * Opens a URL in the user's browser. AWSIDC_BROWSER (or BROWSER) names a program to run with the URL as its
 * only argument, which is also how tests script a browser; otherwise the `open` package picks the platform's way.
 */
export async function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const custom = env.AWSIDC_BROWSER || env.BROWSER;
  if (custom) {
    const [cmd, ...args] = custom.split(' ').filter(Boolean);
    if (!cmd) return false;
    return new Promise((resolve) => {
      const child = spawn(cmd, [...args, url], { stdio: 'ignore', detached: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    });
  }
  try {
    const { default: open } = await import('open');
    const child = await open(url, { wait: false });
    return await new Promise((resolve) => {
      child.once('error', () => resolve(false));
      child.once('spawn', () => resolve(true));
      setTimeout(() => resolve(true), 500).unref();
    });
  } catch {
    return false;
  }
}
