import { Client } from '@hubspot/api-client';

import { type CallGates, type CallObserver, type CallPolicy, type HubSpotCaller, makeCaller } from './call';

export type HubSpotConnection = {
  accessToken: string;
  baseUrl: string;
  policy: CallPolicy;
  observe?: CallObserver;
  /** The rate limits shared with other instances; without, this process keeps them alone. */
  gates?: CallGates;
};

export type HubSpotContext = { client: Client; call: HubSpotCaller };

/**
 * One api-client per process. Its own retry decorator and limiter are left off (the retry waits 10 s per
 * attempt, both are process-global, and its limiter's queue time would count against our timeout): the
 * caller applies the app's limits and retry policy instead.
 */
export const connectToHubSpot = (connection: HubSpotConnection): HubSpotContext => ({
  client: new Client({ accessToken: connection.accessToken, basePath: connection.baseUrl.replace(/\/+$/, '') }),
  call: makeCaller(connection.policy, connection.observe, connection.gates),
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

/**
 * For endpoints the api-client does not wrap (Automation v4 flows): the parsed JSON answer, for the caller
 * to read with the contract's schema. `apiRequest` never throws on its own.
 */
export const requestJson = async (
  client: Client,
  request: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; body?: unknown },
): Promise<unknown> => {
  const response = await client.apiRequest({
    method: request.method,
    path: request.path,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  return readJsonAnswer(response);
};

/**
 * A file behind a signed URL HubSpot gave (the File Manager's private files), as JSON. The URL is its own
 * credential: the app's access token is not sent along (`authType: 'none'`).
 */
export const downloadSignedJson = async (client: Client, url: string): Promise<unknown> =>
  readJsonAnswer(await client.apiRequest({ method: 'GET', overlapUrl: url, authType: 'none' }));

const readJsonAnswer = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the raw text: HubSpot's 502 pages are HTML
  }
  if (!response.ok) throw new RawResponseError(response.status, body);
  return body;
};
