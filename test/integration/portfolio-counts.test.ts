import { defaultTagOptions, movesSummary, portfolioAnswerSchema, portfolioSearchCount } from '@why-they-care/domain';
import { type SandboxState } from '@why-they-care/hubspot-sandbox';

import { portfolioAccount } from '../../bench/portfolio-companies';
import { startLocalStack } from '../../src/cli/local-stack';
import { SANDBOX_PORTAL_ID } from '../../src/cli/sandbox-mode';
import { CLIENT_SECRET, PUBLIC_BASE_URL } from '../support/env';
import { recountPortfolio } from '../support/portfolio-recount';
import { signedRequest } from '../support/signed';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const COMPANIES = 10_000;
const OWNERS = [
  { id: '501', name: 'Maria Manager' },
  { id: '502', name: 'Eli Enterprise' },
  { id: '503', name: 'Gus Growth' },
  { id: '504', name: 'Greta Lead' },
];

/**
 * The app installed on `initialState`, search limits lifted on both sides: these tests are about what is
 * counted, the bench about how fast. With no limit, every search of a count is sent at once and the sandbox
 * answers them one after the other: the timeout covers the last one on a busy machine.
 */
const startStack = (initialState?: SandboxState) =>
  startLocalStack({
    env: { HUBSPOT_CLIENT_SECRET: CLIENT_SECRET, PUBLIC_BASE_URL, HUBSPOT_TIMEOUT_MS: '60000' },
    now: () => NOW,
    installApp: true,
    searchesPerSecond: 10_000,
    ...(initialState ? { initialState } : {}),
  });

// 10,000 companies are searched about a hundred times: seconds on an idle machine, more on a busy one.
jest.setTimeout(90_000);

describe('the home page over 10,000 companies with a known history', () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  const state = portfolioAccount(COMPANIES, NOW);
  const records = Object.values(state.companies);

  beforeAll(async () => {
    stack = await startStack(state);
  });
  afterAll(() => stack.stop());

  it('counts every figure as a brute-force recount does, with searches that depend on options and owners only', async () => {
    stack.calls.length = 0;
    const answer = await stack.backend.portfolio.countNow(SANDBOX_PORTAL_ID);
    if (answer.state !== 'ready') throw new Error(`not counted: ${answer.lastError}`);
    const { figures } = answer;
    const expected = recountPortfolio(records, {
      now: NOW,
      tagOptions: defaultTagOptions(),
      owners: OWNERS,
      revenueProperty: 'total_revenue',
    });

    expect(figures.mix).toEqual(expected.figures.mix);
    expect(figures.moves).toEqual(expected.figures.moves);
    expect(figures.quadrants).toEqual(expected.figures.quadrants);
    expect(figures.latePlans).toEqual(expected.figures.latePlans);
    expect(figures.renewals).toEqual(expected.figures.renewals);
    expect(figures.reRecruit).toEqual(expected.figures.reRecruit);
    expect(figures.itsOkRenewal).toEqual(expected.figures.itsOkRenewal);
    expect(figures.tags).toEqual(expected.figures.tags);
    expect(figures.coverage).toEqual(expected.figures.coverage);
    expect(figures.atRisk.total).toBe(expected.figures.atRisk.total);
    expect(figures.atRisk.companies.map((row) => row.revenue)).toEqual(expected.figures.atRisk.revenues);

    // The history is varied enough that no figure is trivially zero.
    for (const row of [...figures.mix, ...figures.moves, ...figures.quadrants, ...figures.tags]) {
      expect(row.companies).toBeGreaterThan(0);
    }
    expect(Object.values(figures.reRecruit).every((count) => count > 0)).toBe(true);
    expect(Object.values(figures.itsOkRenewal).every((count) => count > 0)).toBe(true);

    const options = defaultTagOptions();
    const formula = portfolioSearchCount({
      valueThemes: options.valueThemes.length,
      concerns: options.concerns.length,
      owners: OWNERS.length,
    });
    expect(figures.searches).toBe(formula);
    expect(stack.calls.filter((call) => call.operation.startsWith('companies.'))).toHaveLength(formula);
    expect(stack.calls.filter((call) => call.operation === 'owners.list')).toHaveLength(1);
  });

  it('sums revenue per bucket in one pass of 200 companies a call', async () => {
    stack.calls.length = 0;
    const revenue = await stack.backend.portfolio.sumRevenueNow(SANDBOX_PORTAL_ID);
    const expected = recountPortfolio(records, {
      now: NOW,
      tagOptions: defaultTagOptions(),
      owners: OWNERS,
      revenueProperty: 'total_revenue',
    });
    expect(revenue).toMatchObject({ ...expected.revenue, asOf: NOW.toISOString(), property: 'total_revenue' });
    const calls = Math.floor(expected.revenue.companies / 200) + 1;
    expect(revenue?.calls).toBe(calls);
    expect(stack.calls).toHaveLength(calls);
  });
});

describe('GET /api/portfolio', () => {
  it('answers "counting" at once on a cold start, then the figures; refresh recounts in the background', async () => {
    const stack = await startStack();
    try {
      const first = await signedRequest(stack.backendUrl, 'GET', '/api/portfolio', undefined, {
        portalId: SANDBOX_PORTAL_ID,
      });
      expect(first.status).toBe(200);
      expect(portfolioAnswerSchema.parse(first.body).state).toBe('counting');

      await stack.backend.portfolio.countNow(SANDBOX_PORTAL_ID);
      const ready = portfolioAnswerSchema.parse(
        (await signedRequest(stack.backendUrl, 'GET', '/api/portfolio', undefined, { portalId: SANDBOX_PORTAL_ID }))
          .body,
      );
      expect(ready).toMatchObject({ state: 'ready', refreshing: false, lastError: null });
      // The demo account's story (src/cli/demo-account.ts), as npm start shows it.
      if (ready.state !== 'ready') throw new Error('not ready');
      expect(movesSummary(ready.figures.moves, 30)).toEqual({ up: 1, down: 2 });
      expect(movesSummary(ready.figures.moves, 90)).toEqual({ up: 3, down: 3 });
      expect(ready.figures.reRecruit).toEqual({ started: 4, movedUp: 1, stillWhoAreYou: 2, left: 1 });
      // Birch and Lumen moved up, Delta and Fjord still "It's OK", Granite moved down, Iris left.
      expect(ready.figures.itsOkRenewal).toEqual({ started: 6, movedUp: 2, stillItsOk: 2, left: 1 });
      expect(ready.figures.atRisk.companies.map((company) => company.name)).toEqual(['Delta Foods']);
      expect(ready.figures.mix.find((row) => row.bucket === 'not_asked')?.companies).toBe(1);

      const refreshed = portfolioAnswerSchema.parse(
        (
          await signedRequest(stack.backendUrl, 'POST', '/api/portfolio/refresh', undefined, {
            portalId: SANDBOX_PORTAL_ID,
          })
        ).body,
      );
      expect(refreshed).toMatchObject({ state: 'ready', refreshing: true });
    } finally {
      await stack.stop();
    }
  });

  it("is refused without HubSpot's signature", async () => {
    const stack = await startStack();
    try {
      const response = await fetch(`${stack.backendUrl}/api/portfolio?portalId=${SANDBOX_PORTAL_ID}`);
      expect(response.status).toBe(401);
    } finally {
      await stack.stop();
    }
  });
});
