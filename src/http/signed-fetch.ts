import { Signature } from '@hubspot/api-client';

export type SignedCall = {
  clientSecret: string;
  portalId: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';
  /** Backend origin and path, without the query HubSpot appends. */
  url: string;
  body?: unknown;
  userEmail?: string;
  userId?: number | string;
};

/**
 * The v3 signature as HubSpot's own code computes it: `@hubspot/api-client`'s `Signature`, which the
 * CLI's dev proxy uses, over the URL exactly as sent.
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

/**
 * The request HubSpot's proxy would send for `hubspot.fetch(url)`: the account and user appended to the
 * query, and the v3 signature over the final URL. Used by `npm run call`, the end-to-end tests and the benchmark.
 */
export const signedRequest = (call: SignedCall): { url: string; init: RequestInit } => {
  const separator = call.url.includes('?') ? '&' : '?';
  const email = encodeURIComponent(call.userEmail ?? 'you@example.com');
  const url = `${call.url}${separator}userId=${call.userId ?? 1}&userEmail=${email}&appId=1&portalId=${call.portalId}`;
  const body = call.body === undefined ? '' : JSON.stringify(call.body);
  const timestamp = String(Date.now());
  return {
    url,
    init: {
      method: call.method,
      headers: {
        'X-HubSpot-Signature-v3': hubspotSignatureV3({
          clientSecret: call.clientSecret,
          method: call.method,
          uri: url,
          body,
          timestamp,
        }),
        'X-HubSpot-Request-Timestamp': timestamp,
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      ...(body ? { body } : {}),
    },
  };
};

export const signedFetch = async (call: SignedCall) => {
  const { url, init } = signedRequest(call);
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
};
