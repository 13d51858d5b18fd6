import { AwsidcError } from '../core/errors.js';
import type { RoleCredentialDoc } from './profile-credentials.js';

// The console sign-in flow of "custom identity broker" federation: exchange role credentials for a sign-in
// token at <federation>?Action=getSigninToken, then send the browser to <federation>?Action=login&SigninToken=….
// The resulting URL logs anyone who holds it in for up to 15 minutes: it is a secret like the keys themselves.

/** AWS partitions by region prefix, with their federation endpoint and console host. */
function partition(region: string): { signin: string; console: string } {
  if (region.startsWith('us-gov-')) return { signin: 'https://signin.amazonaws-us-gov.com', console: 'console.amazonaws-us-gov.com' };
  if (region.startsWith('cn-')) return { signin: 'https://signin.amazonaws.cn', console: 'console.amazonaws.cn' };
  return { signin: 'https://signin.aws.amazon.com', console: 'console.aws.amazon.com' };
}

/**
 * The federation endpoint: an explicit --federation-url, else `<endpointUrl>/federation` for an integration with
 * an endpoint override (the emulator), else the real one of the SSO region's partition.
 */
export function federationEndpoint(o: { override?: string; endpointUrl?: string; ssoRegion: string }): string {
  if (o.override) return checkHttpUrl(o.override, '--federation-url');
  if (o.endpointUrl) return `${o.endpointUrl.replace(/\/+$/, '')}/federation`;
  return `${partition(o.ssoRegion).signin}/federation`;
}

/** The console home of a region, e.g. https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1. */
export function consoleHome(region: string): string {
  const p = partition(region);
  const host = p.console === 'console.aws.amazon.com' ? `${region}.${p.console}` : p.console;
  return `https://${host}/console/home?region=${encodeURIComponent(region)}`;
}

/** Checks a user-given absolute http(s) URL (destination or federation endpoint). */
export function checkHttpUrl(raw: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AwsidcError('USAGE', `${flag} must be an absolute URL: "${raw}"`, { hint: `pass ${flag} https://…` });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AwsidcError('USAGE', `${flag} must be an http or https URL: "${raw}"`, { hint: `pass ${flag} https://…` });
  }
  return raw;
}

// SessionDuration is documented for credentials a broker got from AssumeRole/GetFederationToken with long-term
// keys; Identity Center role credentials are neither, and without it the console session simply lasts as long
// as the credentials do (the permission set's session duration). So awsidc never sends it.
/** The getSigninToken request URL (carries the credentials: never log it). */
export function signinTokenUrl(federation: string, doc: RoleCredentialDoc): string {
  const u = new URL(federation);
  u.searchParams.set('Action', 'getSigninToken');
  u.searchParams.set('Session', JSON.stringify({ sessionId: doc.AccessKeyId, sessionKey: doc.SecretAccessKey, sessionToken: doc.SessionToken }));
  return u.toString();
}

/** The final sign-in link: <federation>?Action=login&Issuer=awsidc&Destination=…&SigninToken=…. */
export function loginUrl(federation: string, destination: string, signinToken: string): string {
  const u = new URL(federation);
  u.searchParams.set('Action', 'login');
  u.searchParams.set('Issuer', 'awsidc');
  u.searchParams.set('Destination', destination);
  u.searchParams.set('SigninToken', signinToken);
  return u.toString();
}

/** Fetches a sign-in token for the credentials and returns the console link. Errors never include the URL. */
export async function consoleLink(
  doc: RoleCredentialDoc,
  o: { federation: string; destination: string; timeoutMs?: number; fetchImpl?: typeof fetch },
): Promise<string> {
  const doFetch = o.fetchImpl ?? fetch;
  const host = new URL(o.federation).host;
  let res: Response;
  try {
    res = await doFetch(signinTokenUrl(o.federation, doc), { signal: AbortSignal.timeout(o.timeoutMs ?? 15_000), redirect: 'error' });
  } catch (err) {
    const why = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new AwsidcError('NETWORK', `cannot reach the federation endpoint ${host} (${why})`, {
      hint: 'check your network, or pass --federation-url',
    });
  }
  const body = await res.text();
  if (!res.ok) {
    throw new AwsidcError('SERVICE', `the federation endpoint ${host} refused the sign-in request (HTTP ${res.status})`, {
      hint: 'the credentials may have expired: run `awsidc logout` then try again',
    });
  }
  let token: unknown;
  try {
    token = (JSON.parse(body) as { SigninToken?: unknown }).SigninToken;
  } catch {
    token = undefined;
  }
  if (typeof token !== 'string' || token === '') {
    throw new AwsidcError('SERVICE', `the federation endpoint ${host} answered without a SigninToken`, { hint: 'check --federation-url' });
  }
  return loginUrl(o.federation, o.destination, token);
}
