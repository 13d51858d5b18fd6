import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { admin, ADMIN_PREFIX, type Controls } from './admin.js';
import { authorize, authorizeDecision } from './authorize.js';
import { ClientRegistry } from './clients.js';
import type { Context, Settings } from './context.js';
import { Counters, type Operation } from './counters.js';
import { deviceDecision, devicePage } from './device-page.js';
import { DeviceStore } from './devices.js';
import { oidcError, throttledReply } from './errors.js';
import { Faults } from './faults.js';
import { federation, federationOp, SigninTokenStore } from './federation.js';
import { BodyTooLargeError, json, readBody, type Incoming, type Reply } from './http.js';
import { requestId } from './ids.js';
import { KeyStore } from './keys.js';
import { createToken, registerClient, startDeviceAuthorization } from './oidc.js';
import { generateOrg, type Org } from './org.js';
import { PkceStore } from './pkce.js';
import { getRoleCredentials, listAccountRoles, listAccounts, logout } from './portal.js';
import { isStsRequest, sts } from './sts.js';
import { Throttle } from './throttle.js';
import { TokenStore } from './tokens.js';

export interface EmulatorOptions {
  port?: number;                 // default 0 (ephemeral)
  org?: Org;                     // default: generateOrg({ accounts: 5 })
  approveAfter?: number;         // device flow: auto-approve after N CreateToken polls (0 = first poll); undefined = wait for a human
  autoApprove?: boolean;         // PKCE: GET /authorize redirects straight to the callback with a code
  deviceInterval?: number;       // seconds, returned by StartDeviceAuthorization (default 1)
  accessTokenTtlSeconds?: number;  // default 28800
  roleCredentialTtlSeconds?: number; // default 3600
  refreshTokens?: boolean;       // issue refresh tokens when the client registered sso:account:access (default true)
  rotateRefreshTokens?: boolean; // each refresh returns a new refresh token and invalidates the old (default true)
  throttleRps?: number;          // OIDC + portal requests beyond R per second get 429 TooManyRequestsException
  retryAfterSeconds?: number;    // if set, throttled responses carry Retry-After
  latencyMs?: number;            // added to every response
  failRolesFor?: string[];       // ListAccountRoles for these account ids answers 500 InternalServerException
  errorEvery?: number;           // every Nth ListAccounts/ListAccountRoles request answers 500
  resetEvery?: number;           // every Nth ListAccounts/ListAccountRoles request has its connection dropped
  now?: () => number;            // clock injection (ms)
}

export type EmulatorOptionsPatch = Partial<Pick<EmulatorOptions, 'throttleRps' | 'latencyMs' | 'approveAfter' | 'autoApprove' | 'retryAfterSeconds' | 'failRolesFor' | 'errorEvery' | 'resetEvery'>>;

export interface Emulator {
  url: string;                   // http://127.0.0.1:PORT
  port: number;
  org: Org;                      // the org being served (handy when it was generated)
  counters(): Record<string, number>;
  resetCounters(): void;
  approveAll(): void;
  expireAccessTokens(): void;
  revokeRefreshTokens(): void;
  setOptions(patch: EmulatorOptionsPatch): void;
  close(): Promise<void>;
}

interface Route {
  op: Operation | undefined;
  throttled: boolean;
  handle: (ctx: Context, inc: Incoming) => Reply;
}

// Browser pages and STS/federation are never throttled: only the SDK-facing OIDC and portal APIs are.
function route(inc: Incoming): Route | undefined {
  const api = (op: Operation, handle: Route['handle']): Route => ({ op, throttled: true, handle });
  switch (`${inc.method} ${inc.rawPath}`) {
    case 'POST /client/register': return api('RegisterClient', registerClient);
    case 'POST /device_authorization': return api('StartDeviceAuthorization', startDeviceAuthorization);
    case 'POST /token': return api('CreateToken', createToken);
    case 'GET /assignment/accounts': return api('ListAccounts', listAccounts);
    case 'GET /assignment/roles': return api('ListAccountRoles', listAccountRoles);
    case 'GET /federation/credentials': return api('GetRoleCredentials', getRoleCredentials);
    case 'POST /logout': return api('Logout', logout);
    case 'GET /authorize': return { op: 'Authorize', throttled: false, handle: authorize };
    case 'POST /authorize': return { op: undefined, throttled: false, handle: authorizeDecision };
    case 'GET /device': return { op: undefined, throttled: false, handle: devicePage };
    case 'POST /device': return { op: undefined, throttled: false, handle: deviceDecision };
    case 'GET /federation':
    case 'POST /federation': return { op: federationOp(inc), throttled: false, handle: federation };
  }
  if ((inc.method === 'GET' || inc.method === 'POST') && isStsRequest(inc)) {
    return { op: 'GetCallerIdentity', throttled: false, handle: sts };
  }
  return undefined;
}

function notFound(inc: Incoming): Reply {
  return json(404, { message: `No route for ${inc.method} ${inc.rawPath}` }, { 'x-amzn-ErrorType': 'UnknownOperationException' });
}

function checkOptions(o: EmulatorOptions): void {
  const nonNegative = ['approveAfter', 'deviceInterval', 'accessTokenTtlSeconds', 'roleCredentialTtlSeconds', 'throttleRps', 'retryAfterSeconds', 'latencyMs', 'errorEvery', 'resetEvery'] as const;
  for (const k of nonNegative) {
    const v = o[k];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) throw new TypeError(`emulator option ${k} must be a non-negative number`);
  }
  if (o.failRolesFor !== undefined && (!Array.isArray(o.failRolesFor) || o.failRolesFor.some((id) => typeof id !== 'string'))) {
    throw new TypeError('emulator option failRolesFor must be an array of account ids');
  }
  if (o.port !== undefined && !(Number.isInteger(o.port) && o.port >= 0 && o.port <= 65535)) {
    throw new TypeError('emulator option port must be an integer from 0 to 65535');
  }
}

