import { draftOf, type Profile } from '@why-they-care/domain';
import { type Request } from 'express';
import request from 'supertest';

import { SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { ShareError } from '../../src/share/share.errors';
import { publicOrigin } from '../../src/share/share.routes';
import { signShareToken } from '../../src/share/share-token';
import { isWrite, startSandboxBackend } from '../support/sandbox-backend';
import { signedRequest } from '../support/signed';

/**
 * The link to a plan shared with the customer, end to end against the sandbox: the card makes and turns
 * off links (signed /api), the customer opens the page and marks their own steps done (public /share).
 * Security: forged, guessed, expired, revoked, replaced, replayed and cross-company tokens are refused;
 * nothing else of the CRM is shown; only the customer's own step status is writable.
 */
const ACME = '1001';
const BIRCH = '1002';
const AS_AM = { portalId: SANDBOX_PORTAL_ID, userEmail: 'am@example.com' };

type Stack = Awaited<ReturnType<typeof startSandboxBackend>>;
let stack: Stack;

const company = (id: string) => stack.sandbox.store.state.companies[id]?.properties ?? {};
const share = async (companyId: string) => {
  const response = await signedRequest(stack.backendUrl, 'POST', `/api/companies/${companyId}/share`, {}, AS_AM);
  expect(response.status).toBe(200);
  return response.body.link as { url: string; expiresAt: string; sharedBy: string; sharedAt: string };
};
const pathOf = (url: string) => new URL(url).pathname;
const tokenOf = (url: string) => pathOf(url).split('/')[2] ?? '';
const open = (path: string) => request(stack.backendUrl).get(path);
const markDone = (path: string, stepId: string, name = 'Dana Scully') =>
  request(stack.backendUrl).post(`${path}/steps/${stepId}/done`).type('form').send({ name });
const callsDuring = async <T>(work: () => Promise<T>) => {
  stack.calls.length = 0;
  const result = await work();
  return { result, calls: stack.calls.map((call) => call.operation), writes: stack.calls.filter(isWrite).length };
};

beforeAll(async () => {
  stack = await startSandboxBackend({}, undefined, true, {}, { perIp: 1000, perLink: 1000, writesPerLink: 1000 });
});
afterAll(() => stack.stop());

describe('the card shares the plan', () => {
  it('makes a link over the public HTTPS origin, valid 30 days, recorded on the company with who shared it', async () => {
    const link = await share(ACME);
    expect(link.url).toMatch(/^https:\/\/wtc\.example\.com\/share\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(link.expiresAt) - Date.parse(link.sharedAt)).toBe(30 * 86_400_000);
    expect(link.sharedBy).toBe('am@example.com');
    const stored = JSON.parse(company(ACME).wtc_shared_link ?? '');
    expect(stored).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), ...link, url: undefined });
    // The token is never stored: only the id it names.
    expect(company(ACME).wtc_shared_link).not.toContain(tokenOf(link.url));
    const again = await signedRequest(stack.backendUrl, 'GET', `/api/companies/${ACME}/share`, undefined, AS_AM);
    expect(again.body.link).toEqual(link);
  });

  it('refuses an unsigned request to make a link', async () => {
    const response = await request(stack.backendUrl).post(`/api/companies/${ACME}/share`).send({});
    expect(response.status).toBe(401);
  });
});

