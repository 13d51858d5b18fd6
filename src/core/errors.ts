// Every expected failure is an AwsidcError: a stable code, a documented exit code, and a hint naming the fix.

/** Exit codes are part of the public interface (README "Exit codes"); scripts branch on them. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  loginRequired: 3,
  accessDenied: 4,
  network: 5,
  config: 6,
  cancelled: 130,
} as const;

export type ErrorCode =
  | 'USAGE'
  | 'INVALID_START_URL'
  | 'INVALID_REGION'
  | 'INVALID_ALIAS'
  | 'INTEGRATION_NOT_FOUND'
  | 'INTEGRATION_EXISTS'
  | 'NOT_A_TTY'
  | 'LOGIN_REQUIRED'
  | 'LOGIN_FAILED'
  | 'LOGIN_TIMEOUT'
  | 'ACCESS_DENIED'
  | 'THROTTLED'
  | 'NETWORK'
  | 'SERVICE'
  | 'CONFIG_MALFORMED'
  | 'CONFIG_WRITE_FAILED'
  | 'TEMPLATE_INVALID'
  | 'UNSAFE_PATH'
  | 'CACHE_CORRUPT'
  | 'LOCK_TIMEOUT'
  | 'PROFILE_NOT_FOUND'
  | 'SYNC_INCOMPLETE'
  | 'CANCELLED';

const exitFor: Record<ErrorCode, number> = {
  USAGE: EXIT.usage,
  INVALID_START_URL: EXIT.usage,
  INVALID_REGION: EXIT.usage,
  INVALID_ALIAS: EXIT.usage,
  INTEGRATION_NOT_FOUND: EXIT.config,
  INTEGRATION_EXISTS: EXIT.config,
  NOT_A_TTY: EXIT.usage,
  LOGIN_REQUIRED: EXIT.loginRequired,
  LOGIN_FAILED: EXIT.loginRequired,
  LOGIN_TIMEOUT: EXIT.loginRequired,
  ACCESS_DENIED: EXIT.accessDenied,
  THROTTLED: EXIT.network,
  NETWORK: EXIT.network,
  SERVICE: EXIT.network,
  CONFIG_MALFORMED: EXIT.config,
  CONFIG_WRITE_FAILED: EXIT.config,
  TEMPLATE_INVALID: EXIT.config,
  UNSAFE_PATH: EXIT.config,
  CACHE_CORRUPT: EXIT.unexpected,
  LOCK_TIMEOUT: EXIT.network,
  PROFILE_NOT_FOUND: EXIT.config,
  SYNC_INCOMPLETE: EXIT.network,
  CANCELLED: EXIT.cancelled,
};

// The hot path (CommonJS bundle) and the lazily loaded ESM bundles each carry their own copy of this class, so
// errors are recognised by a registry-wide symbol rather than by instanceof.
const BRAND = Symbol.for('awsidc.error');

/** An expected failure: printed as one line (`awsidc: <message>; <hint>`), never with a stack. */
export class AwsidcError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly exitCode: number;
  constructor(code: ErrorCode, message: string, opts: { hint?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AwsidcError';
    this.code = code;
    this.hint = opts.hint;
    this.exitCode = exitFor[code];
  }
}

/** A bug: printed with its stack so it can be reported. */
export class UnexpectedError extends Error {
  constructor(message: string, opts: { cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'UnexpectedError';
  }
}

/** The login-required error every path raises the same way, so the message and exit code never drift. */
export function loginRequired(integration: string, why: string): AwsidcError {
  return new AwsidcError('LOGIN_REQUIRED', `${why} for integration "${integration}"`, {
    hint: `run \`awsidc login --integration ${integration}\``,
  });
}

/** One line for stderr: message, then the fix. */
export function formatError(err: AwsidcError): string {
  return err.hint ? `awsidc: ${err.message}; ${err.hint}` : `awsidc: ${err.message}`;
}
