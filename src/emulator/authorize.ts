import { matchesRegisteredRedirect } from './clients.js';
import type { Context } from './context.js';
import { formParams, html, redirect, type Incoming, type Reply } from './http.js';
import { authorizePage, errorPage } from './pages.js';

// Appends OAuth response parameters to the validated redirect URI.
function back(redirectUri: string, params: Record<string, string | undefined>): Reply {
  const u = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  return redirect(u.toString());
}

// GET /authorize: the PKCE consent step. Bad client or redirect_uri gets a 400 page, never a redirect.
export function authorize(ctx: Context, inc: Incoming): Reply {
  const q = inc.url.searchParams;
  const clientId = q.get('client_id') ?? '';
  const redirectUri = q.get('redirect_uri') ?? '';
  const client = ctx.clients.get(clientId);
  if (!client || ctx.now() >= client.expiresAtMs) return html(400, errorPage('Invalid request', 'Unknown or expired client_id.'));
  if (!matchesRegisteredRedirect(client, redirectUri)) {
    return html(400, errorPage('Invalid request', 'redirect_uri is not registered for this client.'));
  }
  // From here the redirect URI is trusted, so protocol errors go back to the client (RFC 6749 §4.1.2.1).
  const state = q.get('state') ?? undefined;
  const fail = (error: string, description: string): Reply => back(redirectUri, { error, error_description: description, state });
  if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (!client.grantTypes?.includes('authorization_code')) return fail('unauthorized_client', 'client is not registered for authorization_code');
  if (q.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
  const challenge = q.get('code_challenge') ?? '';
  if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return fail('invalid_request', 'code_challenge must be a base64url SHA-256');
  const scopes = (q.get('scopes') ?? q.get('scope') ?? '').split(' ').filter(Boolean);
  if (scopes.some((s) => !client.scopes.includes(s))) return fail('invalid_scope', 'scope was not registered for this client');

  const base = { clientId, redirectUri, challenge };
  if (ctx.settings.autoApprove) return back(redirectUri, { code: ctx.pkce.issueCode(base, ctx.now()), state });
  const req = ctx.pkce.addRequest({ ...base, clientName: client.clientName, state, scopes, createdMs: ctx.now() });
  return html(200, authorizePage(req.id, client.clientName, scopes));
}

// POST /authorize: the Approve/Deny form.
export function authorizeDecision(ctx: Context, inc: Incoming): Reply {
  const form = formParams(inc);
  const req = ctx.pkce.takeRequest(form.get('request_id') ?? '', ctx.now());
  if (!req) return html(400, errorPage('Request expired', 'This authorization request is unknown, expired or already answered.'));
  if (form.get('decision') !== 'approve') return back(req.redirectUri, { error: 'access_denied', state: req.state });
  return back(req.redirectUri, { code: ctx.pkce.issueCode(req, ctx.now()), state: req.state });
}
