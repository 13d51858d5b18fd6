import { AwsidcError } from '../core/errors.js';

// The config writer's failures, built in one place so every message has the same shape: what, then the fix.

/** The file's awsidc markers (or a section awsidc must create) conflict with what is there; nothing is written. */
export function configMalformed(message: string, hint: string): AwsidcError {
  return new AwsidcError('CONFIG_MALFORMED', message, { hint });
}

/** A value that cannot be written into the config file without adding a line, a section or a key. */
export function unsafeValue(message: string, hint: string): AwsidcError {
  return new AwsidcError('TEMPLATE_INVALID', message, { hint });
}

/** Writing the config file (or its backup) failed; the original file is untouched. */
export function writeFailed(path: string, cause: unknown): AwsidcError {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new AwsidcError('CONFIG_WRITE_FAILED', `could not write ${path}${code ? ` (${code})` : ''}`, {
    hint: code === 'EACCES' || code === 'EPERM' ? `check the permissions of ${path} and its directory` : 'the file is unchanged; fix the cause and run the command again',
    cause,
  });
}

/** The file changed between reading and writing (an editor, another tool); nothing was written. */
export function configChanged(path: string): AwsidcError {
  return new AwsidcError('CONFIG_WRITE_FAILED', `${path} was changed by something else while awsidc was working; nothing was written`, {
    hint: 'run the command again',
  });
}
