import { Signature } from '@hubspot/api-client';

/**
 * A request as HubSpot's proxy sends `hubspot.fetch(url)` from a card: the account and user appended to the
 * query, and the v3 signature over the final URL. The one signer of `npm run call`, the preview's fetch
 * proxy, the benchmark and the tests; the backend verifies with its own code (src/http/signature.ts).
 */
export const SIGNATURE_V3_HEADER = 'X-HubSpot-Signature-v3';
export const SIGNATURE_TIMESTAMP_HEADER = 'X-HubSpot-Request-Timestamp';

export type ProxyMethod = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';

/** Who the request comes from, as the proxy appends it: the account, the signed-in user, the app. */
export type ProxyCaller = { portalId: string; userId?: number | string; userEmail?: string; appId?: number | string };

export const withProxyQuery = (url: string, caller: ProxyCaller) => {
  const email = encodeURIComponent(caller.userEmail ?? 'you@example.com');
  const query = `userId=${caller.userId ?? 1}&userEmail=${email}&appId=${caller.appId ?? 1}&portalId=${caller.portalId}`;
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
};

/**
 * The v3 signature as HubSpot's own code computes it: `@hubspot/api-client`'s `Signature`, which the
 * CLI's dev proxy uses, over the URI exactly as given.
 */
export const hubspotSignatureV3 = (input: {
  clientSecret: string;
  method: string;
  uri: string;
  body: string;
  timestamp: string;
}): string =>
  Signature.getSignature(input.method, 'v3', {
    signature: '',
    clientSecret: input.clientSecret,
    url: input.uri,
    requestBody: input.body,
    timestamp: Number(input.timestamp),
  });

/** The signature headers for a request signed over `uri`, `body` and `timestamp`. */
export const signatureHeaders = (input: Parameters<typeof hubspotSignatureV3>[0]) => ({
  [SIGNATURE_V3_HEADER]: hubspotSignatureV3(input),
  [SIGNATURE_TIMESTAMP_HEADER]: input.timestamp,
});

export type SignedCall = ProxyCaller & {
  clientSecret: string;
  method: ProxyMethod;
  /** Backend origin and path, without the query HubSpot appends. */
  url: string;
  body?: unknown;
};

/** The URL and fetch options HubSpot's proxy would send for `hubspot.fetch(url)`, signed now. */
export const signedRequest = (call: SignedCall): { url: string; init: RequestInit } => {
  const url = withProxyQuery(call.url, call);
  const body = call.body === undefined ? '' : JSON.stringify(call.body);
  const headers = signatureHeaders({
    clientSecret: call.clientSecret,
    method: call.method,
    uri: url,
    body,
    timestamp: String(Date.now()),
  });
  return {
    url,
    init: {
      method: call.method,
      headers: { ...headers, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body } : {}),
    },
  };
};

/** Sends a signed request and reads its JSON answer. */
export const signedFetch = async (call: SignedCall) => {
  const { url, init } = signedRequest(call);
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
};
