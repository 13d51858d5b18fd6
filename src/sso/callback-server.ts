import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsidcError } from '../core/errors.js';

/** The loopback listener of the authorization-code login: where the browser is sent back with `?code=…&state=…`. */
export interface CallbackServer {
  /** http://127.0.0.1:PORT/oauth/callback, the redirect_uri sent to /authorize and to CreateToken. */
  redirectUri: string;
  /** The authorization code; rejects with LOGIN_FAILED (`?error=`) or LOGIN_TIMEOUT. */
  result: Promise<{ code: string }>;
  close(): Promise<void>;
}

export const CALLBACK_PATH = '/oauth/callback';

// Static pages only: nothing from the query is echoed back, so a crafted link cannot inject markup.
const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · awsidc</title></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto"><h1>${title}</h1><p>${text}</p></body></html>`;
const SIGNED_IN = page('Signed in', 'awsidc has your sign-in. You can close this tab and return to your terminal.');
const FAILED = page('Sign-in failed', 'The sign-in was not completed. Return to your terminal for details.');
const FOREIGN = page('Unexpected request', 'This link does not belong to the sign-in awsidc is waiting for.');

function reply(res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8'): void {
  // Connection: close, so a browser's keep-alive socket does not hold the server open after the login.
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', connection: 'close' });
  res.end(body);
}

/**
 * Listens on 127.0.0.1 (ephemeral port) until the browser comes back with our `state`, or `timeoutMs` passes.
 * Only /oauth/callback counts (browsers also ask for /favicon.ico); a request with another state is not ours and
 * is ignored, so a stray or forged request cannot end the login.
 */
export async function startCallbackServer(o: { state: string; timeoutMs: number }): Promise<CallbackServer> {
  let settle: { ok: (v: { code: string }) => void; fail: (e: Error) => void } | undefined;
  const result = new Promise<{ code: string }>((ok, fail) => (settle = { ok, fail }));
  result.catch(() => undefined); // the caller may stop listening (browser failed to open); never an unhandled rejection
  let done = false;
  const finish = (outcome: { code: string } | Error) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    if (outcome instanceof Error) settle!.fail(outcome);
    else settle!.ok(outcome);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) return reply(res, 404, 'not found', 'text/plain');
    const q = url.searchParams;
    if (q.get('state') !== o.state) return reply(res, 400, FOREIGN);
    const error = q.get('error');
    if (error) {
      reply(res, 200, FAILED);
      return finish(
        error === 'access_denied'
          ? new AwsidcError('LOGIN_FAILED', 'the sign-in request was denied in the browser', { hint: 'run the login again and choose Allow' })
          : new AwsidcError('LOGIN_FAILED', `the browser sign-in failed (${error.replace(/[^\w.-]/g, '').slice(0, 64)})`, { hint: 'run the login again' }),
      );
    }
    const code = q.get('code');
    if (!code) return reply(res, 400, FAILED);
    reply(res, 200, SIGNED_IN);
    finish({ code });
  });
  const timer = setTimeout(
    () => finish(new AwsidcError('LOGIN_TIMEOUT', 'the browser sign-in was not completed in time', { hint: 'run the login again and approve it in the browser' })),
    o.timeoutMs,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((err) => {
    clearTimeout(timer);
    throw new AwsidcError('LOGIN_FAILED', `cannot listen on 127.0.0.1 for the browser sign-in: ${(err as Error).message}`, {
      hint: 'use `--use-device-code`',
      cause: err,
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    result,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
