import { readFileSync } from 'node:fs';

// The emulated organisation: the signed-in user and the accounts/roles assigned to them.
// Example: { "user": { "userName": "alice", "email": "alice@example.com" },
//            "accounts": [{ "accountId": "111122223333", "accountName": "Payments (Prod)",
//                           "emailAddress": "aws+payments@example.com", "roles": ["ReadOnlyAccess"] }] }
export interface OrgAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roles: string[];
}

export interface Org {
  user: { userName: string; email: string };
  accounts: OrgAccount[];
}

// Thrown for a bad org file or bad generator input; the message is one line and names the field.
export class OrgError extends Error {
  override readonly name = 'OrgError';
}

export const DEFAULT_ROLES: readonly string[] = [
  'AdministratorAccess',
  'ReadOnlyAccess',
  'PowerUserAccess',
  'Billing',
  'DataScientist',
  'ViewOnlyAccess',
  'SecurityAudit',
  'DatabaseAdministrator',
  'NetworkAdministrator',
  'SupportUser',
];

const DEFAULT_USER = { userName: 'alice', email: 'alice@example.com' } as const;

// Hand-picked first so even a 5-account org exercises spaces, brackets, dashes, slashes, unicode and length.
const CURATED_NAMES: readonly string[] = [
  'Payments (Prod)',
  '[Legacy] Data Lake',
  'Sandbox – Alice',
  'Shared Services / Networking',
  'Analytics & Machine-Learning Platform — Customer Insights Europe (Non-Prod)',
  'Log Archive',
  'Security Tooling',
  'Données Clients (Staging)',
  'dev-platform',
  '東京 Tokyo Retail',
  'Audit',
  'Identity & Access   (double  spaced)',
];
const TEAMS: readonly string[] = [
  'Payments', 'Checkout', 'Search', 'Identity', 'Billing', 'Mobile', 'Data Platform', 'Ledger',
  'Fraud', 'Observability', 'Messaging', 'Growth', 'Catalog', 'Shipping', 'Support Tools', 'Edge',
];
const ENVS: readonly string[] = ['Prod', 'Staging', 'Dev', 'QA', 'Sandbox', 'Perf', 'DR'];

// 32-bit PRNG (mulberry32): tiny, seedable, good enough for fixture data (and for the fuzz tests).
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], rnd: () => number): T {
  const item = items[Math.floor(rnd() * items.length)];
  if (item === undefined) throw new OrgError('cannot pick from an empty list');
  return item;
}

// ASCII slug for e-mail local parts: "Payments (Prod)" -> "payments-prod".
function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'account';
}

function accountName(index: number): string {
  const curated = CURATED_NAMES[index];
  if (curated !== undefined) return curated;
  const n = index - CURATED_NAMES.length;
  const team = TEAMS[n % TEAMS.length] ?? 'Team';
  const env = ENVS[Math.floor(n / TEAMS.length) % ENVS.length] ?? 'Env';
  const round = Math.floor(n / (TEAMS.length * ENVS.length));
  return round === 0 ? `${team} ${env}` : `${team} ${env} ${round + 1}`;
}

export interface GenerateOrgOptions {
  accounts: number;
  roles?: string[];
  seed?: number;
}

// Deterministic for a given (accounts, roles, seed): same ids, names and role assignments every run.
export function generateOrg(o: GenerateOrgOptions): Org {
  if (!Number.isInteger(o.accounts) || o.accounts < 1 || o.accounts > 100_000) {
    throw new OrgError(`accounts must be an integer from 1 to 100000, got ${String(o.accounts)}`);
  }
  const roles = o.roles ?? [...DEFAULT_ROLES];
  if (roles.length === 0) throw new OrgError('roles must not be empty');
  roles.forEach((r, i) => validateRoleName(r, `roles[${i}]`));
  const rnd = prng(o.seed ?? 1);
  const ids = new Set<string>();
  const accounts: OrgAccount[] = [];
  for (let i = 0; i < o.accounts; i++) {
    let id = '';
    // Bounded: collisions among 9e11 ids are vanishingly rare, 100 tries is plenty.
    for (let tries = 0; tries < 100 && (id === '' || ids.has(id)); tries++) {
      id = String(100_000_000_000 + Math.floor(rnd() * 899_999_999_999)).padStart(12, '0');
    }
    ids.add(id);
    const name = accountName(i);
    const want = Math.min(roles.length, 1 + Math.floor(rnd() * 3));
    const chosen = new Set<string>();
    for (let tries = 0; tries < 50 && chosen.size < want; tries++) chosen.add(pick(roles, rnd));
    accounts.push({
      accountId: id,
      accountName: name,
      emailAddress: `aws+${slug(name)}-${id.slice(-4)}@example.com`,
      roles: roles.filter((r) => chosen.has(r)),
    });
  }
  return { user: { ...DEFAULT_USER }, accounts };
}

