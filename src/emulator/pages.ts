// HTML for the browser-facing pages (device verification, PKCE consent). Every dynamic value goes through esc().

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #f4f5f7; color: #16191f; margin: 0; }
  main { max-width: 28rem; margin: 4rem auto; background: #fff; border-radius: 8px; padding: 2rem;
         box-shadow: 0 1px 4px rgba(0,0,0,.12); }
  h1 { font-size: 1.25rem; margin: 0 0 1rem; }
  p { line-height: 1.5; }
  .code { font: 600 2rem/1.2 ui-monospace, Menlo, monospace; letter-spacing: .15em; text-align: center;
          padding: 1rem; background: #f1f3f3; border-radius: 6px; margin: 1rem 0; }
  .muted { color: #5f6b7a; font-size: .875rem; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { flex: 1; font-size: 1rem; padding: .6rem 1rem; border-radius: 20px; border: 2px solid #0972d3; cursor: pointer; }
  button.approve { background: #0972d3; color: #fff; }
  button.deny { background: #fff; color: #0972d3; }
  input[type=text] { font: 1.25rem ui-monospace, monospace; padding: .5rem; width: 100%; box-sizing: border-box; }
  ul { padding-left: 1.25rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · awsidc emulator</title><style>${STYLE}</style></head>
<body><main>${body}
<p class="muted">awsidc local Identity Center emulator</p></main></body></html>`;
}

// Asks for the user code when the link had none (verificationUri without ?user_code=).
export function deviceEntryPage(message?: string): string {
  return page(
    'Authorize request',
    `<h1>Authorize request</h1>
${message ? `<p>${esc(message)}</p>` : ''}
<form method="get" action="/device">
  <label for="user_code">Enter the code shown in your terminal</label>
  <p><input type="text" id="user_code" name="user_code" autocomplete="off" autofocus></p>
  <div class="actions"><button class="approve" type="submit">Next</button></div>
</form>`,
  );
}

export function deviceConfirmPage(userCode: string, userName: string): string {
  return page(
    'Authorize request',
    `<h1>Authorize request</h1>
<p>Confirm that this code matches the one shown in your terminal, then allow access for <strong>${esc(userName)}</strong>.</p>
<div class="code" data-testid="user-code">${esc(userCode)}</div>
<form class="actions" method="post" action="/device">
  <input type="hidden" name="user_code" value="${esc(userCode)}">
  <button class="deny" type="submit" name="decision" value="deny">Deny</button>
  <button class="approve" type="submit" name="decision" value="approve">Approve</button>
</form>`,
  );
}

export function resultPage(approved: boolean): string {
  return approved
    ? page('Request approved', '<h1>Request approved</h1><p>You can close this window and return to your terminal.</p>')
    : page('Request denied', '<h1>Request denied</h1><p>Access was not granted. You can close this window.</p>');
}

export function authorizePage(requestId: string, clientName: string, scopes: string[]): string {
  const list = scopes.length ? `<ul>${scopes.map((s) => `<li><code>${esc(s)}</code></li>`).join('')}</ul>` : '';
  return page(
    'Allow access',
    `<h1>Allow <em>${esc(clientName)}</em> to access your data?</h1>
<p>The application is asking for:</p>${list}
<form class="actions" method="post" action="/authorize">
  <input type="hidden" name="request_id" value="${esc(requestId)}">
  <button class="deny" type="submit" name="decision" value="deny">Deny</button>
  <button class="approve" type="submit" name="decision" value="approve">Approve</button>
</form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${esc(title)}</h1><p>${esc(message)}</p>`);
}
