import { release } from 'node:os';

/** The facts about this machine that decide how to sign in; `currentHost()` reads them, tests pass their own. */
export interface Host {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** os.release(): WSL kernels say "microsoft". */
  osRelease: string;
}

export function currentHost(): Host {
  return { env: process.env, platform: process.platform, osRelease: release() };
}

export function isWsl(h: Host): boolean {
  return h.platform === 'linux' && Boolean(h.env.WSL_DISTRO_NAME || h.env.WSL_INTEROP || /microsoft/i.test(h.osRelease));
}

/**
 * Whether a browser on this machine can reach our 127.0.0.1 callback. AWSIDC_BROWSER is an explicit opener and always
 * counts (tests, URL forwarders); otherwise an SSH session has no local browser, nor does a Unix desktop-less session
 * (no DISPLAY/WAYLAND_DISPLAY) unless it is WSL, which opens the Windows browser.
 */
export function localBrowser(h: Host): { available: true } | { available: false; why: string } {
  if (h.env.AWSIDC_BROWSER) return { available: true };
  if (h.env.SSH_CONNECTION || h.env.SSH_TTY) return { available: false, why: 'this is an SSH session' };
  const desktopless = h.platform !== 'darwin' && h.platform !== 'win32' && !h.env.DISPLAY && !h.env.WAYLAND_DISPLAY && !isWsl(h);
  if (desktopless) return { available: false, why: 'there is no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  return { available: true };
}

export interface FlowChoice {
  flow: 'pkce' | 'device';
  /** Try to open a browser (device flow: at the complete URL; PKCE: always). */
  openBrowser: boolean;
  /** PKCE only: when the browser cannot be opened, sign in with a device code instead of failing. */
  fallbackToDevice: boolean;
  /** For --verbose and the note printed when we did not pick the browser flow. */
  why: string;
}

/**
 * Picks the login flow. Authorization code + PKCE is the default (as AWS CLI v2 since 2.22). The device code is used
 * with --use-device-code, where no local browser can be opened, and with --no-browser: the PKCE redirect only reaches
 * a browser on this machine, so a URL to open elsewhere must be the device one (the AWS CLI falls back the same way).
 */
export function chooseFlow(h: Host, o: { useDeviceCode?: boolean; browser?: boolean }): FlowChoice {
  if (o.browser === false) return { flow: 'device', openBrowser: false, fallbackToDevice: false, why: '--no-browser' };
  const local = localBrowser(h);
  if (o.useDeviceCode) return { flow: 'device', openBrowser: local.available, fallbackToDevice: false, why: '--use-device-code' };
  if (!local.available) return { flow: 'device', openBrowser: false, fallbackToDevice: false, why: local.why };
  return { flow: 'pkce', openBrowser: true, fallbackToDevice: true, why: 'a local browser is available' };
}