function validateRoleName(role: unknown, where: string): asserts role is string {
  // Permission-set names: 1-32 chars of [\w+=,.@-] (the real service's constraint).
  if (typeof role !== 'string' || !/^[\w+=,.@-]{1,32}$/.test(role)) {
    throw new OrgError(`${where} must be a permission-set name (1-32 of A-Za-z0-9_+=,.@-), got ${JSON.stringify(role)}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Checks an untrusted value is an Org; `source` prefixes every error message (e.g. the file path).
export function validateOrg(value: unknown, source = 'org'): Org {
  const fail = (msg: string): never => {
    throw new OrgError(`${source}: ${msg}`);
  };
  if (!isObject(value)) return fail('must be a JSON object with "accounts"');
  let user: Org['user'] = { ...DEFAULT_USER };
  if (value.user !== undefined) {
    const u = value.user;
    if (!isObject(u)) return fail('user must be an object with userName and email');
    if (typeof u.userName !== 'string' || !/^[\w+=,.@-]{1,64}$/.test(u.userName)) {
      return fail(`user.userName must be 1-64 of A-Za-z0-9_+=,.@-, got ${JSON.stringify(u.userName)}`);
    }
    if (typeof u.email !== 'string' || !u.email.includes('@')) {
      return fail(`user.email must be an e-mail address, got ${JSON.stringify(u.email)}`);
    }
    user = { userName: u.userName, email: u.email };
  }
  if (!Array.isArray(value.accounts) || value.accounts.length === 0) {
    return fail('accounts must be a non-empty array');
  }
  const seen = new Set<string>();
  const accounts = value.accounts.map((a: unknown, i: number): OrgAccount => {
    const at = `accounts[${i}]`;
    if (!isObject(a)) return fail(`${at} must be an object`);
    if (typeof a.accountId !== 'string' || !/^\d{12}$/.test(a.accountId)) {
      return fail(`${at}.accountId must be a 12-digit string, got ${JSON.stringify(a.accountId)}`);
    }
    if (seen.has(a.accountId)) return fail(`${at}.accountId ${a.accountId} appears twice`);
    seen.add(a.accountId);
    if (typeof a.accountName !== 'string' || a.accountName.trim() === '') {
      return fail(`${at}.accountName must be a non-empty string`);
    }
    const email = a.emailAddress ?? `aws+${a.accountId}@example.com`;
    if (typeof email !== 'string' || !email.includes('@')) {
      return fail(`${at}.emailAddress must be an e-mail address, got ${JSON.stringify(email)}`);
    }
    if (!Array.isArray(a.roles) || a.roles.length === 0) return fail(`${at}.roles must be a non-empty array`);
    const roles = a.roles.map((r: unknown, j: number) => {
      try {
        validateRoleName(r, `${at}.roles[${j}]`);
      } catch (e) {
        return fail((e as Error).message);
      }
      return r;
    });
    if (new Set(roles).size !== roles.length) return fail(`${at}.roles has a duplicate`);
    return { accountId: a.accountId, accountName: a.accountName, emailAddress: email, roles };
  });
  return { user, accounts };
}

// Reads and validates an org JSON file; every failure is a one-line OrgError naming the file.
export function loadOrg(path: string): Org {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'read error';
    throw new OrgError(`${path}: cannot read org file (${code})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new OrgError(`${path}: not valid JSON (${(e as Error).message.split('\n')[0] ?? ''})`);
  }
  return validateOrg(value, path);
}
