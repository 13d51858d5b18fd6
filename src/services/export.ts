import { CREDENTIAL_VARS, UNSET_VARS, type CredentialVar } from './credential-env.js';

/** Output formats of `awsidc export`. */
export const EXPORT_FORMATS = ['env', 'fish', 'powershell', 'json', 'dotenv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** POSIX sh single quotes: nothing inside is special, and a quote is written as '\'' (bash, zsh, dash, ksh). */
export function quoteSh(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** fish single quotes: only \\ and \' are escapes inside them. */
export function quoteFish(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** PowerShell verbatim strings: a quote is doubled; PowerShell also treats the typographic quotes ‘ ’ ‚ ‛ as quotes. */
export function quotePowerShell(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (c) => c + c)}'`;
}

// Single quotes are literal in every dotenv reader (node dotenv, python-dotenv, docker compose) and stop
// ${VAR} expansion; a value holding a quote or a line break falls back to escaped double quotes.
/** A dotenv value: 'literal' when possible, else "escaped" with \\ \" \n \r. */
export function quoteDotenv(value: string): string {
  if (!/['\n\r\\]/.test(value)) return `'${value}'`;
  return `"${value.replace(/[\\"\n\r]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r' })[c] as string)}"`;
}

/**
 * The variables as text to `eval` (env, fish, powershell), to load (dotenv), or to parse (json). Shell formats
 * also unset AWS_PROFILE, AWS_DEFAULT_PROFILE and AWS_SECURITY_TOKEN. Example (env):
 *   unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SECURITY_TOKEN
 *   export AWS_ACCESS_KEY_ID='ASIA…'
 */
export function formatExport(vars: Record<CredentialVar, string>, format: ExportFormat): string {
  const names = CREDENTIAL_VARS;
  switch (format) {
    case 'env':
      return [`unset ${UNSET_VARS.join(' ')}`, ...names.map((n) => `export ${n}=${quoteSh(vars[n])}`)].join('\n') + '\n';
    case 'fish':
      return [...UNSET_VARS.map((n) => `set -e ${n}`), ...names.map((n) => `set -gx ${n} ${quoteFish(vars[n])}`)].join(';\n') + ';\n';
    case 'powershell':
      return [
        ...UNSET_VARS.map((n) => `Remove-Item -ErrorAction SilentlyContinue Env:${n}`),
        ...names.map((n) => `$Env:${n} = ${quotePowerShell(vars[n])}`),
      ].join('\n') + '\n';
    case 'dotenv':
      return names.map((n) => `${n}=${quoteDotenv(vars[n])}`).join('\n') + '\n';
    case 'json':
      return JSON.stringify(Object.fromEntries(names.map((n) => [n, vars[n]])), null, 2) + '\n';
  }
}
