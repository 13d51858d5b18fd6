import type { Context } from './context.js';
import { formParams, type Incoming, type Reply } from './http.js';
import { requestId, roleId, stableHex } from './ids.js';
import { esc } from './pages.js';
import { parseAuthorization, verifySigV4 } from './sigv4.js';

// STS speaks the awsQuery protocol (both @aws-sdk/client-sts and botocore send a form body, expect XML).
const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function xml(status: number, body: string): Reply {
  return { status, headers: { 'content-type': 'text/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n` };
}

// The query-protocol error envelope; SDKs read Error/Code.
export function stsError(status: number, code: string, message: string, type: 'Sender' | 'Receiver' = 'Sender'): Reply {
  return xml(
    status,
    `<ErrorResponse xmlns="${XMLNS}">
  <Error>
    <Type>${type}</Type>
    <Code>${esc(code)}</Code>
    <Message>${esc(message)}</Message>
  </Error>
  <RequestId>${requestId()}</RequestId>
</ErrorResponse>`,
  );
}

// True when this request is meant for STS: the query protocol puts Action in the query or a form body.
export function isStsRequest(inc: Incoming): boolean {
  return inc.rawPath === '/' && formParams(inc).has('Action');
}

// ARN of the assumed SSO role as the real service names it: AWSReservedSSO_<role>_<16 hex>/<user>.
export function assumedRoleArn(accountId: string, roleName: string, userName: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/AWSReservedSSO_${roleName}_${stableHex(`${accountId}/${roleName}`, 16)}/${userName}`;
}

// POST / (or GET /) with Action=GetCallerIdentity, authenticated by SigV4 with credentials this emulator issued.
export function sts(ctx: Context, inc: Incoming): Reply {
  const params = formParams(inc);
  const action = params.get('Action') ?? '';
  if (action !== 'GetCallerIdentity') {
    return stsError(400, 'InvalidAction', `Could not find operation ${action} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`);
  }
  const header = inc.headers.authorization;
  if (!header) return stsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
  const auth = parseAuthorization(header);
  if (!auth) return stsError(400, 'IncompleteSignature', 'Authorization header requires Credential, SignedHeaders and Signature parameters');
  const key = ctx.keys.get(auth.accessKeyId);
  if (!key || inc.headers['x-amz-security-token'] !== key.sessionToken) {
    return stsError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.');
  }
  if (ctx.now() >= key.expirationMs) return stsError(403, 'ExpiredToken', 'The security token included in the request is expired');
  if (auth.service !== 'sts') {
    return stsError(403, 'SignatureDoesNotMatch', `Credential should be scoped to correct service: 'sts'.`);
  }
  if (!verifySigV4(inc, auth, key.secretAccessKey)) {
    return stsError(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  const userName = ctx.org.user.userName;
  return xml(
    200,
    `<GetCallerIdentityResponse xmlns="${XMLNS}">
  <GetCallerIdentityResult>
    <Arn>${esc(assumedRoleArn(key.accountId, key.roleName, userName))}</Arn>
    <UserId>${esc(`${roleId(key.accountId, key.roleName)}:${userName}`)}</UserId>
    <Account>${key.accountId}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>${requestId()}</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>`,
  );
}
