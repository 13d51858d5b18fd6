import { AwsidcError } from './errors.js';

// Characters that would be interpreted inside double quotes by /bin/sh (JS SDK runs the line through a shell)
// or break botocore's shlex split: refuse them rather than attempt quoting that differs per SDK and OS.
const UNSAFE_IN_QUOTES = /["$`\\!\r\n\0]/;
// Arguments we write unquoted must be plain words in every shell and splitter.
const PLAIN_WORD = /^[A-Za-z0-9_+=,.@:\/-]+$/;

/** Quotes one path for a credential_process line: double quotes only (reference §4). */
export function quotePath(path: string): string {
  if (UNSAFE_IN_QUOTES.test(path)) {
    throw new AwsidcError('UNSAFE_PATH', `the path ${JSON.stringify(path)} contains characters that cannot be quoted safely for every AWS SDK`, {
      hint: 'install Node.js and awsidc under a path without " $ ` \\ or !',
    });
  }
  return `"${path}"`;
}

/**
 * The credential_process value for one profile, e.g.
 * "/usr/bin/node" "/opt/awsidc/dist/awsidc.cjs" credentials --integration acme --account-id 123456789012 --role-name Admin
 * Absolute paths so it works with an empty PATH.
 */
export function buildCredentialProcess(nodePath: string, scriptPath: string, args: string[]): string {
  for (const a of args) {
    if (!PLAIN_WORD.test(a)) {
      throw new AwsidcError('UNSAFE_PATH', `refusing to write the argument ${JSON.stringify(a)} into credential_process`, {
        hint: 'aliases, account ids and role names must be plain words',
      });
    }
  }
  return [quotePath(nodePath), quotePath(scriptPath), ...args].join(' ');
}

/** The arguments of `awsidc credentials` for one role. */
export function credentialsArgs(integration: string, accountId: string, roleName: string): string[] {
  return ['credentials', '--integration', integration, '--account-id', accountId, '--role-name', roleName];
}
