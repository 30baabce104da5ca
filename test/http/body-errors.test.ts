import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

import { hubspotSignatureV3 } from '@why-they-care/hubspot-contract';

import { createBackend } from '../../src/backend';
import { COMPANY_ID } from '../support/company-fixtures';
import { CLIENT_SECRET, PUBLIC_BASE_URL, testEnv } from '../support/env';
import { capturedLogs } from '../support/logs';
import { interceptHubSpot } from '../support/nock-hubspot';
import { withHubSpotQuery } from '../support/signed';

interceptHubSpot();
const PATH = withHubSpotQuery(`/api/companies/${COMPANY_ID}/profile`);
const PLAIN = Buffer.from('{"requestId":"body-test-0001"}');

/**
 * Sends these exact bytes as the body with these headers (anyone can: nothing here needs a signature).
 * Through fetch, because supertest re-serialises a Buffer sent as JSON.
 */
const send = async (body: Buffer, headers: Record<string, string>) => {
  const logs = capturedLogs();
  const app = createBackend({ env: testEnv({ LOG_LEVEL: 'trace' }), logger: logs.logger }).app;
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${PATH}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      body: (await response.json()) as { error: { code: string; fields?: Record<string, string[]> } },
      errorLines: logs.errorLines(),
    };
  } finally {
    server.close();
  }
};

describe('a body the parser cannot read is a client error in the API error shape, never a 5xx or an error log', () => {
  it.each([
    ['gzip on plain bytes', 400, 'BODY_UNREADABLE', { 'Content-Encoding': 'gzip' }, PLAIN],
    ['deflate on plain bytes', 400, 'BODY_UNREADABLE', { 'Content-Encoding': 'deflate' }, PLAIN],
    ['br on plain bytes', 400, 'BODY_UNREADABLE', { 'Content-Encoding': 'br' }, PLAIN],
    [
      'a truncated gzip stream',
      400,
      'BODY_UNREADABLE',
      { 'Content-Encoding': 'gzip' },
      gzipSync(PLAIN).subarray(0, 15),
    ],
    ['an unknown encoding', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'Content-Encoding': 'x-unheard-of' }, PLAIN],
    ['the obsolete compress encoding', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'Content-Encoding': 'compress' }, PLAIN],
    [
      'an unknown charset',
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      { 'Content-Type': 'application/json; charset=x-klingon' },
      PLAIN,
    ],
    ['text that is not JSON', 400, 'MALFORMED_JSON', {}, Buffer.from('{"requestId":')],
    ['more than 1 MB', 413, 'PAYLOAD_TOO_LARGE', {}, Buffer.from(`"${'x'.repeat(1_100_000)}"`)],
    [
      'a small gzip that inflates past 1 MB',
      413,
      'PAYLOAD_TOO_LARGE',
      { 'Content-Encoding': 'gzip' },
      gzipSync(Buffer.from(`"${' '.repeat(2_000_000)}"`)),
    ],
  ])('%s: %i %s', async (_label, status, code, headers, body) => {
    const response = await send(body, headers);
    expect(response.status).toBe(status);
    expect(response.contentType).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      error: { code, message: expect.any(String), correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    expect(response.errorLines).toEqual([]);
  });

  it('reads a gzip body that does inflate, checks the signature over its JSON and validates it', async () => {
    const json = '{"requestId":"body-test-0001"}';
    const timestamp = String(Date.now());
    const signature = hubspotSignatureV3({
      clientSecret: CLIENT_SECRET,
      method: 'PUT',
      uri: `${PUBLIC_BASE_URL}${PATH}`,
      body: json,
      timestamp,
    });
    const response = await send(gzipSync(Buffer.from(json)), {
      'Content-Encoding': 'gzip',
      'X-HubSpot-Signature-v3': signature,
      'X-HubSpot-Request-Timestamp': timestamp,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.body.error.fields ?? {})).toEqual(
      expect.arrayContaining(['expectedVersion', 'profile']),
    );
  });
});
