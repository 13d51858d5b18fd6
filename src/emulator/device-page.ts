import type { Context } from './context.js';
import { formParams, html, type Incoming, type Reply } from './http.js';
import { deviceConfirmPage, deviceEntryPage, errorPage, resultPage } from './pages.js';

// GET /device[?user_code=…]: the verification page a human opens from StartDeviceAuthorization's link.
export function devicePage(ctx: Context, inc: Incoming): Reply {
  const code = inc.url.searchParams.get('user_code');
  if (code === null || code.trim() === '') return html(200, deviceEntryPage());
  const auth = ctx.devices.findByUserCode(code);
  if (!auth) return html(404, deviceEntryPage('That code was not found. Check it and try again.'));
  if (ctx.now() >= auth.expiresAtMs) return html(410, errorPage('Code expired', 'This code has expired. Start the login again.'));
  if (auth.state !== 'pending') return html(200, resultPage(auth.state !== 'denied'));
  return html(200, deviceConfirmPage(auth.userCode, ctx.org.user.userName));
}

// POST /device: Approve or Deny, then a confirmation page.
export function deviceDecision(ctx: Context, inc: Incoming): Reply {
  const form = formParams(inc);
  const auth = ctx.devices.findByUserCode(form.get('user_code') ?? '');
  if (!auth) return html(404, deviceEntryPage('That code was not found. Check it and try again.'));
  const approve = form.get('decision') === 'approve';
  if (!ctx.devices.decide(auth, approve, ctx.now())) {
    return html(409, errorPage('Already answered', 'This request was already approved, denied, or has expired.'));
  }
  return html(200, resultPage(approve));
}
