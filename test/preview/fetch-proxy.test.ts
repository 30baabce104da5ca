import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';

import { Signature } from '@hubspot/api-client';
import { mustExist } from '@why-they-care/domain';

import { forwardSigned } from '../../src/preview/fetch-proxy';
import { type PreviewFetchRequest } from '../../src/preview/protocol';

/** The preview's stand-in for HubSpot's proxy, against a recording backend. */
const CLIENT_SECRET = 'preview-test-secret';
const PORTAL_ID = '1234567';

type Received = { method: string; url: string; headers: IncomingMessage['headers']; body: string };
let received: Received[] = [];
let answers: { status: number; body: string }[] = [];
let backend: Server;
let backendUrl = '';

beforeAll(async () => {
  backend = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const answer = answers.shift();
      if (!answer) return; // never answers: the proxy's timeout is tested with this
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
});

afterAll(async () => {
  backend.closeAllConnections();
  await new Promise((resolve) => backend.close(resolve));
});

beforeEach(() => {
  received = [];
  answers = [];
});

const call = (request: Partial<PreviewFetchRequest> = {}) =>
  forwardSigned(
    {
      url: `${backendUrl}/api/companies/1001/profile`,
      method: 'GET',
      user: { id: 9001, email: 'maria.manager@example.com' },
      ...request,
    },
    { clientSecret: CLIENT_SECRET, portalId: PORTAL_ID, backendUrl },
  );

describe("the preview's hubspot.fetch proxy", () => {
  it("appends the account and user and signs the final URL and body as HubSpot's proxy does", async () => {
    answers = [{ status: 200, body: '{"ok":true}' }];
    const body = { requestId: 'r-1', profile: { answer: 'We need you' } };
    const answer = await call({ method: 'PUT', body, headers: { Authorization: 'Bearer user-token' } });

    expect(answer).toEqual({
      outcome: 'answered',
      status: 200,
      contentType: 'application/json',
      body: '{"ok":true}',
    });
    expect(received).toHaveLength(1);
    const request = mustExist(received[0], 'a request');
    expect(request.url).toBe(
      `/api/companies/1001/profile?userId=9001&userEmail=maria.manager%40example.com&appId=1&portalId=${PORTAL_ID}`,
    );
    expect(request.body).toBe(JSON.stringify(body));
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer user-token',
    });
    const timestamp = Number(request.headers['x-hubspot-request-timestamp']);
    const signed = `${backendUrl}${request.url}`;
    // HubSpot's own signer, over the URL as sent or with the email's %40 decoded (HubSpot's docs describe
    // the decoded form, its own code signs the URL as sent; the backend accepts both).
    const signatures = [signed, signed.replace('%40', '@')].map((url) =>
      Signature.getSignature('PUT', 'v3', {
        signature: '',
        clientSecret: CLIENT_SECRET,
        url,
        requestBody: request.body,
        timestamp,
      }),
    );
    expect(signatures).toContain(request.headers['x-hubspot-signature-v3']);
  });

  it('sends no body with a GET', async () => {
    answers = [{ status: 200, body: '{}' }];
    await call({ method: 'GET', body: { ignored: true } });
    expect(received[0]?.body).toBe('');
  });

  it("passes the backend's error status and body to the card, without retrying a 4xx", async () => {
    answers = [{ status: 409, body: '{"error":{"code":"VERSION_CONFLICT"}}' }];
    expect(await call({ method: 'PUT', body: {} })).toMatchObject({
      outcome: 'answered',
      status: 409,
      body: '{"error":{"code":"VERSION_CONFLICT"}}',
    });
    expect(received).toHaveLength(1);
  });

  it('retries a 5xx once, as HubSpot does, and hands over the second answer', async () => {
    answers = [
      { status: 503, body: '{"error":{"code":"HUBSPOT_UNAVAILABLE"}}' },
      { status: 200, body: '{"profile":{}}' },
    ];
    expect(await call()).toMatchObject({ outcome: 'answered', status: 200 });
    expect(received).toHaveLength(2);
  });

  it('refuses an origin outside permittedUrls and any header but Authorization, calling nothing', async () => {
    expect(await call({ url: 'http://127.0.0.1:1/api/companies/1001/profile' })).toEqual({
      outcome: 'failed',
      message: `http://127.0.0.1:1/api/companies/1001/profile is not in the app's permittedUrls.fetch (${backendUrl})`,
    });
    expect(await call({ headers: { 'X-Custom': 'no' } })).toEqual({
      outcome: 'failed',
      message: "Only the 'Authorization' header is allowed from hubspot.fetch()",
    });
    expect(received).toEqual([]);
  });

  it('gives up after the timeout the card asked for', async () => {
    expect(await call({ timeout: 300 })).toEqual({
      outcome: 'failed',
      message: 'hubspot.fetch timed out after 300 ms',
    });
  });

  it('says so when the backend cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const answer = await forwardSigned(
      { url: `${url}/api/x`, method: 'GET', user: { id: 1, email: 'a@example.com' } },
      { clientSecret: CLIENT_SECRET, portalId: PORTAL_ID, backendUrl: url },
    );
    expect(answer).toMatchObject({
      outcome: 'failed',
      message: expect.stringMatching(/^Could not reach http:\/\/127/),
    });
  });
});
