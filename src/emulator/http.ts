import type { IncomingMessage } from 'node:http';

// What a route sees: the parsed URL plus the raw pieces SigV4 verification needs byte-for-byte.
export interface Incoming {
  method: string;
  url: URL;
  rawPath: string;
  rawQuery: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: Buffer;
}

// What a route returns; the server adds latency, request id and writes it.
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export class BodyTooLargeError extends Error {}

const MAX_BODY = 1024 * 1024;

// Reads the whole body (bounded, so a runaway client cannot exhaust memory).
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BodyTooLargeError('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

export function html(status: number, page: string): Reply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: page,
  };
}

export function redirect(location: string): Reply {
  return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: '' };
}

export function text(status: number, body: string): Reply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body };
}

// Parses a JSON object body; undefined when the body is not a JSON object.
export function jsonBody(inc: Incoming): Record<string, unknown> | undefined {
  if (inc.body.length === 0) return {};
  try {
    const v: unknown = JSON.parse(inc.body.toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// Query parameters merged with an x-www-form-urlencoded body (body wins), as query-protocol services do.
export function formParams(inc: Incoming): URLSearchParams {
  const params = new URLSearchParams(inc.url.searchParams);
  const type = String(inc.headers['content-type'] ?? '');
  if (inc.method === 'POST' && type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(inc.body.toString('utf8'))) params.set(k, v);
  }
  return params;
}
