import { type PortfolioAnswer, type PortfolioFigures, type PortfolioRevenue } from '@why-they-care/domain';
import { type Logger } from 'pino';

import { type CompaniesApi } from '../hubspot/companies';
import { type OwnersApi } from '../hubspot/owners';
import { type TagOptionsSource } from '../tags/tag-options';
import { countPortfolio } from './portfolio-count';
import { sumRevenue } from './revenue-pass';

/** Counts younger than this are served as they are; older ones are served while a recount runs. */
export const PORTFOLIO_FRESH_MS = 5 * 60 * 1000;
/** The revenue pass runs at most this often. */
export const REVENUE_PASS_EVERY_MS = 60 * 60 * 1000;
/**
 * The revenue pass's share of CRM search: a quarter of what the app allows itself (one a second of the
 * default four), so the counts and the automation keep the rest.
 */
export const revenuePassCallsPerSecond = (searchesPerSecond: number) => Math.max(1, Math.floor(searchesPerSecond / 4));

export type PortfolioServiceDeps = {
  companies: CompaniesApi;
  owners: OwnersApi;
  tagOptions: TagOptionsSource;
  logger: Logger;
  renewalDateProperty: string;
  revenueProperty: string;
  now?: () => Date;
  freshForMs?: number;
  revenueEveryMs?: number;
  /** The app's CRM searches a second (HUBSPOT_SEARCHES_PER_SECOND): the pass takes a quarter. */
  searchesPerSecond: number;
};

type AccountCache = {
  figures: PortfolioFigures | null;
  revenue: PortfolioRevenue | null;
  counting: Promise<void> | null;
  countingSince: string | null;
  lastError: string | null;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The home page's figures, per account, from a cache: a request never waits for HubSpot. The first request
 * starts the count and hears "counting"; later ones get the last figures at once, and start a recount in the
 * background when they are older than `freshForMs` (stale-while-revalidate) or when asked to (refresh).
 * A failed count keeps the older figures and says why. Revenue sums come from a separate background pass,
 * at most hourly, shown with their "as of" time.
 */
export const createPortfolioService = (deps: PortfolioServiceDeps) => {
  const now = deps.now ?? (() => new Date());
  const accounts = new Map<string, AccountCache>();
  let revenueTimer: NodeJS.Timeout | null = null;
  let revenueRunning: Promise<PortfolioRevenue | null> | null = null;
  let revenueStartedAt: number | null = null;

  const cacheOf = (portalId: string): AccountCache => {
    const cached = accounts.get(portalId);
    if (cached) return cached;
    const fresh: AccountCache = { figures: null, revenue: null, counting: null, countingSince: null, lastError: null };
    accounts.set(portalId, fresh);
    return fresh;
  };

  const count = async (): Promise<PortfolioFigures> => {
    const [owners, tagOptions] = await Promise.all([deps.owners.all(), deps.tagOptions.known()]);
    return countPortfolio(
      {
        count: (filterGroups) => deps.companies.count(filterGroups),
        rows: (filterGroups, properties) => deps.companies.searchPageAfterId(filterGroups, properties, '0'),
      },
      {
        now: now(),
        tagOptions,
        owners: owners.map((owner) => ({ id: owner.id, name: owner.name })),
        renewalDateProperty: deps.renewalDateProperty,
        revenueProperty: deps.revenueProperty,
      },
    );
  };

  const recount = (cache: AccountCache): Promise<void> => {
    cache.countingSince ??= now().toISOString();
    cache.counting ??= count()
      .then(
        (figures) => {
          cache.figures = figures;
          cache.lastError = null;
        },
        (error: unknown) => {
          deps.logger.warn({ err: error }, 'the home page could not be counted');
          cache.lastError = messageOf(error);
        },
      )
      .finally(() => {
        cache.counting = null;
        cache.countingSince = null;
      });
    return cache.counting;
  };

  const answerFrom = (cache: AccountCache): PortfolioAnswer =>
    cache.figures
      ? {
          state: 'ready',
          figures: cache.figures,
          revenue: cache.revenue,
          refreshing: cache.counting !== null,
          lastError: cache.lastError,
        }
      : { state: 'counting', since: cache.countingSince ?? now().toISOString(), lastError: cache.lastError };

  const isStale = (figures: PortfolioFigures | null) =>
    !figures || now().getTime() - Date.parse(figures.countedAt) >= (deps.freshForMs ?? PORTFOLIO_FRESH_MS);

  const runRevenuePass = (portalId: string): Promise<PortfolioRevenue | null> => {
    revenueStartedAt = now().getTime();
    revenueRunning ??= sumRevenue(
      (filterGroups, properties, afterId) => deps.companies.searchPageAfterId(filterGroups, properties, afterId),
      {
        now: now(),
        revenueProperty: deps.revenueProperty,
        renewalDateProperty: deps.renewalDateProperty,
        callsPerSecond: revenuePassCallsPerSecond(deps.searchesPerSecond),
      },
    )
      .then(
        (revenue) => {
          cacheOf(portalId).revenue = revenue;
          return revenue;
        },
        (error: unknown) => {
          deps.logger.warn({ err: error }, 'the revenue pass failed; the last sums stay shown');
          return null;
        },
      )
      .finally(() => {
        revenueRunning = null;
      });
    return revenueRunning;
  };

  /** The first visit starts the first pass; the hourly timer runs the next ones (never more often). */
  const sumRevenueIfNeverSummed = (portalId: string) => {
    if (revenueStartedAt === null) void runRevenuePass(portalId);
  };

  return {
    /** The figures as cached; starts a count when there are none or they are stale. Never waits for HubSpot. */
    answer: (portalId: string): PortfolioAnswer => {
      const cache = cacheOf(portalId);
      if (isStale(cache.figures)) void recount(cache);
      sumRevenueIfNeverSummed(portalId);
      return answerFrom(cache);
    },
    /** The refresh button: a recount now (one at a time), answered at once. */
    refresh: (portalId: string): PortfolioAnswer => {
      const cache = cacheOf(portalId);
      void recount(cache);
      return answerFrom(cache);
    },
    /** Counts now and waits (benchmarks, tests, a warm-up at start). */
    countNow: async (portalId: string): Promise<PortfolioAnswer> => {
      const cache = cacheOf(portalId);
      await recount(cache);
      return answerFrom(cache);
    },
    /** One revenue pass now, or the one under way (benchmarks, tests). */
    sumRevenueNow: (portalId: string): Promise<PortfolioRevenue | null> => revenueRunning ?? runRevenuePass(portalId),
    /**
     * A serving backend: the revenue pass every hour, in the background (the first one starts with the
     * first visit of the home page, so a backend nobody looks at spends nothing on it).
     */
    start: (portalId: string) => {
      revenueTimer = setInterval(() => {
        if (revenueStartedAt !== null) void runRevenuePass(portalId);
      }, deps.revenueEveryMs ?? REVENUE_PASS_EVERY_MS);
      revenueTimer.unref();
    },
    stop: () => {
      if (revenueTimer) clearInterval(revenueTimer);
      revenueTimer = null;
    },
  };
};

export type PortfolioService = ReturnType<typeof createPortfolioService>;
