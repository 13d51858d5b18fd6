import { json, jsonBody, type Incoming, type Reply } from './http.js';

export const ADMIN_PREFIX = '/__emulator/';

// The settings a test may change at runtime.
export interface OptionsPatch {
  throttleRps?: number | undefined;
  latencyMs?: number | undefined;
  approveAfter?: number | undefined;
  autoApprove?: boolean | undefined;
  retryAfterSeconds?: number | undefined;
  failRolesFor?: string[] | undefined;
  errorEvery?: number | undefined;
  resetEvery?: number | undefined;
}

// The control surface shared by the in-process API and the HTTP admin routes.
export interface Controls {
  counters(): Record<string, number>;
  resetCounters(): void;
  approveAll(): void;
  expireAccessTokens(): void;
  revokeRefreshTokens(): void;
  setOptions(patch: OptionsPatch): void;
}

const NUMBER_KEYS = ['throttleRps', 'latencyMs', 'approveAfter', 'retryAfterSeconds', 'errorEvery', 'resetEvery'] as const;

// Validates an options patch from JSON; null clears a numeric option. Returns an error message or the patch.
export function parseOptionsPatch(body: Record<string, unknown>): OptionsPatch | string {
  const patch: OptionsPatch = {};
  for (const [k, v] of Object.entries(body)) {
    if ((NUMBER_KEYS as readonly string[]).includes(k)) {
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) return `${k} must be a non-negative number or null`;
      patch[k as (typeof NUMBER_KEYS)[number]] = v === null ? undefined : v;
    } else if (k === 'failRolesFor') {
      if (v !== null && (!Array.isArray(v) || v.some((id) => typeof id !== 'string'))) return 'failRolesFor must be an array of account ids or null';
      patch.failRolesFor = v === null ? undefined : (v as string[]);
    } else if (k === 'autoApprove') {
      if (typeof v !== 'boolean') return 'autoApprove must be a boolean';
      patch.autoApprove = v;
    } else {
      return `unknown option ${JSON.stringify(k)} (allowed: ${[...NUMBER_KEYS, 'autoApprove', 'failRolesFor'].join(', ')})`;
    }
  }
  return patch;
}

// /__emulator/*: GET counters, POST reset-counters | approve-all | expire-access-tokens | revoke-refresh-tokens | options.
export function admin(c: Controls, inc: Incoming): Reply {
  const name = inc.rawPath.slice(ADMIN_PREFIX.length);
  const ok = (): Reply => json(200, { ok: true });
  if (inc.method === 'GET' && name === 'counters') return json(200, c.counters());
  if (inc.method !== 'POST') return json(404, { message: `unknown admin route ${inc.method} ${inc.rawPath}` });
  switch (name) {
    case 'reset-counters':
      c.resetCounters();
      return ok();
    case 'approve-all':
      c.approveAll();
      return ok();
    case 'expire-access-tokens':
      c.expireAccessTokens();
      return ok();
    case 'revoke-refresh-tokens':
      c.revokeRefreshTokens();
      return ok();
    case 'options': {
      const body = jsonBody(inc);
      if (!body) return json(400, { message: 'body must be a JSON object' });
      const patch = parseOptionsPatch(body);
      if (typeof patch === 'string') return json(400, { message: patch });
      c.setOptions(patch);
      return ok();
    }
    default:
      return json(404, { message: `unknown admin route ${inc.method} ${inc.rawPath}` });
  }
}
