import type { Argv, CommandModule } from 'yargs';
import { AwsidcError, formatError } from '../../core/errors.js';
import { formatDuration } from '../../core/expiry.js';
import { childEnv, credentialVars } from '../../services/credential-env.js';
import { exitLikeChild, runChild } from '../../services/exec.js';
import { login } from '../../services/login.js';
import { credentialsForProfile, type RoleCredentialDoc } from '../../services/profile-credentials.js';
import { chooseProfile, type ProfileTarget } from '../../services/profile-resolve.js';
import { context, type Context, type GlobalArgs } from '../context.js';
import { chooseFlow, currentHost } from '../../services/choose-flow.js';
import { terminalLoginUi } from '../login-ui.js';
import { pickProfile } from '../picker.js';
import { interactive } from '../prompt.js';

export interface ProfileArgs extends GlobalArgs {
  profile?: string;
}

interface ExecArgs extends ProfileArgs {
  command?: string[];
  '--'?: Array<string | number>;
}

/** The --profile option shared by exec, export and console. */
export function profileOption<T>(y: Argv<T>) {
  return y.option('profile', { alias: 'p', type: 'string', describe: 'Profile name (default: AWS_PROFILE when it is an awsidc profile, else pick one)' });
}

// Shared by exec, export and console: the same choice rules and the same credential cache as credential_process.
/** Chooses the profile (flag, AWS_PROFILE, picker) and gets its role credentials, logging in when autoLogin allows. */
export async function profileCredentials(argv: ProfileArgs, ctx: Context): Promise<{ target: ProfileTarget; doc: RoleCredentialDoc }> {
  const { out, paths } = ctx;
  const choice = await chooseProfile(
    { profile: argv.profile, env: process.env, interactive: interactive(), pick: (t) => pickProfile(t, out.color) },
    { paths },
  );
  const t = choice.target;
  out.debug(`profile ${t.name} (from ${choice.via}): role ${t.roleName} in ${t.accountName} (${t.accountId}), integration "${t.integration}", region ${t.region}`);
  // Auto-login only with a person at the terminal: a script or cron job must fail fast with the login hint.
  const doc = await credentialsForProfile(t, paths, {
    ...(interactive()
      ? {
          login: async (integ) => {
            out.info(`the session of "${integ.alias}" has ended; logging in (auto-login is on)`);
            await login(integ, paths, terminalLoginUi(out), { force: true, choice: chooseFlow(currentHost(), {}), log: (l) => out.info(l) });
          },
        }
      : {}),
  });
  out.debug(`credentials for ${t.name} expire in ${formatDuration(Date.parse(doc.Expiration) - Date.now())}`);
  return { target: t, doc };
}

export const execCommand: CommandModule<GlobalArgs, ExecArgs> = {
  command: 'exec [command..]',
  describe: 'Run a command with a profile\'s role credentials in its environment',
  builder: (y: Argv<GlobalArgs>) =>
    profileOption(y)
      .parserConfiguration({ 'populate--': true })
      .positional('command', { type: 'string', array: true, describe: 'The command and its arguments, after --' })
      .example('$0 exec --profile Payments-Prod.AdministratorAccess -- aws s3 ls', '')
      .example('$0 exec -- terraform plan', 'pick the profile interactively')
      .epilog(
        'Sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION, AWS_REGION and AWS_DEFAULT_REGION, ' +
          'and unsets AWS_PROFILE and AWS_DEFAULT_PROFILE. Exits as the command did; SIGINT, SIGTERM and SIGHUP are passed on to it.',
      ),
  handler: async (argv) => {
    const ctx = context(argv);
    const words = [...(argv.command ?? []), ...(argv['--'] ?? [])].map(String);
    const [cmd, ...args] = words;
    if (!cmd) {
      throw new AwsidcError('USAGE', 'exec needs a command to run', { hint: 'put it after --, e.g. `awsidc exec --profile NAME -- aws sts get-caller-identity`' });
    }
    const { target, doc } = await profileCredentials(argv, ctx);
    ctx.out.debug(`running ${cmd} with the credentials of ${target.name}`);
    const outcome = await runChild(cmd, args, childEnv(process.env, credentialVars(doc, target.region)));
    if (outcome.kind === 'spawn-error') {
      // Shell conventions: 127 when the command does not exist, 126 when it cannot be run.
      const missing = outcome.errno === 'ENOENT';
      process.stderr.write(
        formatError(new AwsidcError('USAGE', missing ? `command not found: ${cmd}` : `cannot run ${cmd} (${outcome.errno})`, { hint: missing ? 'check the spelling and your PATH' : 'check that it is executable' })) + '\n',
      );
      process.exitCode = missing ? 127 : 126;
      return;
    }
    exitLikeChild(outcome);
  },
};
