import { pacedCall, StoppedError, type Pace } from './paced-call.js';
import type { Account, PortalLister } from './portal.js';

// Lists every account and its roles. Account pages are read one after another (each needs the previous
// nextToken) while a bounded pool of workers lists roles for the accounts already seen; every call goes
// through one shared Pace (rate limiter + retries). An account whose roles cannot be listed is reported, not
// fatal: the caller keeps its old profiles. Only an invalid session (401) stops the whole run.

export interface OrgListing {
  accounts: Array<Account & { roles: string[] }>;
  /** Accounts whose roles could not be listed; the caller keeps their old profiles. */
  failed: Array<{ accountId: string; error: unknown }>;
  /** Set when ListAccounts failed after its first page: accounts beyond that point are unknown. */
  incomplete?: unknown;
}

/** Progress of a listing: `total` is the number of accounts seen so far, final once `totalKnown`. */
export interface ListProgress {
  done: number;
  total: number;
  totalKnown: boolean;
}

export interface ListOrgOptions {
  pace: Pace;
  /** Role listings in flight at once (default 8). */
  concurrency?: number;
  /** After this many accounts fail in a row, the rest are reported as failed without calling (default 25). */
  maxConsecutiveFailures?: number;
  onProgress?: (p: ListProgress) => void;
}

/** Thrown for the accounts not tried after too many failures in a row. */
export class GaveUpError extends Error {
  constructor(readonly after: unknown) {
    super('not tried: too many accounts failed in a row');
    this.name = 'GaveUpError';
  }
}

function isSessionError(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  return e?.name === 'UnauthorizedException' || e?.$metadata?.httpStatusCode === 401;
}

/** Every account and role the token can see; bounded by the listing itself (each loop ends with its input). */
export async function listOrg(lister: PortalLister, accessToken: string, o: ListOrgOptions): Promise<OrgListing> {
  const out: OrgListing = { accounts: [], failed: [] };
  const queue: Account[] = [];
  const seen = new Set<string>();
  let total = 0;
  let done = 0;
  let listingDone = false;
  let fatal: { error: unknown } | undefined;
  let gaveUp: unknown;
  let failuresInARow = 0;
  const maxFailuresInARow = o.maxConsecutiveFailures ?? 25;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const pace: Pace = { ...o.pace, stopped: () => fatal !== undefined || Boolean(o.pace.stopped?.()) };
  const progress = (): void => o.onProgress?.({ done, total, totalKnown: listingDone });

  const pages = async (): Promise<void> => {
    let nextToken: string | undefined;
    let first = true;
    try {
      do {
        const token = nextToken;
        const page = await pacedCall(pace, () => lister.listAccounts(accessToken, token));
        for (const a of page.items) {
          if (seen.has(a.accountId)) continue;
          seen.add(a.accountId);
          queue.push(a);
          total++;
        }
        first = false;
        nextToken = page.nextToken || undefined;
        progress();
        notify();
      } while (nextToken && !fatal);
    } catch (error) {
      if (error instanceof StoppedError) return;
      if (first || isSessionError(error)) fatal ??= { error };
      else out.incomplete = error;
    } finally {
      listingDone = true;
      progress();
      notify();
    }
  };

  const rolesOf = async (accountId: string): Promise<string[]> => {
    const roles: string[] = [];
    let nextToken: string | undefined;
    do {
      const token = nextToken;
      const page = await pacedCall(pace, () => lister.listAccountRoles(accessToken, accountId, token));
      roles.push(...page.items);
      nextToken = page.nextToken || undefined;
    } while (nextToken);
    return roles;
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      if (fatal) return;
      const a = queue.shift();
      if (!a) {
        if (listingDone) return;
        await new Promise<void>((resolve) => {
          const previous = wake;
          wake = () => {
            previous?.();
            resolve();
          };
        });
        continue;
      }
      if (gaveUp !== undefined) {
        out.failed.push({ accountId: a.accountId, error: new GaveUpError(gaveUp) });
      } else {
        try {
          out.accounts.push({ ...a, roles: await rolesOf(a.accountId) });
          failuresInARow = 0;
        } catch (error) {
          if (error instanceof StoppedError) return;
          if (isSessionError(error)) {
            fatal ??= { error };
            notify();
            return;
          }
          out.failed.push({ accountId: a.accountId, error });
          if (++failuresInARow >= maxFailuresInARow) gaveUp = error;
        }
      }
      done++;
      progress();
    }
  };

  const concurrency = Math.max(1, Math.floor(o.concurrency ?? 8));
  await Promise.all([pages(), ...Array.from({ length: concurrency }, worker)]);
  if (fatal) throw fatal.error;
  out.accounts.sort((x, y) => (x.accountId < y.accountId ? -1 : x.accountId > y.accountId ? 1 : 0));
  out.failed.sort((x, y) => (x.accountId < y.accountId ? -1 : x.accountId > y.accountId ? 1 : 0));
  return out;
}
