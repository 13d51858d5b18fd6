import type { ClientRegistry } from './clients.js';
import type { Counters } from './counters.js';
import type { DeviceStore } from './devices.js';
import type { Faults } from './faults.js';
import type { KeyStore } from './keys.js';
import type { Org } from './org.js';
import type { PkceStore } from './pkce.js';
import type { SigninTokenStore } from './federation.js';
import type { Throttle } from './throttle.js';
import type { TokenStore } from './tokens.js';

// Options that may change while the emulator runs (setOptions / POST /__emulator/options).
export interface Settings {
  approveAfter: number | undefined;
  autoApprove: boolean;
  deviceInterval: number;
  accessTokenTtlSeconds: number;
  roleCredentialTtlSeconds: number;
  refreshTokens: boolean;
  rotateRefreshTokens: boolean;
  throttleRps: number | undefined;
  retryAfterSeconds: number | undefined;
  latencyMs: number;
  /** ListAccountRoles for these account ids answers 500 (faults.ts). */
  failRolesFor: Set<string>;
  /** Every Nth listing request answers 500. */
  errorEvery: number | undefined;
  /** Every Nth listing request loses its connection. */
  resetEvery: number | undefined;
}

// Everything a route handler may read or change; built once per emulator.
export interface Context {
  url: string;
  org: Org;
  settings: Settings;
  now: () => number;
  clients: ClientRegistry;
  devices: DeviceStore;
  pkce: PkceStore;
  tokens: TokenStore;
  keys: KeyStore;
  signin: SigninTokenStore;
  counters: Counters;
  throttle: Throttle;
  faults: Faults;
}
