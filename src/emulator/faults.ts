import type { Context } from './context.js';
import { portalError } from './errors.js';
import type { Incoming, Reply } from './http.js';
import type { Operation } from './counters.js';

// Fault injection for the listing calls, so tests can prove a sync survives a flaky portal:
//   failRolesFor: ListAccountRoles for these account ids always answers 500 InternalServerException;
//   errorEvery N: every Nth ListAccounts/ListAccountRoles request answers 500 (a transient fault);
//   resetEvery N: every Nth such request has its connection dropped with no answer (ECONNRESET on the client).
// Faults apply after throttling: a throttled request is not counted here.

/** The listing operations faults apply to. */
const LISTING: ReadonlySet<Operation> = new Set(['ListAccounts', 'ListAccountRoles']);

/** What the server should do instead of the normal answer. */
export type Fault = { kind: 'reply'; reply: Reply } | { kind: 'reset' };

/** Counts listing requests and decides which ones fail. */
export class Faults {
  private seen = 0;

  /** The fault for this request, if any. */
  pick(ctx: Context, op: Operation, inc: Incoming): Fault | undefined {
    if (!LISTING.has(op)) return undefined;
    const s = ctx.settings;
    if (op === 'ListAccountRoles' && s.failRolesFor.size > 0) {
      const accountId = inc.url.searchParams.get('account_id');
      if (accountId !== null && s.failRolesFor.has(accountId)) {
        return { kind: 'reply', reply: portalError('InternalServerException', 'Internal error (injected by the emulator)') };
      }
    }
    if (s.errorEvery === undefined && s.resetEvery === undefined) return undefined;
    const n = ++this.seen;
    if (s.resetEvery !== undefined && s.resetEvery > 0 && n % s.resetEvery === 0) return { kind: 'reset' };
    if (s.errorEvery !== undefined && s.errorEvery > 0 && n % s.errorEvery === 0) {
      return { kind: 'reply', reply: portalError('InternalServerException', 'Internal error (injected by the emulator)') };
    }
    return undefined;
  }
}
