// A scripted browser for PKCE logins against an emulator with autoApprove: GET the /authorize URL and follow its
// redirect to awsidc's loopback callback. Appends one line per launch to $BROWSER_LOG; waits $BROWSER_DELAY_MS first.
import { appendFileSync } from 'node:fs';

const url = process.argv[2] ?? '';
if (process.env.BROWSER_LOG) appendFileSync(process.env.BROWSER_LOG, `follow-redirect ${url}\n`);
await new Promise((r) => setTimeout(r, Number(process.env.BROWSER_DELAY_MS ?? 0)));
try {
  const res = await fetch(url);
  await res.text();
} catch (err) {
  console.error(`scripted browser: ${err.message}`);
}
