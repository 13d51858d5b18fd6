import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';

/** Where an integration's OIDC and portal calls go: its SSO region, and an endpoint override when one is stored. */
export interface SsoTarget {
  ssoRegion: string;
  endpointUrl?: string;
}

// We support Node 20 with the SDK versions we pin; its start-up warning about future versions would otherwise land
// on the stderr of every credential_process call, which tools show to users verbatim.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// The SDK retries throttling and 5xx itself (standard mode, 3 attempts); credentials are never needed (noAuth ops).
const common = { maxAttempts: 3 } as const;

/**
 * An explicit endpoint wins; otherwise the SDK's own configured-endpoint rules apply
 * (AWS_ENDPOINT_URL_SSO / AWS_ENDPOINT_URL_SSO_OIDC / AWS_ENDPOINT_URL).
 */
export function portalClient(t: SsoTarget): SSOClient {
  return new SSOClient({ ...common, region: t.ssoRegion, ...(t.endpointUrl ? { endpoint: t.endpointUrl } : {}) });
}

/**
 * The client for ListAccounts/ListAccountRoles: the SDK does not retry (maxAttempts 1), so every 429 reaches our
 * shared rate limiter, which retries with backoff and slows the whole sync down (paced-call.ts).
 */
export function listingClient(t: SsoTarget): SSOClient {
  return new SSOClient({ maxAttempts: 1, region: t.ssoRegion, ...(t.endpointUrl ? { endpoint: t.endpointUrl } : {}) });
}

export function oidcClient(t: SsoTarget): SSOOIDCClient {
  return new SSOOIDCClient({ ...common, region: t.ssoRegion, ...(t.endpointUrl ? { endpoint: t.endpointUrl } : {}) });
}
