// Virtual time and a scripted portal for the listing tests: no timers, no network.
import { AdaptiveRateLimiter, type RateLimiterOptions } from '../../src/sso/rate-limiter.js';
import { DEFAULT_RETRY_POLICY } from '../../src/sso/retry.js';
import type { Pace } from '../../src/sso/paced-call.js';
import type { Account, Page, PortalLister } from '../../src/sso/portal.js';

/** A Pace whose sleep just moves a virtual clock forward; `slept` adds up every wait. */
export function virtualPace(o: RateLimiterOptions = {}): Pace & { clock: { t: number }; slept: number[] } {
  const clock = { t: 0 };
  const slept: number[] = [];
  return {
    clock,
    slept,
    limiter: new AdaptiveRateLimiter(o, () => clock.t),
    now: () => clock.t,
    sleep: async (ms) => {
      slept.push(ms);
      clock.t += ms;
      await Promise.resolve();
    },
    random: () => 0.5,
    policy: DEFAULT_RETRY_POLICY,
    stats: { calls: 0, throttled: 0, transient: 0 },
  };
}

export function httpError(name: string, status: number, headers: Record<string, string> = {}): Error {
  const e = Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
  Object.defineProperty(e, '$response', { value: { statusCode: status, headers }, enumerable: false });
  return e;
}

export interface FakeOrg {
  accounts: Array<Account & { roles: string[] }>;
}

export function fakeOrg(n: number, rolesPer = 2): FakeOrg {
  return {
    accounts: Array.from({ length: n }, (_, i) => ({
      accountId: String(100000000000 + i),
      accountName: `Account ${i}`,
      roles: Array.from({ length: rolesPer }, (_, j) => `Role${j}`),
    })),
  };
}

/**
 * A scripted PortalLister: pages of `pageSize`, an optional `fault(op, key, n)` that may throw for the n-th call
 * on that key, and counters of calls and peak concurrency.
 */
export function fakeLister(org: FakeOrg, o: { pageSize?: number; fault?: (op: 'accounts' | 'roles', key: string, n: number) => void } = {}) {
  const size = o.pageSize ?? 3;
  const seen = new Map<string, number>();
  const stats = { calls: 0, inFlight: 0, peak: 0 };
  const enter = async (op: 'accounts' | 'roles', key: string) => {
    stats.calls++;
    stats.inFlight++;
    stats.peak = Math.max(stats.peak, stats.inFlight);
    try {
      await Promise.resolve();
      const n = (seen.get(`${op}:${key}`) ?? 0) + 1;
      seen.set(`${op}:${key}`, n);
      o.fault?.(op, key, n);
    } finally {
      stats.inFlight--;
    }
  };
  const slice = <T>(items: T[], token: string | undefined): Page<T> => {
    const from = token ? Number(token) : 0;
    const end = from + size;
    return end < items.length ? { items: items.slice(from, end), nextToken: String(end) } : { items: items.slice(from) };
  };
  const lister: PortalLister = {
    async listAccounts(_token, next) {
      await enter('accounts', next ?? '0');
      return slice(org.accounts.map(({ roles: _r, ...a }) => a), next);
    },
    async listAccountRoles(_token, accountId, next) {
      await enter('roles', `${accountId}@${next ?? '0'}`);
      return slice(org.accounts.find((a) => a.accountId === accountId)?.roles ?? [], next);
    },
  };
  return { lister, stats };
}
