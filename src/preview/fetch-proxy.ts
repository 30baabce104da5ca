import { signedRequest } from '@why-they-care/hubspot-contract';

import { type PreviewFetchAnswer, type PreviewFetchRequest } from './protocol';

/** HubSpot's default `hubspot.fetch` timeout. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

export type FetchProxyOptions = {
  clientSecret: string;
  portalId: string;
  /** The card's BACKEND_URL: the one origin its `permittedUrls.fetch` allows. */
  backendUrl: string;
};

const failed = (message: string): PreviewFetchAnswer => ({ outcome: 'failed', message });

const refusal = (request: PreviewFetchRequest, backendOrigin: string): string | null => {
  if (new URL(request.url).origin !== backendOrigin) {
    return `${request.url} is not in the app's permittedUrls.fetch (${backendOrigin})`;
  }
  const headers = Object.keys(request.headers ?? {});
  if (headers.length > 1 || headers.some((name) => name.toLowerCase() !== 'authorization')) {
    return "Only the 'Authorization' header is allowed from hubspot.fetch()";
  }
  return null;
};

/**
 * What HubSpot's proxy does for `hubspot.fetch`: only to a permitted origin, only an Authorization header,
 * the account and user appended to the query, the v3 signature, the body as JSON for methods that carry
 * one, no redirects followed, and one retry on a connection failure or a 5xx within the timeout.
 */
export const forwardSigned = async (
  request: PreviewFetchRequest,
  options: FetchProxyOptions,
): Promise<PreviewFetchAnswer> => {
  const refused = refusal(request, new URL(options.backendUrl).origin);
  if (refused) return failed(refused);
  const timeoutMs = request.timeout ?? DEFAULT_FETCH_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  const { url, init } = signedRequest({
    clientSecret: options.clientSecret,
    portalId: options.portalId,
    method: request.method,
    url: request.url,
    body: request.method === 'GET' ? undefined : request.body,
    userEmail: request.user.email,
    userId: request.user.id,
  });
  const send = () =>
    fetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...request.headers },
      redirect: 'manual',
      signal: deadline,
    });
  for (let attempt = 1; ; attempt += 1) {
    try {
      const response = await send();
      const body = await response.text();
      if (response.status >= 500 && attempt === 1) continue;
      return { outcome: 'answered', status: response.status, contentType: response.headers.get('content-type'), body };
    } catch (error) {
      if (deadline.aborted) return failed(`hubspot.fetch timed out after ${timeoutMs} ms`);
      if (attempt === 1) continue;
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
      return failed(`Could not reach ${new URL(request.url).origin}${reason ? `: ${reason}` : ''}`);
    }
  }
};
