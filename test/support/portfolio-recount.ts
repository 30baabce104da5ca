import {
  addDays,
  AT_RISK,
  BUCKET_VALUES,
  MIX_KEYS,
  NOT_ASKED,
  type PortfolioFigures,
  type PortfolioRevenue,
  PORTFOLIO_WINDOWS,
  PROPERTIES,
  QUADRANT_VALUES,
  TAG_BUCKETS,
  TAG_KINDS,
  type TagOptions,
  toIsoDate,
} from '@why-they-care/domain';
import { type SandboxRecord } from '@why-they-care/hubspot-sandbox';

/**
 * The home page's figures recounted the slow, obvious way: every company read, each figure's meaning
 * (as the README states it) written as a plain predicate. Nothing here builds a search filter, so a count
 * that the searches get wrong cannot agree with it by construction.
 */

const DAY_MS = 86_400_000;

type Owner = { id: string; name: string };

export const recountPortfolio = (
  records: readonly SandboxRecord[],
  input: { now: Date; tagOptions: TagOptions; owners: readonly Owner[]; revenueProperty: string },
) => {
  const today = toIsoDate(input.now);
  const value = (company: SandboxRecord, name: string) => company.properties[name] ?? '';
  const bucketOf = (company: SandboxRecord) => value(company, PROPERTIES.bucket.name);
  const left = (company: SandboxRecord) => value(company, PROPERTIES.leftOn.name) !== '';
  const isCustomerStage = (company: SandboxRecord) => value(company, 'lifecyclestage') === 'customer';
  const inPortfolio = (company: SandboxRecord) =>
    !left(company) && (bucketOf(company) !== '' || isCustomerStage(company));
  const isNotAsked = (company: SandboxRecord) => !left(company) && isCustomerStage(company) && bucketOf(company) === '';
  const keyOf = (company: SandboxRecord) => bucketOf(company) || NOT_ASKED;
  const since = (company: SandboxRecord, name: string, days: number) => {
    const at = value(company, name);
    return at !== '' && Date.parse(at) >= input.now.getTime() - days * DAY_MS;
  };
  const dayIn = (company: SandboxRecord, name: string, from: string, to: string) => {
    const day = value(company, name);
    return day !== '' && day >= from && day <= to;
  };
  const lateOn = (company: SandboxRecord, name: string) =>
    !left(company) && dayIn(company, name, '0000-01-01', addDays(today, -1));
  const renewing = (company: SandboxRecord) =>
    dayIn(company, PROPERTIES.renewalDate.name, today, addDays(today, PORTFOLIO_WINDOWS.renewalDays - 1));
  const askedRecently = (company: SandboxRecord) =>
    dayIn(company, PROPERTIES.askedOn.name, addDays(today, 1 - PORTFOLIO_WINDOWS.coverageDays), '9999-12-31');
  const ownedBy = (owner: Owner) => (company: SandboxRecord) => value(company, 'hubspot_owner_id') === owner.id;
  const howMany = (...predicates: ((company: SandboxRecord) => boolean)[]) =>
    records.filter((company) => predicates.every((predicate) => predicate(company))).length;
  const playStarted = (company: SandboxRecord) =>
    since(company, PROPERTIES.reRecruitAt.name, PORTFOLIO_WINDOWS.playDays);
  const renewalPlayStarted = (company: SandboxRecord) =>
    since(company, PROPERTIES.renewalPlayAt.name, PORTFOLIO_WINDOWS.playDays);
  const revenueOf = (company: SandboxRecord) => Number(value(company, input.revenueProperty) || 0);

  const atRisk = records
    .filter(
      (company) =>
        !left(company) &&
        bucketOf(company) === AT_RISK.bucket &&
        value(company, PROPERTIES.companyHappiness.name) === String(AT_RISK.companyHappiness),
    )
    .sort((a, b) => Number(a.id) - Number(b.id));

  const figures: Omit<PortfolioFigures, 'countedAt' | 'searches' | 'atRisk'> & {
    atRisk: { total: number; revenues: number[] };
  } = {
    mix: MIX_KEYS.map((bucket) => ({
      bucket,
      companies: howMany(
        bucket === NOT_ASKED ? isNotAsked : (company) => !left(company) && bucketOf(company) === bucket,
      ),
    })),
    moves: PORTFOLIO_WINDOWS.moveDays.flatMap((days) =>
      BUCKET_VALUES.flatMap((from) =>
        BUCKET_VALUES.filter((to) => to !== from).map((to) => ({
          days,
          from,
          to,
          companies: howMany(
            (company) => value(company, PROPERTIES.previousBucket.name) === from && bucketOf(company) === to,
            (company) => since(company, PROPERTIES.bucketMovedAt.name, days),
          ),
        })),
      ),
    ),
    quadrants: QUADRANT_VALUES.map((quadrant) => ({
      quadrant,
      companies: howMany((company) => !left(company) && value(company, PROPERTIES.quadrant.name) === quadrant),
    })),
    atRisk: {
      total: atRisk.length,
      // The list shows the highest revenues among the first page (200, in id order) of the search's matches.
      revenues: atRisk
        .slice(0, 200)
        .map(revenueOf)
        .sort((a, b) => b - a)
        .slice(0, AT_RISK.rows),
    },
    latePlans: {
      customer: howMany((company) => lateOn(company, PROPERTIES.planNextDueCustomer.name)),
      us: howMany((company) => lateOn(company, PROPERTIES.planNextDueUs.name)),
      byOwner: input.owners.map((owner) => ({
        ownerId: owner.id,
        name: owner.name,
        customer: howMany(ownedBy(owner), (company) => lateOn(company, PROPERTIES.planNextDueCustomer.name)),
        us: howMany(ownedBy(owner), (company) => lateOn(company, PROPERTIES.planNextDueUs.name)),
      })),
    },
    renewals: MIX_KEYS.map((bucket) => ({
      bucket,
      companies: howMany(
        renewing,
        bucket === NOT_ASKED ? isNotAsked : (company) => !left(company) && bucketOf(company) === bucket,
      ),
    })),
    reRecruit: {
      started: howMany(playStarted),
      movedUp: howMany(playStarted, (company) => !left(company) && ['need_you', 'its_ok'].includes(bucketOf(company))),
      stillWhoAreYou: howMany(playStarted, (company) => !left(company) && bucketOf(company) === 'who_are_you'),
      left: howMany(playStarted, left),
    },
    itsOkRenewal: {
      started: howMany(renewalPlayStarted),
      movedUp: howMany(renewalPlayStarted, (company) => !left(company) && bucketOf(company) === 'need_you'),
      stillItsOk: howMany(renewalPlayStarted, (company) => !left(company) && bucketOf(company) === 'its_ok'),
      left: howMany(renewalPlayStarted, left),
    },
    tags: TAG_KINDS.flatMap((kind) =>
      input.tagOptions[kind].flatMap((option) =>
        TAG_BUCKETS[kind].map((bucket) => ({
          kind,
          ...option,
          bucket,
          companies: howMany(
            (company) => !left(company) && bucketOf(company) === bucket,
            (company) => value(company, PROPERTIES[kind].name).split(';').includes(option.value),
          ),
        })),
      ),
    ),
    coverage: {
      asked: howMany(inPortfolio, askedRecently),
      customers: howMany(inPortfolio),
      byOwner: input.owners.map((owner) => ({
        ownerId: owner.id,
        name: owner.name,
        asked: howMany(inPortfolio, askedRecently, ownedBy(owner)),
        customers: howMany(inPortfolio, ownedBy(owner)),
      })),
    },
  };

  const portfolio = records.filter(inPortfolio);
  const revenue: Pick<PortfolioRevenue, 'byBucket' | 'renewingWhoAreYou' | 'companies'> = {
    byBucket: MIX_KEYS.map((bucket) => ({
      bucket,
      revenue: portfolio
        .filter((company) => keyOf(company) === bucket)
        .reduce((sum, company) => sum + revenueOf(company), 0),
    })),
    renewingWhoAreYou: portfolio
      .filter((company) => bucketOf(company) === 'who_are_you' && renewing(company))
      .reduce((sum, company) => sum + revenueOf(company), 0),
    companies: portfolio.length,
  };
  return { figures, revenue };
};
