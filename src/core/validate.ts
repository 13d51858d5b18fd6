import { AwsidcError } from './errors.js';

// Hosts that AWS owns for Identity Center portals (reference §7); anything else is refused unless it is loopback.
const AWS_PORTAL_HOST = [
  /^[a-z0-9-]+\.awsapps\.com$/,
  /^[a-z0-9-]+\.awsapps\.com\.cn$/,
  /^start\.us-gov-home\.awsapps\.com$/,
  /^start\.us-gov-(?:west|east)-1\.us-gov-home\.awsapps\.com$/,
  /^ssoins-[a-z0-9]+\.(?:[a-z0-9-]+\.)?portal\.(?:[a-z0-9-]+\.)?amazonaws\.com(?:\.cn)?$/,
  /^ssoins-[a-z0-9]+\.portal\.[a-z0-9-]+\.app\.aws$/,
  /^identitycenter\.[a-z0-9.-]+$/,
];

/**
 * Checks a portal start URL and returns it exactly as given (no SDK normalises it, and the token
 * cache key is the literal string), e.g. `https://d-1234567890.awsapps.com/start`.
 */
export function validateStartUrl(raw: string): string {
  const value = raw.trim();
  const fix = 'copy it from the AWS access portal, e.g. https://d-1234567890.awsapps.com/start';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AwsidcError('INVALID_START_URL', `"${value}" is not a URL`, { hint: fix });
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
    throw new AwsidcError('INVALID_START_URL', `start URL must use https: "${value}"`, { hint: fix });
  }
  if (url.username || url.password) {
    throw new AwsidcError('INVALID_START_URL', 'start URL must not contain a user name or password', { hint: fix });
  }
  if (!loopback && !AWS_PORTAL_HOST.some((re) => re.test(url.hostname.toLowerCase()))) {
    throw new AwsidcError('INVALID_START_URL', `"${url.hostname}" is not an IAM Identity Center portal host`, { hint: fix });
  }
  if (/^[a-z0-9-]+\.awsapps\.com$/i.test(url.hostname) && !/^\/start\/?(?:#\/?)?$/.test(url.pathname + url.hash)) {
    throw new AwsidcError('INVALID_START_URL', `portal URLs end in /start: "${value}"`, { hint: fix });
  }
  return value;
}

// Region names as AWS spells them: us-east-1, eu-central-2, us-gov-west-1, cn-north-1, us-iso-east-1, ap-southeast-7.
const REGION = /^(?:[a-z]{2}(?:-(?:gov|iso|isob|isof|isoe))?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest|mx|il)-\d{1,2})$/;

/** Checks an AWS region name such as `eu-west-1`. */
export function validateRegion(raw: string, what = 'region'): string {
  const value = raw.trim();
  if (!REGION.test(value)) {
    throw new AwsidcError('INVALID_REGION', `"${value}" is not an AWS region name (${what})`, {
      hint: 'use a name such as us-east-1 or eu-west-1',
    });
  }
  return value;
}

/** Integration aliases become file names, sso-session names and shell words: keep them plain. */
export function validateAlias(raw: string): string {
  const value = raw.trim();
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(value)) {
    throw new AwsidcError('INVALID_ALIAS', `"${value}" is not a valid integration alias`, {
      hint: 'use lower-case letters, digits and dashes, starting with a letter or digit (e.g. acme)',
    });
  }
  return value;
}

/** An alias suggested from the start URL: `https://acme.awsapps.com/start` gives `acme`. */
export function suggestAlias(startUrl: string): string {
  try {
    const host = new URL(startUrl).hostname.toLowerCase();
    const first = host.split('.')[0] ?? '';
    const cleaned = first.replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '');
    return /^[a-z0-9][a-z0-9-]{0,62}$/.test(cleaned) && cleaned !== 'start' ? cleaned : 'default';
  } catch {
    return 'default';
  }
}

/** AWS account ids are exactly 12 digits. */
export function validateAccountId(raw: string): string {
  if (!/^\d{12}$/.test(raw)) {
    throw new AwsidcError('USAGE', `"${raw}" is not a 12-digit AWS account id`, { hint: 'pass --account-id 123456789012' });
  }
  return raw;
}

/** IAM role names: 1-64 characters of [\w+=,.@-]. */
export function validateRoleName(raw: string): string {
  if (!/^[\w+=,.@-]{1,64}$/.test(raw)) {
    throw new AwsidcError('USAGE', `"${raw}" is not a valid IAM role name`, { hint: 'pass the permission set name, e.g. --role-name AdministratorAccess' });
  }
  return raw;
}

/** An endpoint override (the emulator, a proxy): http(s) only. */
export function validateEndpointUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AwsidcError('USAGE', `"${raw}" is not a URL`, { hint: 'pass --endpoint-url http://127.0.0.1:PORT' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AwsidcError('USAGE', `endpoint URL must be http or https: "${raw}"`, { hint: 'pass --endpoint-url http://127.0.0.1:PORT' });
  }
  return url.toString().replace(/\/$/, '');
}