function toIncoming(req: IncomingMessage, body: Buffer, base: string): Incoming {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  return {
    method: req.method ?? 'GET',
    url: new URL(raw, base),
    rawPath: q < 0 ? raw : raw.slice(0, q),
    rawQuery: q < 0 ? '' : raw.slice(q + 1),
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    body,
  };
}

// Starts the emulator on 127.0.0.1 (never all interfaces: it hands out credentials to anyone who asks).
export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  checkOptions(opts);
  const now = opts.now ?? Date.now;
  const settings: Settings = {
    approveAfter: opts.approveAfter,
    autoApprove: opts.autoApprove ?? false,
    deviceInterval: opts.deviceInterval ?? 1,
    accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 28800,
    roleCredentialTtlSeconds: opts.roleCredentialTtlSeconds ?? 3600,
    refreshTokens: opts.refreshTokens ?? true,
    rotateRefreshTokens: opts.rotateRefreshTokens ?? true,
    throttleRps: opts.throttleRps,
    retryAfterSeconds: opts.retryAfterSeconds,
    latencyMs: opts.latencyMs ?? 0,
    failRolesFor: new Set(opts.failRolesFor ?? []),
    errorEvery: opts.errorEvery,
    resetEvery: opts.resetEvery,
  };
  const ctx: Context = {
    url: '',
    org: opts.org ?? generateOrg({ accounts: 5 }),
    settings,
    now,
    clients: new ClientRegistry(),
    devices: new DeviceStore(),
    pkce: new PkceStore(),
    tokens: new TokenStore(),
    keys: new KeyStore(),
    signin: new SigninTokenStore(),
    counters: new Counters(),
    throttle: new Throttle(now, settings.throttleRps),
    faults: new Faults(),
  };

  const controls: Controls = {
    counters: () => ctx.counters.snapshot(),
    resetCounters: () => ctx.counters.reset(),
    approveAll: () => ctx.devices.approveAll(now()),
    expireAccessTokens: () => ctx.tokens.expireAccessTokens(now()),
    revokeRefreshTokens: () => ctx.tokens.revokeRefreshTokens(),
    setOptions: (patch: EmulatorOptionsPatch) => {
      checkOptions(patch);
      if ('throttleRps' in patch) {
        settings.throttleRps = patch.throttleRps;
        ctx.throttle.setRate(patch.throttleRps);
      }
      if ('latencyMs' in patch) settings.latencyMs = patch.latencyMs ?? 0;
      if ('approveAfter' in patch) settings.approveAfter = patch.approveAfter;
      if ('autoApprove' in patch) settings.autoApprove = patch.autoApprove ?? false;
      if ('retryAfterSeconds' in patch) settings.retryAfterSeconds = patch.retryAfterSeconds;
      if ('failRolesFor' in patch) settings.failRolesFor = new Set(patch.failRolesFor ?? []);
      if ('errorEvery' in patch) settings.errorEvery = patch.errorEvery;
      if ('resetEvery' in patch) settings.resetEvery = patch.resetEvery;
    },
  };

  // A Reply, or 'reset' to drop the connection without answering (fault injection).
  function dispatch(inc: Incoming): Reply | 'reset' {
    if (inc.rawPath.startsWith(ADMIN_PREFIX)) return admin(controls, inc);
    const r = route(inc);
    if (!r) return notFound(inc);
    if (r.op && r.throttled && !ctx.throttle.take()) {
      ctx.counters.throttled(r.op);
      return throttledReply(settings.retryAfterSeconds);
    }
    const fault = r.op ? ctx.faults.pick(ctx, r.op, inc) : undefined;
    if (fault && r.op) {
      ctx.counters.faulted(r.op, fault.kind);
      return fault.kind === 'reset' ? 'reset' : fault.reply;
    }
    if (r.op) ctx.counters.served(r.op);
    const reply = r.handle(ctx, inc);
    if (r.op && reply.status >= 400) ctx.counters.failed(r.op);
    return reply;
  }

  // Pending latency timers, so close() does not wait for them.
  const delays = new Set<{ timer: NodeJS.Timeout; done: () => void }>();
  const delay = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const entry = { timer: setTimeout(() => entry.done(), ms), done: () => (delays.delete(entry), resolve()) };
      delays.add(entry);
    });

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let reply: Reply | 'reset';
    let isAdmin = false;
    try {
      const inc = toIncoming(req, await readBody(req), ctx.url || 'http://127.0.0.1');
      isAdmin = inc.rawPath.startsWith(ADMIN_PREFIX);
      reply = dispatch(inc);
    } catch (e) {
      reply =
        e instanceof BodyTooLargeError
          ? json(413, { message: 'Request body too large' })
          : oidcError('InternalServerException', 'Internal error in the emulator');
    }
    if (settings.latencyMs > 0 && !isAdmin) await delay(settings.latencyMs);
    if (res.destroyed || res.headersSent) return;
    if (reply === 'reset') {
      req.socket.destroy();
      return;
    }
    const body = reply.body ?? '';
    res.statusCode = reply.status;
    for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
    res.setHeader('x-amzn-RequestId', requestId());
    res.setHeader('content-length', Buffer.byteLength(body));
    res.end(body);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  ctx.url = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: ctx.url,
    port,
    org: ctx.org,
    ...controls,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const d of [...delays]) {
          clearTimeout(d.timer);
          d.done();
        }
      });
      return closing;
    },
  };
}
