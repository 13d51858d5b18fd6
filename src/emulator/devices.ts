import { opaque, userCode } from './ids.js';

export const DEVICE_CODE_TTL_SECONDS = 600;
// Polls may arrive up to 20% early (timer jitter) before they count as too fast.
const SLOW_DOWN_TOLERANCE = 0.8;
// botocore polls once before showing the code and again right after, so the first two polls are never "too fast".
const FREE_POLLS = 2;

export type DeviceState = 'pending' | 'approved' | 'denied' | 'redeemed';

export interface DeviceAuth {
  deviceCode: string;
  userCode: string;
  clientId: string;
  startUrl: string;
  expiresAtMs: number;
  intervalSeconds: number;
  state: DeviceState;
  polls: number;
  lastPollMs: number | undefined;
}

export type PollOutcome = 'issue' | 'pending' | 'slow_down' | 'expired' | 'denied' | 'invalid';

// Device authorizations by device code, with a user-code index for the verification page.
export class DeviceStore {
  private byDevice = new Map<string, DeviceAuth>();
  private byUser = new Map<string, DeviceAuth>();

  start(clientId: string, startUrl: string, nowMs: number, intervalSeconds: number): DeviceAuth {
    let code = userCode();
    // Bounded retry on the (tiny) chance of a user-code collision.
    for (let i = 0; i < 20 && this.byUser.has(code); i++) code = userCode();
    const auth: DeviceAuth = {
      deviceCode: opaque('', 64),
      userCode: code,
      clientId,
      startUrl,
      expiresAtMs: nowMs + DEVICE_CODE_TTL_SECONDS * 1000,
      intervalSeconds,
      state: 'pending',
      polls: 0,
      lastPollMs: undefined,
    };
    this.byDevice.set(auth.deviceCode, auth);
    this.byUser.set(auth.userCode, auth);
    return auth;
  }

  // Accepts "abcd-efgh", "ABCDEFGH" or " abcd efgh " as typed by a human.
  findByUserCode(input: string): DeviceAuth | undefined {
    const s = input.toUpperCase().replace(/[^A-Z]/g, '');
    return s.length === 8 ? this.byUser.get(`${s.slice(0, 4)}-${s.slice(4)}`) : undefined;
  }

  // Human decision from the verification page; only a pending, unexpired request can change.
  decide(auth: DeviceAuth, approve: boolean, nowMs: number): boolean {
    if (auth.state !== 'pending' || nowMs >= auth.expiresAtMs) return false;
    auth.state = approve ? 'approved' : 'denied';
    return true;
  }

  approveAll(nowMs: number): void {
    for (const a of this.byDevice.values()) this.decide(a, true, nowMs);
  }

  // One CreateToken poll. approveAfter: auto-approve once this many polls have already been answered pending.
  poll(deviceCode: string, clientId: string, nowMs: number, approveAfter: number | undefined): PollOutcome {
    const auth = this.byDevice.get(deviceCode);
    if (!auth || auth.clientId !== clientId || auth.state === 'redeemed') return 'invalid';
    if (nowMs >= auth.expiresAtMs) return 'expired';
    const last = auth.lastPollMs;
    auth.lastPollMs = nowMs;
    auth.polls += 1;
    if (auth.state === 'denied') return 'denied';
    if (auth.state === 'pending' && approveAfter !== undefined && auth.polls > approveAfter) auth.state = 'approved';
    if (auth.state === 'approved') {
      auth.state = 'redeemed';
      return 'issue';
    }
    const tooFast = last !== undefined && nowMs - last < auth.intervalSeconds * 1000 * SLOW_DOWN_TOLERANCE;
    if (tooFast && auth.polls > FREE_POLLS) {
      // A too-fast poll does not count toward approveAfter.
      auth.polls -= 1;
      return 'slow_down';
    }
    return 'pending';
  }
}
