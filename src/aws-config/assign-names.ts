import { isReservedProfileName, withSuffix } from '../core/profile-name.js';
import type { Collision, CollisionKind } from './types.js';

/*
 * The collision rule. W is the name a profile wants (its rendered, sanitised name).
 * 1. Some names can never be used: profiles written by hand outside every awsidc block (`[profile X]`, and
 *    `[default]` for "default"), the reserved names (default, __proto__, constructor, prototype), names the
 *    caller reserves (e.g. sections of ~/.aws/credentials), and profiles in other integrations' blocks.
 * 2. Profiles kept unchanged from the old block (keepAccounts, or prune=false) claim their old names first.
 * 3. A listed profile that was already in the old block keeps its previous name when that name is still free
 *    and is one of its candidates (below): an existing `--profile X` never silently moves to another role.
 * 4. The rest, sorted by accountId then roleName, take the first free candidate:
 *    W, W.<accountId>, W.<integration>, W-2, W-3, ... (each shortened to fit 128 characters, hash kept).
 * 5. Every profile whose name is not W is reported as { wanted: W, given, reason }.
 */

/** Who already holds a name before our profiles are placed. */
export interface NameHolder {
  kind: 'hand-written' | 'other-integration' | 'reserved';
  /** For messages: `"[profile X]" on line 12`, `integration "beta"`. */
  detail: string;
}

/** One profile asking for a name. */
export interface NameClaim {
  /** `${accountId}/${roleName}`: unique per claim. */
  key: string;
  accountId: string;
  roleName: string;
  wanted: string;
  /** Its name in the old block, if it was there. */
  previous?: string;
  /** Kept unchanged from the old block: claims `wanted` (= its old name) before everyone else. */
  kept?: boolean;
}

/** Names given to claims, and every claim that did not get what it wanted. */
export interface NameAssignment {
  names: Map<string, string>;
  collisions: Collision[];
}

/** W, W.<accountId>, W.<integration>, then W-2, W-3, ... */
export function* candidateNames(wanted: string, accountId: string, integration: string): Generator<string> {
  yield wanted;
  yield withSuffix(wanted, `.${accountId}`);
  yield withSuffix(wanted, `.${integration}`);
  for (let n = 2; ; n++) yield withSuffix(wanted, `-${n}`);
}

function compareClaims(a: NameClaim, b: NameClaim): number {
  if (a.accountId !== b.accountId) return a.accountId < b.accountId ? -1 : 1;
  if (a.roleName !== b.roleName) return a.roleName < b.roleName ? -1 : 1;
  return 0;
}

function isCandidate(name: string, c: NameClaim, integration: string): boolean {
  if (name === c.wanted || name === withSuffix(c.wanted, `.${c.accountId}`) || name === withSuffix(c.wanted, `.${integration}`)) return true;
  const m = /-(\d{1,6})$/.exec(name);
  return m !== null && Number(m[1]) >= 2 && name === withSuffix(c.wanted, `-${Number(m[1])}`);
}

/** Applies the collision rule above. Pure and deterministic for a given input. */
export function assignNames(integration: string, claims: readonly NameClaim[], taken: ReadonlyMap<string, NameHolder>): NameAssignment {
  const holder = new Map<string, NameHolder | NameClaim>(taken);
  const names = new Map<string, string>();
  const isFree = (n: string): boolean => !holder.has(n) && !isReservedProfileName(n);
  const place = (c: NameClaim): void => {
    for (const cand of candidateNames(c.wanted, c.accountId, integration)) {
      if (isFree(cand)) {
        holder.set(cand, c);
        names.set(c.key, cand);
        return;
      }
    }
  };
  const sorted = [...claims].sort(compareClaims);
  for (const c of sorted) if (c.kept) place(c);
  for (const c of sorted) {
    if (c.kept || c.previous === undefined || names.has(c.key)) continue;
    if (isFree(c.previous) && isCandidate(c.previous, c, integration)) {
      holder.set(c.previous, c);
      names.set(c.key, c.previous);
    }
  }
  for (const c of sorted) if (!names.has(c.key)) place(c);

  const collisions: Collision[] = [];
  for (const c of sorted) {
    const given = names.get(c.key) as string;
    if (given === c.wanted) continue;
    const h = holder.get(c.wanted);
    let kind: CollisionKind;
    let reason: string;
    if (h === undefined) {
      if (isReservedProfileName(c.wanted)) {
        kind = 'reserved';
        reason = `"${c.wanted}" is reserved`;
      } else {
        kind = 'previous-name';
        reason = `kept the name it had before, so --profile ${given} still means the same role`;
      }
    } else if ('key' in h) {
      kind = 'same-integration';
      reason = `account ${h.accountId} role ${h.roleName} of this integration ${h.kept ? 'is kept from the last sync under that name' : h.previous === c.wanted ? 'already had that name' : 'comes first (sorted by account id, role name)'}`;
    } else {
      kind = h.kind;
      reason =
        h.kind === 'hand-written'
          ? `${h.detail} is written by hand outside awsidc blocks; awsidc never shadows it`
          : h.kind === 'other-integration'
            ? `${h.detail} already has a profile with that name`
            : `"${c.wanted}" is reserved${h.detail ? ` (${h.detail})` : ''}`;
    }
    collisions.push({ wanted: c.wanted, given, reason, kind, accountId: c.accountId, roleName: c.roleName });
  }
  return { names, collisions };
}