describe('the customer opens the link', () => {
  it('sees their outcome, metrics and their own steps first, and nothing else of the CRM', async () => {
    const link = await share(ACME);
    const { result: page, calls } = await callsDuring(() => open(pathOf(link.url)));
    expect(page.status).toBe(200);
    expect(calls).toEqual(['companies.get']);
    const html = page.text;
    expect(html).toContain('Route every truck before 6 am, every day');
    expect(html).toContain('Trucks routed by 6 am');
    expect(html.indexOf('Agree the success metrics')).toBeLessThan(html.indexOf('Kick-off with the buyer'));
    const acme = company(ACME);
    for (const secret of [
      acme.name,
      acme.wtc_answer,
      acme.wtc_last_reviewed_by,
      acme.wtc_quadrant,
      acme.wtc_renewal_date,
      'We need you',
      'happiness',
    ]) {
      expect(secret && html.includes(secret)).toBeFalsy();
    }
    expect(page.headers['content-security-policy']).toMatch(
      /^default-src 'none'; style-src 'sha256-[^']+'; form-action 'self'/,
    );
    expect(page.headers).toMatchObject({
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex, nofollow',
    });
    expect(html).not.toMatch(/<script|https?:\/\/(?!wtc)/);
  });

  it('marks their own step done with their name, as a new version that a stale card save cannot overwrite', async () => {
    const link = await share(ACME);
    const card = (await signedRequest(stack.backendUrl, 'GET', `/api/companies/${ACME}/profile`, undefined, AS_AM)).body
      .profile as Profile;
    const { result: done, writes } = await callsDuring(() => markDone(pathOf(link.url), 'n1'));
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`${pathOf(link.url)}?marked=done`);
    expect(writes).toBe(1);
    const steps = JSON.parse(company(ACME).wtc_plan_steps ?? '[]') as { id: string }[];
    expect(steps.find((step) => step.id === 'n1')).toMatchObject({
      status: 'done',
      customerDone: { by: 'Dana Scully', at: expect.any(String) },
    });
    expect(company(ACME).wtc_version).toBe(String(card.version + 1));
    expect(company(ACME).wtc_last_reviewed_by).toBe(card.review.lastReviewedBy);
    expect((await open(`${pathOf(link.url)}?marked=done`)).text).toContain('the step is marked done');

    // The account manager's card still holds the version before: its save is a conflict, not an overwrite.
    const stale = await signedRequest(
      stack.backendUrl,
      'PUT',
      `/api/companies/${ACME}/profile`,
      { requestId: 'card-save-after-customer', expectedVersion: card.version, profile: draftOf(card) },
      AS_AM,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.current.successPlan.steps.find((step: { id: string }) => step.id === 'n1').customerDone.by).toBe(
      'Dana Scully',
    );
  });

  it('writes nothing for a replayed "mark done", and nothing for a step that is not theirs', async () => {
    const link = await share('1004');
    expect((await markDone(pathOf(link.url), 'n1')).status).toBe(303);
    const { result: replay, writes } = await callsDuring(() => markDone(pathOf(link.url), 'n1'));
    expect(replay.headers.location).toBe(`${pathOf(link.url)}?marked=already`);
    expect(writes).toBe(0);

    const before = { ...company('1004') };
    const ours = await callsDuring(() => markDone(pathOf(link.url), 'k1'));
    expect(ours.result.status).toBe(403);
    expect(ours.result.text).toContain('Only your own steps can be marked done');
    expect(ours.writes).toBe(0);
    expect((await markDone(pathOf(link.url), 'no-such-step')).status).toBe(404);
    expect(company('1004')).toEqual(before);
  });

  it('asks for a name, and takes no other field', async () => {
    const link = await share('1004');
    const nameless = await markDone(pathOf(link.url), 'o2', '   ');
    expect(nameless.status).toBe(400);
    expect(nameless.text).toContain('Type your name');
    const sneaky = await request(stack.backendUrl)
      .post(`${pathOf(link.url)}/steps/o2/done`)
      .type('form')
      .send({ name: 'Dana', status: 'blocked', title: 'Hacked', ownerSide: 'us' });
    expect(sneaky.status).toBe(303);
    const step = (JSON.parse(company('1004').wtc_plan_steps ?? '[]') as Record<string, unknown>[]).find(
      (candidate) => candidate.id === 'o2',
    );
    expect(step).toMatchObject({ status: 'done', title: 'Customer shares usage data', ownerSide: 'customer' });
  });
});

