// A scripted browser for the device flow: open the complete verification URL (it carries the user code) and press
// Approve, after $BROWSER_DELAY_MS so the CLI sees pending polls first. Appends one line per launch to $BROWSER_LOG.
import { appendFileSync } from 'node:fs';

const url = process.argv[2] ?? '';
if (process.env.BROWSER_LOG) appendFileSync(process.env.BROWSER_LOG, `approve-device ${url}\n`);
await new Promise((r) => setTimeout(r, Number(process.env.BROWSER_DELAY_MS ?? 0)));
try {
  const userCode = new URL(url).searchParams.get('user_code');
  if (!userCode) throw new Error('the verification URL carries no user_code');
  const res = await fetch(new URL('/device', url), { method: 'POST', body: new URLSearchParams({ user_code: userCode, decision: 'approve' }) });
  await res.text();
} catch (err) {
  console.error(`scripted browser: ${err.message}`);
}
