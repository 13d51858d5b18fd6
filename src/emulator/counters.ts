// Every operation the emulator counts; tests assert on these names.
export const OPERATIONS = [
  'RegisterClient',
  'StartDeviceAuthorization',
  'CreateToken',
  'Authorize',
  'ListAccounts',
  'ListAccountRoles',
  'GetRoleCredentials',
  'Logout',
  'GetCallerIdentity',
  'GetSigninToken',
  'Login',
] as const;
export type Operation = (typeof OPERATIONS)[number];

// Per-operation request counts; "throttled:<Op>", "error:<Op>", "fault:<Op>" and "reset:<Op>" keys appear once
// they are non-zero. <Op> alone counts requests that were served (answered by the operation, errors included).
export class Counters {
  private counts = new Map<string, number>();

  private bump(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  served(op: Operation): void {
    this.bump(op);
  }

  throttled(op: Operation): void {
    this.bump(`throttled:${op}`);
  }

  failed(op: Operation): void {
    this.bump(`error:${op}`);
  }

  /** An injected fault: `fault:<Op>` for a 500, `reset:<Op>` for a dropped connection. */
  faulted(op: Operation, kind: 'reply' | 'reset'): void {
    this.bump(kind === 'reset' ? `reset:${op}` : `fault:${op}`);
  }

  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const op of OPERATIONS) out[op] = 0;
    for (const [k, v] of this.counts) out[k] = v;
    return out;
  }

  reset(): void {
    this.counts.clear();
  }
}
