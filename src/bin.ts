// Entry of the shipped CLI. `credentials` is the hot path and must not load yargs or the SDK;
// everything else goes to the yargs CLI, loaded lazily.
import { runCredentials } from './hot/credentials.js';

const argv = process.argv.slice(2);

async function cli(args: string[]): Promise<void> {
  const { main } = await import('./cli/main.js');
  await main(args);
}

if (argv[0] === 'credentials') {
  void runCredentials(argv.slice(1)).then((code) => {
    if (code === -1) return cli(argv);
    process.exitCode = code;
  });
} else {
  void cli(argv);
}