describe('links that must not work', () => {
  const refused = async (path: string, status: number, says: string) => {
    const { result, calls } = await callsDuring(() => open(path));
    expect(result.status).toBe(status);
    expect(result.text).toContain(says);
    expect(result.text).not.toContain('Your desired outcome');
    return calls;
  };

  it('refuses forged and guessed tokens without asking HubSpot anything', async () => {
    const token = tokenOf((await share(ACME)).url);
    const [payload = '', signature = ''] = token.split('.');
    const flipped = `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await refused(`/share/${flipped}`, 404, 'This link does not work')).toEqual([]);
    expect(await refused(`/share/${payload}x.${signature}`, 404, 'This link does not work')).toEqual([]);
    expect(await refused('/share/not-a-token', 404, 'This link does not work')).toEqual([]);
    const otherSecret = signShareToken('a-different-secret-of-at-least-32-chars!', {
      companyId: ACME,
      shareId: JSON.parse(company(ACME).wtc_shared_link ?? '').id,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    expect(await refused(`/share/${otherSecret}`, 404, 'This link does not work')).toEqual([]);
  });

  it('refuses a token moved to another company, and a genuine token for another company share', async () => {
    const token = tokenOf((await share(ACME)).url);
    const [payload = '', signature = ''] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as [string, string, number];
    const moved = Buffer.from(JSON.stringify([BIRCH, claims[1], claims[2]])).toString('base64url');
    expect(await refused(`/share/${moved}.${signature}`, 404, 'This link does not work')).toEqual([]);
    // Signed with the secret, but Birch holds no share with Acme's id: its own plan stays out of reach.
    const crossed = signShareToken(stack.env.SHARE_LINK_SECRET ?? '', {
      companyId: BIRCH,
      shareId: claims[1],
      expiresAt: new Date(claims[2] * 1000),
    });
    await refused(`/share/${crossed}`, 410, 'This link was turned off');
    expect((await markDone(`/share/${crossed}`, 'n1')).status).toBe(410);
    expect(company(BIRCH).wtc_shared_link ?? '').toBe('');
  });

  it('says plainly that an expired link has expired', async () => {
    const shareId = JSON.parse(company(ACME).wtc_shared_link ?? '').id as string;
    const expired = signShareToken(stack.env.SHARE_LINK_SECRET ?? '', {
      companyId: ACME,
      shareId,
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(await refused(`/share/${expired}`, 410, 'This link has expired')).toEqual([]);
    expect((await markDone(`/share/${expired}`, 'n1')).status).toBe(410);
  });

  it('turns a link off everywhere when the card revokes or replaces it, and says so', async () => {
    const first = await share(BIRCH);
    expect((await open(pathOf(first.url))).status).toBe(200);
    const second = await share(BIRCH);
    await refused(pathOf(first.url), 410, 'This link was turned off');
    expect((await open(pathOf(second.url))).status).toBe(200);

    const revoked = await signedRequest(stack.backendUrl, 'DELETE', `/api/companies/${BIRCH}/share`, undefined, AS_AM);
    expect(revoked.body).toEqual({ link: null });
    await refused(pathOf(second.url), 410, 'This link was turned off');
    const writes = await callsDuring(() => markDone(pathOf(second.url), 'n1'));
    expect([writes.result.status, writes.writes]).toEqual([410, 0]);
    const shown = await signedRequest(stack.backendUrl, 'GET', `/api/companies/${BIRCH}/share`, undefined, AS_AM);
    expect(shown.body).toEqual({ link: null });
  });

  it('reaches nothing but the plan page and its "mark done"', async () => {
    const path = pathOf((await share(ACME)).url);
    for (const other of [`${path}/profile`, `${path}/steps/n1/done`, `${path}/../../api/companies/${ACME}/profile`]) {
      const response = await open(other);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.text).not.toContain('Route every truck');
    }
  });
});

describe('rate limits and configuration', () => {
  it('limits requests per link and per address, with a page that says to wait', async () => {
    const limited = await startSandboxBackend({}, undefined, true, {}, { perIp: 6, perLink: 3, writesPerLink: 1 });
    try {
      const post = (path: string) => signedRequest(limited.backendUrl, 'POST', path, {}, AS_AM);
      const link = (await post(`/api/companies/${ACME}/share`)).body.link as { url: string };
      const path = pathOf(link.url);
      const statuses = [];
      for (let index = 0; index < 4; index += 1) statuses.push((await request(limited.backendUrl).get(path)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const tooMany = await request(limited.backendUrl).get(path);
      expect(tooMany.text).toContain('Too many requests');
      expect(tooMany.headers['retry-after']).toBe('60');
      // Three more from the same address, with made-up tokens: the address runs out too.
      const guesses = [];
      for (let index = 0; index < 2; index += 1)
        guesses.push((await request(limited.backendUrl).get(`/share/guess${index}.x`)).status);
      expect(guesses).toEqual([404, 429]);
    } finally {
      await limited.stop();
    }
  });

  it('says sharing is off without SHARE_LINK_SECRET', async () => {
    const off = await startSandboxBackend({ SHARE_LINK_SECRET: '' }, undefined, false);
    try {
      const unconfigured = await signedRequest(off.backendUrl, 'POST', `/api/companies/${ACME}/share`, {}, AS_AM);
      expect([unconfigured.status, unconfigured.body.error.code]).toEqual([503, 'SHARE_NOT_CONFIGURED']);
      expect(unconfigured.body.error.message).toMatch(/SHARE_LINK_SECRET/);
      const page = await request(off.backendUrl).get('/share/anything.x');
      expect([page.status, page.text.includes('Shared plans are not available')]).toEqual([503, true]);
    } finally {
      await off.stop();
    }
  });

  it('links only over HTTPS, but for a backend on this machine', () => {
    const at = (protocol: string, host: string) => ({ protocol, host }) as Request;
    expect(() => publicOrigin(at('http', 'wtc.example.com'), undefined)).toThrow(/PUBLIC_BASE_URL.*https/);
    expect(() => publicOrigin(at('https', 'wtc.example.com'), 'http://wtc.example.com')).toThrow(ShareError);
    expect(publicOrigin(at('http', 'wtc.example.com'), 'https://wtc.example.com/')).toBe('https://wtc.example.com');
    expect(publicOrigin(at('https', 'wtc.example.com'), undefined)).toBe('https://wtc.example.com');
    expect(publicOrigin(at('http', 'localhost:3000'), undefined)).toBe('http://localhost:3000');
  });
});
