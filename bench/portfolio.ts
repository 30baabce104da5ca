import { defaultTagOptions, portfolioAnswerSchema, portfolioSearchCount } from '@why-they-care/domain';
import { signedFetch } from '@why-they-care/hubspot-contract';

import { startLocalStack } from '../src/cli/local-stack';
import { SANDBOX_CLIENT_SECRET, SANDBOX_PORTAL_ID } from '../src/cli/sandbox-mode';
import { revenuePassCallsPerSecond } from '../src/portfolio/portfolio.service';
import { SEARCHES_PER_SECOND } from '../src/hubspot/call';
import { portfolioAccount } from './portfolio-companies';
import { type HomePageRun } from './report';

/** The counts' cost at each size: the same number of searches whatever the number of companies. */
export const PORTFOLIO_SIZES = [100, 10_000, 100_000];
/** The demo account's four owners and the default tag lists. */
const OWNERS = 4;

const startPortfolio = (companies: number, now: Date) =>
  startLocalStack({ initialState: portfolioAccount(companies, now), installApp: true });

const getPortfolio = async (backendUrl: string) => {
  const answer = await signedFetch({
    clientSecret: SANDBOX_CLIENT_SECRET,
    portalId: SANDBOX_PORTAL_ID,
    method: 'GET',
    url: `${backendUrl}/api/portfolio`,
  });
  return portfolioAnswerSchema.parse(answer.body);
};

/**
 * The home page's cost and speed, at HubSpot's search pace: the counts' HubSpot calls at 100, 10,000 and
 * 100,000 companies, the revenue pass over 10,000 companies at its real pace
 * against its bound, and the page's answers: cold (from the first request
 * until the figures are there) and warm (a request once they are).
 */
export const homePageBench = async (now: Date): Promise<HomePageRun> => {
  const options = defaultTagOptions();
  const formula = portfolioSearchCount({
    valueThemes: options.valueThemes.length,
    concerns: options.concerns.length,
    owners: OWNERS,
  });
  const countCalls: HomePageRun['countCalls'] = [];
  for (const companies of PORTFOLIO_SIZES) {
    // At HubSpot's pace: each search then meets an idle sandbox, even over 100,000 companies.
    const stack = await startPortfolio(companies, now);
    try {
      stack.calls.length = 0;
      const started = performance.now();
      const answer = await stack.backend.portfolio.countNow(SANDBOX_PORTAL_ID);
      countCalls.push({
        companies,
        counted: answer.state === 'ready' && answer.lastError === null,
        seconds: (performance.now() - started) / 1000,
        // Each search once (a 429 from search's per-second limit is retried: counted apart).
        searches: stack.calls.filter((call) => call.operation.startsWith('companies.') && call.attempt === 1).length,
        retries: stack.calls.filter((call) => call.attempt > 1).length,
        otherCalls: stack.calls.filter((call) => !call.operation.startsWith('companies.')).length,
      });
    } finally {
      await stack.stop();
    }
  }

  const stack = await startPortfolio(10_000, now);
  try {
    // The revenue pass first, alone: the page's first request would otherwise start it beside the count.
    stack.calls.length = 0;
    const passStarted = performance.now();
    const revenue = await stack.backend.portfolio.sumRevenueNow(SANDBOX_PORTAL_ID);
    const passSeconds = (performance.now() - passStarted) / 1000;
    const passCalls = stack.calls.length;
    const companiesRead = revenue?.companies ?? 0;
    const boundCalls = Math.floor(companiesRead / 200) + 1;

    const started = performance.now();
    let answer = await getPortfolio(stack.backendUrl);
    const firstAnswerMs = performance.now() - started;
    while (answer.state !== 'ready') {
      await new Promise((resolve) => setTimeout(resolve, 250));
      answer = await getPortfolio(stack.backendUrl);
    }
    const coldMs = performance.now() - started;
    const warm: number[] = [];
    for (let request = 0; request < 20; request += 1) {
      const at = performance.now();
      await getPortfolio(stack.backendUrl);
      warm.push(performance.now() - at);
    }
    return {
      formula,
      countCalls,
      coldMs,
      firstAnswerMs,
      warmMs: warm.reduce((sum, ms) => sum + ms, 0) / warm.length,
      revenue: {
        companies: companiesRead,
        calls: passCalls,
        boundCalls,
        seconds: passSeconds,
        boundSeconds: (boundCalls - 1) / revenuePassCallsPerSecond(SEARCHES_PER_SECOND),
      },
    };
  } finally {
    await stack.stop();
  }
};
