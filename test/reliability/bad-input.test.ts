import fc from 'fast-check';

import { isWrite, startSandboxBackend } from '../support/sandbox-backend';
import { signedRequest } from '../support/signed';
import { fuzzRuns } from '../support/test-config';
import { SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';

/**
 * Thousands of random and hostile requests at every endpoint: always a 4xx JSON error (or a real save for
 * the rare valid body), never a 5xx, and never a HubSpot write for a refused request.
 */
// Each property sends up to a thousand requests, so its time follows the machine's speed; and a property cut short
// by a timeout keeps sending in the background and slows the next one: each gets ample room.
jest.setTimeout(120_000);

let stack: Awaited<ReturnType<typeof startSandboxBackend>>;

beforeAll(async () => {
  stack = await startSandboxBackend({ AUTOMATION_MODE: 'direct' }, undefined, true);
});
afterAll(() => stack.stop());

const asHubSpot = { portalId: SANDBOX_PORTAL_ID };

const expectClearRefusal = (response: { status: number; body: { error?: { code?: unknown; message?: unknown } } }) => {
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  expect(typeof response.body.error?.code).toBe('string');
  expect(typeof response.body.error?.message).toBe('string');
};

const hostileString = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '\u0000',
    '../../etc/passwd',
    '9'.repeat(40),
  ),
);

describe('random and hostile input', () => {
  it('refuses any random JSON body for a save with 400 and writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (body) => {
        stack.calls.length = 0;
        const response = await signedRequest(stack.backendUrl, 'PUT', '/api/companies/1001/profile', body, asHubSpot);
        expectClearRefusal(response);
        expect(stack.calls.filter(isWrite)).toEqual([]);
      }),
      { numRuns: fuzzRuns(1_000) },
    );
  });

  it('refuses a save whose fields are hostile, or stores it faithfully: never a 5xx', async () => {
    const draft = fc.record({
      whyTheyCare: fc.record({
        bucket: fc.oneof(fc.constantFrom('need_you', 'its_ok', 'who_are_you', null), hostileString),
        answer: fc.oneof(hostileString, fc.string({ minLength: 4_990, maxLength: 5_010 })),
        answeredByName: hostileString,
        answeredByRole: hostileString,
        askedOn: fc.oneof(
          fc.constant(null),
          hostileString,
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        ),
        valueThemes: fc.array(fc.oneof(hostileString, fc.constantFrom('saves_time', 'our_people')), { maxLength: 4 }),
        concerns: fc.array(fc.oneof(hostileString, fc.constantFrom('price', 'support')), { maxLength: 4 }),
      }),
      desiredOutcome: fc.record({
        requiredOutcome: hostileString,
        appropriateExperience: hostileString,
        metrics: fc.array(
          fc.record({
            id: hostileString,
            name: hostileString,
            unit: hostileString,
            baseline: fc.oneof(fc.double(), fc.constant(null)),
            current: fc.constant(null),
            target: fc.integer(),
          }),
          { maxLength: 25 },
        ),
      }),
      successPlan: fc.record({
        steps: fc.array(
          fc.record({
            id: hostileString,
            title: hostileString,
            ownerSide: fc.constantFrom('us', 'customer', 'them'),
            ownerName: hostileString,
            dueDate: fc.constant(null),
            status: fc.constantFrom('done', 'blocked', 'maybe'),
          }),
          { maxLength: 60 },
        ),
      }),
      health: fc.record({
        customerHappiness: fc.oneof(fc.integer({ min: -5, max: 9 }), fc.constant(null)),
        companyHappiness: fc.oneof(fc.double(), fc.constant(null)),
      }),
      renewalDate: fc.oneof(fc.constant(null), hostileString),
      leftOn: fc.oneof(fc.constant(null), hostileString),
    });
    await fc.assert(
      fc.asyncProperty(
        draft,
        fc.string({ minLength: 8, maxLength: 20, unit: fc.constantFrom(...'abcdef0123456789') }),
        async (profile, requestId) => {
          const loaded = await signedRequest(
            stack.backendUrl,
            'GET',
            '/api/companies/1002/profile',
            undefined,
            asHubSpot,
          );
          stack.calls.length = 0;
          const response = await signedRequest(
            stack.backendUrl,
            'PUT',
            '/api/companies/1002/profile',
            { requestId, expectedVersion: loaded.body.profile.version, profile },
            asHubSpot,
          );
          if (response.status === 200) {
            expect(response.body.profile.whyTheyCare.answer).toBe(profile.whyTheyCare.answer.trim());
          } else {
            expectClearRefusal(response);
            expect(stack.calls.filter(isWrite)).toEqual([]);
          }
        },
      ),
      { numRuns: fuzzRuns(400) },
    );
  });

  it('answers any company id with 400 or 404, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(hostileString, fc.nat().map(String), fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String)),
        async (id) => {
          const response = await signedRequest(
            stack.backendUrl,
            'GET',
            `/api/companies/${encodeURIComponent(id)}/profile`,
            undefined,
            asHubSpot,
          );
          if (response.status !== 200) expectClearRefusal(response);
          expect([200, 400, 404]).toContain(response.status);
        },
      ),
      { numRuns: fuzzRuns(500) },
    );
  });

  it('answers any extra query string with a clear 4xx or the profile, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostileString, hostileString), { maxLength: 5 }), async (pairs) => {
        const query = pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
        const response = await signedRequest(
          stack.backendUrl,
          'GET',
          `/api/companies/1001/profile${query ? `?${query}` : ''}`,
          undefined,
          asHubSpot,
        );
        if (response.status !== 200) expectClearRefusal(response);
      }),
      { numRuns: fuzzRuns(500) },
    );
  });

  it('refuses bodies that are not JSON, too large or nested absurdly deep, writing nothing', async () => {
    stack.calls.length = 0;
    const cases = [
      { body: '{"requestId": ', type: 'application/json', status: 400, code: 'MALFORMED_JSON' },
      { body: 'x'.repeat(1_100_000), type: 'application/json', status: 413, code: 'PAYLOAD_TOO_LARGE' },
      {
        body: `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
        type: 'application/json',
        status: 400,
        code: 'VALIDATION_FAILED',
      },
      { body: 'requestId=1', type: 'application/x-www-form-urlencoded', status: 400, code: 'MALFORMED_JSON' },
    ];
    for (const { body, type, status, code } of cases) {
      const response = await signedRequest(stack.backendUrl, 'PUT', '/api/companies/1001/profile', undefined, {
        ...asHubSpot,
        rawBody: body,
        contentType: type,
      });
      expect({ status: response.status, code: response.body.error?.code }).toEqual({ status, code });
    }
    expect(stack.calls.filter(isWrite)).toEqual([]);
  });
});
