import { join } from 'node:path';

// Same lookup as both SDKs: AWS_CONFIG_FILE wins (a leading "~/" means the home directory), else ~/.aws/config.
/** The AWS shared config file to read and write. */
export function locateConfigFile(env: Readonly<Record<string, string | undefined>>, homedir: string): string {
  const fromEnv = env.AWS_CONFIG_FILE;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.startsWith('~/') || fromEnv.startsWith('~\\')) return join(homedir, fromEnv.slice(2));
    return fromEnv;
  }
  return join(homedir, '.aws', 'config');
}

// Same lookup for the shared credentials file: AWS_SHARED_CREDENTIALS_FILE wins, else ~/.aws/credentials.
/** The AWS shared credentials file (read only, to avoid profile names defined there). */
export function locateCredentialsFile(env: Readonly<Record<string, string | undefined>>, homedir: string): string {
  const fromEnv = env.AWS_SHARED_CREDENTIALS_FILE;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.startsWith('~/') || fromEnv.startsWith('~\\')) return join(homedir, fromEnv.slice(2));
    return fromEnv;
  }
  return join(homedir, '.aws', 'credentials');
}
