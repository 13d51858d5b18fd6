import type { Argv, CommandModule } from 'yargs';
import type { GlobalArgs } from '../context.js';

interface EmulatorArgs extends GlobalArgs {
  port?: number;
  org?: string;
  accounts?: number;
  roles?: string;
  'approve-after'?: number;
  'auto-approve'?: boolean;
  'throttle-rps'?: number;
  'latency-ms'?: number;
  'retry-after'?: number;
  'device-interval'?: number;
  'token-ttl'?: number;
  'role-ttl'?: number;
}

export const emulatorCommand: CommandModule<GlobalArgs, EmulatorArgs> = {
  command: 'emulator',
  describe: 'Run a local IAM Identity Center emulator on 127.0.0.1 (for trying tools offline)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('port', { type: 'number', describe: 'Port to listen on (default: a free one)' })
      .option('org', { type: 'string', describe: 'JSON file with the accounts and roles' })
      .option('accounts', { type: 'number', describe: 'Generate an org with this many accounts' })
      .option('roles', { type: 'string', describe: 'Comma-separated role names for a generated org' })
      .option('approve-after', { type: 'number', describe: 'Approve device logins after N polls (no clicking)' })
      .option('auto-approve', { type: 'boolean', describe: 'Approve browser (PKCE) logins without a click' })
      .option('throttle-rps', { type: 'number', describe: 'Answer 429 beyond this many requests a second' })
      .option('latency-ms', { type: 'number', describe: 'Delay every response by this many milliseconds' })
      .option('retry-after', { type: 'number', describe: 'With --throttle-rps: send Retry-After: N seconds on 429s' })
      .option('device-interval', { type: 'number', describe: 'Device-code polling interval in seconds (default 1)' })
      .option('token-ttl', { type: 'number', describe: 'Access-token lifetime in seconds (default 28800)' })
      .option('role-ttl', { type: 'number', describe: 'Role-credential lifetime in seconds (default 3600)' }),
  handler: async (argv) => {
    const { runEmulator } = await import('../../emulator/run.js');
    await runEmulator({
      port: argv.port,
      orgFile: argv.org,
      accounts: argv.accounts,
      roles: argv.roles?.split(',').map((r) => r.trim()).filter(Boolean),
      approveAfter: argv['approve-after'],
      autoApprove: argv['auto-approve'],
      throttleRps: argv['throttle-rps'],
      latencyMs: argv['latency-ms'],
      retryAfterSeconds: argv['retry-after'],
      deviceInterval: argv['device-interval'],
      accessTokenTtlSeconds: argv['token-ttl'],
      roleCredentialTtlSeconds: argv['role-ttl'],
    });
  },
};
