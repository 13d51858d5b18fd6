import yargs from 'yargs';
import { AwsidcError, EXIT, formatError } from '../core/errors.js';
import { completeCommand, completionCommand } from './commands/completion.js';
import { consoleCommand } from './commands/console.js';
import { credentialsCommand } from './commands/credentials.js';
import { doctorCommand } from './commands/doctor.js';
import { emulatorCommand } from './commands/emulator.js';
import { execCommand } from './commands/exec.js';
import { exportCommand } from './commands/export.js';
import { initCommand } from './commands/init.js';
import { integrationsCommand } from './commands/integrations.js';
import { listCommand } from './commands/list.js';
import { loginCommand } from './commands/login.js';
import { logoutCommand } from './commands/logout.js';
import { overrideCommand } from './commands/override.js';
import { syncCommand } from './commands/sync.js';

/** The cold-path CLI: every command except the credential_process hot path. */
export async function main(args: string[]): Promise<void> {
  const parser = yargs(args)
    .scriptName('awsidc')
    .usage('$0 <command> [options]\n\nAWS IAM Identity Center profiles for every tool on your machine.')
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'Only print errors and results' })
    .option('verbose', { alias: 'v', type: 'boolean', describe: 'Explain each step (never prints secrets)' })
    .option('color', { type: 'boolean', describe: 'Colour output (default: on a terminal without NO_COLOR)' })
    .command(initCommand)
    .command(loginCommand)
    .command(syncCommand)
    .command(listCommand)
    .command(overrideCommand)
    .command(logoutCommand)
    .command(integrationsCommand)
    .command(execCommand)
    .command(exportCommand)
    .command(consoleCommand)
    .command(doctorCommand)
    .command(completionCommand)
    .command(completeCommand)
    .command(credentialsCommand)
    .command(emulatorCommand)
    .demandCommand(1, 'name a command; see `awsidc --help`')
    .recommendCommands()
    .strict()
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err) throw err;
      // `awsidc exec -p x ls -la` reads -la as our flags: say where the command goes.
      const hint = args[0] === 'exec' && /^Unknown argument/.test(msg) ? 'put the command after `--`, e.g. `awsidc exec -p PROFILE -- ls -la`' : 'see `awsidc --help`';
      throw new AwsidcError('USAGE', msg, { hint });
    });
  try {
    await parser.parseAsync();
  } catch (err) {
    process.exitCode = report(err);
  }
}

/** Expected failures: one line and their exit code. Bugs: the stack, exit 1. */
export function report(err: unknown): number {
  if (err instanceof AwsidcError) {
    process.stderr.write(formatError(err) + '\n');
    return err.exitCode;
  }
  if ((err as { name?: string })?.name === 'AbortError') return EXIT.cancelled;
  process.stderr.write(`awsidc: unexpected error (please report it): ${(err as Error)?.stack ?? String(err)}\n`);
  return EXIT.unexpected;
}
