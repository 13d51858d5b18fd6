import { timingSafeEqual } from 'node:crypto';
import { opaque } from './ids.js';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const GRANT_TYPES: readonly string[] = [DEVICE_GRANT, 'refresh_token', 'authorization_code'];

// One RegisterClient result, remembered so later calls can be checked against what was registered.
export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  clientName: string;
  scopes: string[];
  // undefined = the client sent none (the device flow in botocore does this)
  grantTypes: string[] | undefined;
  redirectUris: string[];
  issuerUrl: string | undefined;
  issuedAtMs: number;
  expiresAtMs: number;
}

const REGISTRATION_TTL_MS = 90 * 24 * 3600 * 1000;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// Registered OIDC clients by clientId.
export class ClientRegistry {
  private clients = new Map<string, RegisteredClient>();

  register(input: Omit<RegisteredClient, 'clientId' | 'clientSecret' | 'issuedAtMs' | 'expiresAtMs'>, nowMs: number): RegisteredClient {
    const client: RegisteredClient = {
      ...input,
      clientId: opaque('', 16),
      clientSecret: opaque('eyJraWQiOiJrZXktMSIsImFsZyI6IkhTMzg0In0.', 96),
      issuedAtMs: nowMs,
      expiresAtMs: nowMs + REGISTRATION_TTL_MS,
    };
    this.clients.set(client.clientId, client);
    return client;
  }

  // The client when id and secret match and the registration has not expired.
  authenticate(clientId: unknown, clientSecret: unknown, nowMs: number): RegisteredClient | undefined {
    if (typeof clientId !== 'string' || typeof clientSecret !== 'string') return undefined;
    const c = this.clients.get(clientId);
    if (!c || !sameSecret(c.clientSecret, clientSecret) || nowMs >= c.expiresAtMs) return undefined;
    return c;
  }

  get(clientId: string): RegisteredClient | undefined {
    return this.clients.get(clientId);
  }
}

// Whether the registration allows a grant: explicit grantTypes must list it; none means device + refresh only.
export function allowsGrant(client: RegisteredClient, grant: string): boolean {
  if (client.grantTypes) return client.grantTypes.includes(grant);
  return grant === DEVICE_GRANT || grant === 'refresh_token';
}

// Loopback http redirect URIs only: a public client must not be able to send codes elsewhere.
export function isLoopbackRedirect(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) && !u.username && !u.password;
  } catch {
    return false;
  }
}

// The /authorize redirect_uri must be http://127.0.0.1:<port>/oauth/callback and equal a registered one but for the port.
export function matchesRegisteredRedirect(client: RegisteredClient, uri: string): boolean {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return false;
  }
  if (u.protocol !== 'http:' || u.hostname !== '127.0.0.1' || u.pathname !== '/oauth/callback' || u.search || u.hash) {
    return false;
  }
  return client.redirectUris.some((r) => {
    try {
      const reg = new URL(r);
      return reg.protocol === u.protocol && reg.hostname === u.hostname && reg.pathname === u.pathname;
    } catch {
      return false;
    }
  });
}
