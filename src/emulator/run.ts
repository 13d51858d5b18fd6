import { AwsidcError } from '../core/errors.js';
import { generateOrg, loadOrg, OrgError, type Org } from './org.js';
import { startEmulator, type Emulator, type EmulatorOptions } from './server.js';

export interface RunEmulatorOptions {
  port?: number | undefined;
  orgFile?: string | undefined;
  accounts?: number | undefined;
  roles?: string[] | undefined;
  seed?: number | undefined;
  approveAfter?: number | undefined;
  autoApprove?: boolean | undefined;
  deviceInterval?: number | undefined;
  throttleRps?: number | undefined;
  retryAfterSeconds?: number | undefined;
  latencyMs?: number | undefined;
  accessTokenTtlSeconds?: number | undefined;
  roleCredentialTtlSeconds?: number | undefined;
  // Stops the emulator like SIGINT would (tests, embedding).
  signal?: AbortSignal | undefined;
  // Where the banner goes (default: stderr).
  log?: ((line: string) => void) | undefined;
  // Called once listening, before waiting for a signal.
  onReady?: ((emulator: Emulator) => void) | undefined;
}

const EXAMPLE_START_URL = 'https://d-0000000000.awsapps.com/start';

function buildOrg(o: RunEmulatorOptions): Org {
  try {
    if (o.orgFile) return loadOrg(o.orgFile);
    return generateOrg({ accounts: o.accounts ?? 5, ...(o.roles ? { roles: o.roles } : {}), ...(o.seed !== undefined ? { seed: o.seed } : {}) });
  } catch (e) {
    if (e instanceof OrgError) {
      throw new AwsidcError(o.orgFile ? 'CONFIG_MALFORMED' : 'USAGE', e.message, {
        hint: o.orgFile ? 'fix the org file (see src/emulator/sample-org.json)' : 'check --accounts and --roles',
      });
    }
    throw e;
  }
}

// The banner: where the emulator listens and how to point tools at it. No secrets in it.
export function banner(e: Emulator, o: RunEmulatorOptions): string[] {
  const url = e.url;
  const roles = new Set(e.org.accounts.flatMap((a) => a.roles)).size;
  const mode =
    o.approveAfter !== undefined
      ? `device logins auto-approve after ${o.approveAfter} poll(s)`
      : `device logins wait for Approve at ${url}/device`;
  return [
    `awsidc emulator listening on ${url}`,
    `  org: ${e.org.accounts.length} account(s), ${roles} distinct role(s), user ${e.org.user.userName}${o.orgFile ? ` (from ${o.orgFile})` : ''}`,
    `  ${mode}; browser logins ${o.autoApprove ? 'auto-approve' : 'show an Approve page'}`,
    ...(o.throttleRps !== undefined ? [`  throttling above ${o.throttleRps} request(s)/s`] : []),
    ...(o.latencyMs !== undefined ? [`  adding ${o.latencyMs} ms to every response`] : []),
    '',
    'Point AWS SDKs and the AWS CLI at it:',
    `  export AWS_ENDPOINT_URL_SSO_OIDC=${url}`,
    `  export AWS_ENDPOINT_URL_SSO=${url}`,
    `  export AWS_ENDPOINT_URL_STS=${url}`,
    `  (or AWS_ENDPOINT_URL=${url} for every service)`,
    '',
    'Add it to awsidc:',
    `  awsidc init --start-url ${EXAMPLE_START_URL} --sso-region us-east-1 --endpoint-url ${url}`,
    '',
    `Admin: GET ${url}/__emulator/counters, POST ${url}/__emulator/approve-all`,
    'Press Ctrl+C to stop.',
  ];
}

// Runs the emulator until SIGINT/SIGTERM (or `signal`), then closes every socket and returns.
export async function runEmulator(o: RunEmulatorOptions): Promise<void> {
  const log = o.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const opts: EmulatorOptions = {
    org: buildOrg(o),
    ...(o.port !== undefined ? { port: o.port } : {}),
    ...(o.approveAfter !== undefined ? { approveAfter: o.approveAfter } : {}),
    ...(o.autoApprove !== undefined ? { autoApprove: o.autoApprove } : {}),
    ...(o.deviceInterval !== undefined ? { deviceInterval: o.deviceInterval } : {}),
    ...(o.throttleRps !== undefined ? { throttleRps: o.throttleRps } : {}),
    ...(o.retryAfterSeconds !== undefined ? { retryAfterSeconds: o.retryAfterSeconds } : {}),
    ...(o.latencyMs !== undefined ? { latencyMs: o.latencyMs } : {}),
    ...(o.accessTokenTtlSeconds !== undefined ? { accessTokenTtlSeconds: o.accessTokenTtlSeconds } : {}),
    ...(o.roleCredentialTtlSeconds !== undefined ? { roleCredentialTtlSeconds: o.roleCredentialTtlSeconds } : {}),
  };
  let emulator: Emulator;
  try {
    emulator = await startEmulator(opts);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new AwsidcError('USAGE', `cannot listen on 127.0.0.1:${o.port ?? 0} (${code})`, { hint: 'pick another --port, or omit it for a free one' });
    }
    if (e instanceof TypeError) throw new AwsidcError('USAGE', e.message);
    throw e;
  }
  for (const line of banner(emulator, o)) log(line);
  o.onReady?.(emulator);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      o.signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (o.signal?.aborted) stop();
    else o.signal?.addEventListener('abort', stop);
  });
  log('awsidc emulator: shutting down');
  await emulator.close();
}
