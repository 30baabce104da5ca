import {
  addDays,
  ASK_BUYER_RULES,
  HUBSPOT_PROPERTIES,
  type IsoDate,
  type OwnerProgress,
  type PlaysOverview,
  type PlaySwitches,
  PROPERTIES,
} from '@why-they-care/domain';
import { searchDateValue } from '@why-they-care/hubspot-contract';

import { type CompaniesApi } from '../hubspot/companies';
import { type OwnersApi } from '../hubspot/owners';
import { portfolio } from '../portfolio/portfolio-filters';
import { type Lookalikes } from './lookalikes';

/** Asked again at most this often: each answer costs searches. */
export const OVERVIEW_TTL_MS = 10 * 60 * 1000;

/**
 * What the home page shows of the plays. Each owner's progress costs two search totals (their customers, as
 * the home page counts them, and those asked in 90 days) after one owners listing; the answer is kept 10 minutes.
 */
export const createPlaysOverview = (deps: {
  companies: CompaniesApi;
  owners: OwnersApi;
  lookalikes: Lookalikes;
  plays: PlaySwitches;
  now: () => Date;
}) => {
  const progress = async (today: IsoDate): Promise<OwnerProgress[]> => {
    const since = searchDateValue(addDays(today, 1 - ASK_BUYER_RULES.askedWithinDays));
    const rows: OwnerProgress[] = [];
    for (const owner of await deps.owners.all()) {
      const owned = { propertyName: HUBSPOT_PROPERTIES.owner, operator: 'EQ', value: owner.id } as const;
      const customers = await deps.companies.count(portfolio(owned));
      if (!customers) continue;
      const askedIn90Days = await deps.companies.count(
        portfolio(owned, { propertyName: PROPERTIES.askedOn.name, operator: 'GTE', value: since }),
      );
      rows.push({ ownerId: owner.id, name: owner.name, email: owner.email, customers, askedIn90Days });
    }
    return rows;
  };

  let cached: { at: number; overview: Promise<PlaysOverview> } | null = null;
  const build = async (): Promise<PlaysOverview> => ({
    plays: deps.plays,
    lookalikes: deps.plays.lookalikes ? await deps.lookalikes.report() : null,
    askBuyer: deps.plays.ask_buyer ? await progress(deps.now().toISOString().slice(0, 10)) : null,
  });
  /** `fresh`: the home page's Refresh, which asks again whatever the age of the last answer. */
  return ({ fresh = false }: { fresh?: boolean } = {}): Promise<PlaysOverview> => {
    const at = deps.now().getTime();
    if (fresh || !cached || at - cached.at > OVERVIEW_TTL_MS) {
      const overview = build();
      cached = { at, overview };
      // A failed answer is not kept: the next request asks again.
      overview.catch(() => (cached = null));
    }
    return cached.overview;
  };
};

export type PlaysOverviewSource = ReturnType<typeof createPlaysOverview>;
