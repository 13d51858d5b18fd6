// Checks a credential_process document without ever printing it: the values are secrets.

const RFC3339_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Undefined when `stdout` is one valid document (reference §4); otherwise why not, naming fields, never values. */
export function documentProblem(stdout: string): string | undefined {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    return 'stdout is not one JSON object';
  }
  if (doc.Version !== 1) return 'Version is not the integer 1';
  for (const k of ['AccessKeyId', 'SecretAccessKey', 'SessionToken']) {
    if (typeof doc[k] !== 'string' || (doc[k] as string).length === 0) return `${k} is missing`;
  }
  if (typeof doc.Expiration !== 'string' || !RFC3339_Z.test(doc.Expiration)) return 'Expiration is not RFC 3339 with Z';
  if (!(Date.parse(doc.Expiration) > Date.now())) return 'Expiration is in the past';
  return undefined;
}

/** The AccessKeyId of a document (an identifier, not a secret), to tell two documents apart in assertions. */
export function accessKeyId(stdout: string): string {
  return (JSON.parse(stdout) as { AccessKeyId: string }).AccessKeyId;
}
