// A scripted browser that clicks the emulator's consent form: GET /authorize, POST the form with
// decision=$BROWSER_DECISION (default approve), and follow the redirect to awsidc's loopback callback.
// Appends one line per launch to $BROWSER_LOG.
import { appendFileSync } from 'node:fs';

const url = process.argv[2] ?? '';
if (process.env.BROWSER_LOG) appendFileSync(process.env.BROWSER_LOG, `approve-form ${url}\n`);
try {
  const page = await (await fetch(url)).text();
  const id = /name="request_id" value="([^"]+)"/.exec(page)?.[1];
  if (!id) throw new Error('no consent form on the /authorize page');
  const res = await fetch(new URL('/authorize', url), {
    method: 'POST',
    body: new URLSearchParams({ request_id: id, decision: process.env.BROWSER_DECISION ?? 'approve' }),
  });
  await res.text();
} catch (err) {
  console.error(`scripted browser: ${err.message}`);
}
