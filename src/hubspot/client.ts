import { Client } from '@hubspot/api-client';

import { type CallObserver, type CallPolicy, type HubSpotCaller, makeCaller } from './call';

export type HubSpotConnection = {
  accessToken: string;
  baseUrl: string;
  policy: CallPolicy;
  requestsPer10s: number;
  observe?: CallObserver;
};

export type HubSpotContext = { client: Client; call: HubSpotCaller };

/**
 * One api-client per process. Its own retry decorator is left off (it waits 10 s per retry and its
 * settings are process-global); the caller applies the app's retry policy. Its limiter keeps the app
 * under the account's ten-second budget.
 */
export const connectToHubSpot = (connection: HubSpotConnection): HubSpotContext => ({
  client: new Client({
    accessToken: connection.accessToken,
    basePath: connection.baseUrl.replace(/\/+$/, ''),
    limiterOptions: {
      id: 'why-they-care-hubspot',
      maxConcurrent: 10,
      reservoir: connection.requestsPer10s,
      reservoirRefreshAmount: connection.requestsPer10s,
      reservoirRefreshInterval: 10_000,
    },
  }),
  call: makeCaller(connection.policy, connection.observe),
});

/** Thrown for non-2xx raw responses so they follow the same rules as the client's ApiException. */
class RawResponseError extends Error {
  constructor(
    readonly code: number,
    readonly body: unknown,
  ) {
    super(`HubSpot answered ${code}`);
  }
}

/** For endpoints the api-client does not wrap (Automation v4 flows). `apiRequest` never throws on its own. */
export const requestJson = async <T>(
  client: Client,
  request: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown },
): Promise<T> => {
  const response = await client.apiRequest({
    method: request.method,
    path: request.path,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the raw text: HubSpot's 502 pages are HTML
  }
  if (!response.ok) throw new RawResponseError(response.status, body);
  return body as T;
};
