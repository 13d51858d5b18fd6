import { accessKeyId, secretAccessKey, sessionToken } from './ids.js';

// Role credentials handed out by GetRoleCredentials; STS and federation check requests against these.
export interface IssuedKey {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  accountId: string;
  roleName: string;
  expirationMs: number;
}

export class KeyStore {
  private keys = new Map<string, IssuedKey>();

  issue(accountId: string, roleName: string, nowMs: number, ttlSeconds: number): IssuedKey {
    const key: IssuedKey = {
      accessKeyId: accessKeyId(),
      secretAccessKey: secretAccessKey(),
      sessionToken: sessionToken(),
      accountId,
      roleName,
      expirationMs: nowMs + ttlSeconds * 1000,
    };
    this.keys.set(key.accessKeyId, key);
    return key;
  }

  get(id: string): IssuedKey | undefined {
    return this.keys.get(id);
  }
}
