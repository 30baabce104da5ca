import { signatureHeaders, withProxyQuery } from '@why-they-care/hubspot-contract';
import { type App } from 'supertest/types';
import request from 'supertest';

import { CLIENT_SECRET, PORTAL_ID, PUBLIC_BASE_URL } from './env';

export type SignOptions = {
  secret?: string;
  timestamp?: number;
  portalId?: string;
  userEmail?: string;
  /** Sign these instead of what is sent, to forge a tampered request. */
  signedMethod?: string;
  signedPath?: string;
  signedBody?: string;
  /** Send (and sign) this text as the body instead of JSON, with this content type. */
  rawBody?: string;
  contentType?: string;
};

/** The query HubSpot appends to every hubspot.fetch URL, for the tests' app and user. */
export const withHubSpotQuery = (path: string, portalId = PORTAL_ID, userEmail = 'am@example.com') =>
  withProxyQuery(path, { portalId, userEmail, userId: 77, appId: 9 });

/**
 * Sends a request signed by the project's signer (api-client's), over the URL as sent unless told otherwise,
 * through supertest so a test can forge any part of it.
 */
export const signedRequest = (
  app: App | string,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
  options: SignOptions = {},
) => {
  const fullPath = withHubSpotQuery(path, options.portalId, options.userEmail);
  const rawBody = options.rawBody ?? (body === undefined ? '' : JSON.stringify(body));
  const timestamp = String(options.timestamp ?? Date.now());
  const headers = signatureHeaders({
    clientSecret: options.secret ?? CLIENT_SECRET,
    method: options.signedMethod ?? method,
    uri: `${PUBLIC_BASE_URL}${options.signedPath ?? fullPath}`,
    body: options.signedBody ?? rawBody,
    timestamp,
  });
  const agent = request(app);
  const send = { GET: agent.get, PUT: agent.put, POST: agent.post, DELETE: agent.delete }[method].bind(agent);
  const pending = send(fullPath).set(headers);
  return rawBody ? pending.set('Content-Type', options.contentType ?? 'application/json').send(rawBody) : pending;
};
