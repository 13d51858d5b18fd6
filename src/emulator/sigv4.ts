import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Incoming } from './http.js';

// Fields of "AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=hex".
export interface SigV4Auth {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

export function parseAuthorization(header: string): SigV4Auth | undefined {
  const m = /^AWS4-HMAC-SHA256\s+(.*)$/s.exec(header.trim());
  if (!m?.[1]) return undefined;
  const parts = new Map<string, string>();
  for (const kv of m[1].split(',')) {
    const i = kv.indexOf('=');
    if (i > 0) parts.set(kv.slice(0, i).trim(), kv.slice(i + 1).trim());
  }
  const cred = parts.get('Credential')?.split('/');
  const signed = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  if (!cred || cred.length !== 5 || cred[4] !== 'aws4_request' || !signed || !signature) return undefined;
  const [accessKeyId = '', date = '', region = '', service = ''] = cred;
  return { accessKeyId, date, region, service, signedHeaders: signed.split(';'), signature };
}

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

// RFC 3986 encoding as SigV4 requires: encodeURIComponent plus !'()* escaped.
function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, '%20'));
  } catch {
    return s;
  }
}

function canonicalQuery(raw: string): string {
  if (!raw) return '';
  return raw
    .split('&')
    .filter(Boolean)
    .map((kv) => {
      const i = kv.indexOf('=');
      const k = i < 0 ? kv : kv.slice(0, i);
      const v = i < 0 ? '' : kv.slice(i + 1);
      return [uriEncode(safeDecode(k)), uriEncode(safeDecode(v))] as const;
    })
    .filter(([k]) => k !== 'X-Amz-Signature')
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

// Non-S3 services encode each path segment of the (already wire-encoded) path once more.
function canonicalPath(rawPath: string): string {
  return rawPath
    .split('/')
    .map((seg) => uriEncode(safeDecode(seg)))
    .map((seg) => uriEncode(seg))
    .join('/') || '/';
}

// Header values as sent: repeated headers joined with ",", whitespace trimmed and runs collapsed.
function canonicalHeaders(rawHeaders: string[], names: string[]): string | undefined {
  const values = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const list = values.get(name) ?? [];
    list.push((rawHeaders[i + 1] ?? '').trim().replace(/\s+/g, ' '));
    values.set(name, list);
  }
  let out = '';
  for (const n of names) {
    const v = values.get(n);
    if (!v) return undefined;
    out += `${n}:${v.join(',')}\n`;
  }
  return out;
}

// The signing key for a secret and credential scope (date/region/service).
function signingKey(secret: string, a: SigV4Auth): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, a.date), a.region), a.service), 'aws4_request');
}

// Recomputes the header-based SigV4 signature with the stored secret; false on any mismatch.
export function verifySigV4(inc: Incoming, a: SigV4Auth, secret: string): boolean {
  const names = [...a.signedHeaders];
  if (!names.includes('host') || names.some((n, i) => n !== n.toLowerCase() || (i > 0 && (names[i - 1] ?? '') >= n))) return false;
  const headers = canonicalHeaders(inc.rawHeaders, names);
  const amzDate = inc.headers['x-amz-date'];
  if (headers === undefined || typeof amzDate !== 'string' || !amzDate.startsWith(a.date)) return false;
  const bodyHash = sha256Hex(inc.body);
  const declared = inc.headers['x-amz-content-sha256'];
  if (typeof declared === 'string' && declared !== 'UNSIGNED-PAYLOAD' && declared !== bodyHash) return false;
  const payloadHash = typeof declared === 'string' ? declared : bodyHash;
  const canonicalRequest = [inc.method, canonicalPath(inc.rawPath), canonicalQuery(inc.rawQuery), headers, names.join(';'), payloadHash].join('\n');
  const scope = `${a.date}/${a.region}/${a.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const expected = createHmac('sha256', signingKey(secret, a)).update(stringToSign, 'utf8').digest('hex');
  const x = Buffer.from(expected);
  const y = Buffer.from(a.signature);
  return x.length === y.length && timingSafeEqual(x, y);
}
