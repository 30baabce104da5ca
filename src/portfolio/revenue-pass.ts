import {
  addDays,
  type MixKey,
  MIX_KEYS,
  NOT_ASKED,
  parseBucket,
  parseHubSpotDate,
  type PortfolioRevenue,
  PORTFOLIO_WINDOWS,
  PROPERTIES,
  RE_RECRUIT_BUCKET,
  toIsoDate,
} from '@why-they-care/domain';

import { SEARCH_LIMITS } from '@why-they-care/hubspot-contract';

import { type CompanyValues } from '../hubspot/companies';
import { createRollingWindow } from '../hubspot/rolling-window';
import { type FilterGroups, portfolio } from './portfolio-filters';

/** What the pass needs from HubSpot: one page of the portfolio after a company id, in id order. */
export type RevenuePages = (
  filterGroups: FilterGroups,
  properties: readonly string[],
  afterId: string,
) => Promise<{ companies: CompanyValues[] }>;

export type RevenuePassInput = {
  now: Date;
  revenueProperty: string;
  renewalDateProperty: string;
  /**
   * The pass's own share of CRM search, per second. Its calls also go through the app's budget, so this
   * cap is what keeps a long pass from filling it: saves never search, and wait behind at most this many
   * of the pass's calls per second.
   */
  callsPerSecond: number;
};

/**
 * HubSpot's search cannot sum: the revenue per bucket is added up by reading the whole portfolio, 200
 * companies a call (floor(portfolio / 200) + 1 calls), at most
 * `callsPerSecond`. A company with no value in the revenue property adds nothing.
 */
export const sumRevenue = async (pages: RevenuePages, input: RevenuePassInput): Promise<PortfolioRevenue> => {
  const gate = createRollingWindow(input.callsPerSecond, 1_000);
  const today = toIsoDate(input.now);
  const lastRenewalDay = addDays(today, PORTFOLIO_WINDOWS.renewalDays - 1);
  const byBucket = new Map<MixKey, number>(MIX_KEYS.map((key) => [key, 0]));
  let renewingWhoAreYou = 0;
  let companies = 0;
  let calls = 0;
  let afterId = '0';
  const properties = [PROPERTIES.bucket.name, input.revenueProperty, input.renewalDateProperty];
  for (;;) {
    calls += 1;
    const page = await gate(() => pages(portfolio(), properties, afterId));
    for (const company of page.companies) {
      const revenue = Number(company.properties[input.revenueProperty] || 0);
      const bucket = parseBucket(company.properties[PROPERTIES.bucket.name]);
      const key: MixKey = bucket ?? NOT_ASKED;
      companies += 1;
      if (!Number.isFinite(revenue)) continue;
      byBucket.set(key, (byBucket.get(key) ?? 0) + revenue);
      const renewal = parseHubSpotDate(company.properties[input.renewalDateProperty]);
      if (bucket === RE_RECRUIT_BUCKET && renewal && renewal >= today && renewal <= lastRenewalDay) {
        renewingWhoAreYou += revenue;
      }
    }
    const last = page.companies.at(-1);
    if (!last || page.companies.length < SEARCH_LIMITS.pageSize) break;
    afterId = last.id;
  }
  return {
    asOf: input.now.toISOString(),
    property: input.revenueProperty,
    byBucket: MIX_KEYS.map((bucket) => ({ bucket, revenue: byBucket.get(bucket) ?? 0 })),
    renewingWhoAreYou,
    companies,
    calls,
  };
};
