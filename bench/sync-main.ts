// `node dist/bench-sync.mjs [accounts] [rps] [latencyMs]`: runs benchSync and prints its table.
import { table } from '../src/cli/output.js';
import { benchSync } from './sync.js';

const [accounts, rps, latencyMs] = process.argv.slice(2).map((a) => (a === undefined ? undefined : Number(a)));
const r = await benchSync({
  ...(accounts !== undefined ? { accounts } : {}),
  ...(rps !== undefined ? { rps } : {}),
  ...(latencyMs !== undefined ? { latencyMs } : {}),
});
process.stdout.write(`${r.title}\n\n${table(r.rows, r.header)}\n\n${r.notes.map((n) => `- ${n}`).join('\n')}\n`);
if (r.rows.some((row) => row[row.length - 1] !== 'pass')) process.exitCode = 1;
