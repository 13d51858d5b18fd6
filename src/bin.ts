// Entry of the shipped CLI. `credentials` is the hot path and must not load yargs or the SDK;
// everything else goes to the yargs CLI, loaded lazily.
import { EXIT } from './core/errors.js';
import { runCredentials } from './hot/credentials.js';
import { stdoutDeferred } from './hot/write-stdout.js';

const argv = process.argv.slice(2);

async function cli(args: string[]): Promise<void> {
  const { main } = await import('./cli/main.js');
  await main(args);
}

if (argv[0] === 'credentials') {
  void runCredentials(argv.slice(1)).then((code) => {
    if (code === -1) return cli(argv);
    // A success has written its output synchronously and released its lock: exiting now skips Node's environment
    // teardown (about 1% of a cache hit, measured). Failures end naturally so that stderr drains first.
    if (code === EXIT.ok && !stdoutDeferred()) process.exit(EXIT.ok);
    process.exitCode = code;
  });
} else {
  void cli(argv);
}
