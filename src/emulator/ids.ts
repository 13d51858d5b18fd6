import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

// Random opaque token with a recognisable prefix, e.g. "aoa" + 64 base64url chars (like real access tokens).
export function opaque(prefix: string, bytes = 48): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

function fromAlphabet(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)] ?? '';
  return out;
}

// Device-flow user code "BCDF-GHJK": consonants only, so no words and no 0/O or 1/I confusion.
export function userCode(): string {
  const a = 'BCDFGHJKLMNPQRSTVWXZ';
  return `${fromAlphabet(a, 4)}-${fromAlphabet(a, 4)}`;
}

// Temporary access key id: "ASIA" + 16 base32 chars = 20 chars, as AWS issues them.
export function accessKeyId(): string {
  return 'ASIA' + fromAlphabet('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
}

// 40-character secret access key.
export function secretAccessKey(): string {
  return fromAlphabet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 40);
}

// Session tokens are long base64 blobs in the wild; length matters to clients that store them.
export function sessionToken(): string {
  return 'IQoJb3JpZ2luX2VjE' + randomBytes(300).toString('base64');
}

export function requestId(): string {
  return randomUUID();
}

// Stable lowercase hex derived from input (for role-ARN suffixes and role ids that must not change per call).
export function stableHex(input: string, length: number): string {
  return createHash('sha256').update(input).digest('hex').slice(0, length);
}

// Stable "AROA" + 17 uppercase chars role id for an account/role pair.
export function roleId(accountId: string, roleName: string): string {
  const digest = createHash('sha256').update(`${accountId}/${roleName}`).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let out = 'AROA';
  for (let i = 0; i < 17; i++) out += alphabet[(digest[i] ?? 0) % 32] ?? 'A';
  return out;
}
