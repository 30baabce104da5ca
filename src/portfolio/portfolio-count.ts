import {
  addDays,
  AT_RISK,
  type Bucket,
  BUCKET_VALUES,
  type IsoDate,
  MIX_KEYS,
  NOT_ASKED,
  type PortfolioFigures,
  PORTFOLIO_WINDOWS,
  PROPERTIES,
  QUADRANT_VALUES,
  RE_RECRUIT_BUCKET,
  RENEWAL_PLAY_BUCKET,
  TAG_BUCKETS,
  TAG_KINDS,
  type TagOptions,
  toIsoDate,
} from '@why-they-care/domain';
import { hasOptionFilter } from '@why-they-care/hubspot-contract';

import { type CompanyValues } from '../hubspot/companies';
import {
  before,
  daysFromTo,
  eq,
  epochMsOfDay,
  type FilterGroups,
  firstDayOfLast,
  hasValue,
  inBucket,
  isIn,
  notAsked,
  onOrAfter,
  OWNER_PROPERTY,
  portfolio,
  stillCustomer,
} from './portfolio-filters';

/** What counting needs from HubSpot: one search's total, and one search's total with its first page of rows. */
export type PortfolioSearches = {
  count: (filterGroups: FilterGroups) => Promise<number>;
  rows: (
    filterGroups: FilterGroups,
    properties: readonly string[],
  ) => Promise<{ total: number; companies: CompanyValues[] }>;
};

export type PortfolioOwner = { id: string; name: string };

export type CountInput = {
  now: Date;
  /** The account's tag lists (null while unknown: no tag is counted). */
  tagOptions: TagOptions | null;
  owners: readonly PortfolioOwner[];
  renewalDateProperty: string;
  revenueProperty: string;
};

const DAY_MS = 86_400_000;
const instantDaysAgo = (now: Date, days: number): string => String(now.getTime() - days * DAY_MS);

/**
 * Every figure of the home page, each the total of one CRM search (the at-risk list's search also gives
 * its rows): the number of searches depends on the buckets, options and owners only (portfolioSearchCount),
 * never on the number of companies. The searches are all started at once; the HubSpot caller spaces
 * them within CRM search's per-second limit.
 */
export const countPortfolio = async (searches: PortfolioSearches, input: CountInput): Promise<PortfolioFigures> => {
  const today: IsoDate = toIsoDate(input.now);
  let made = 0;
  const count = (filterGroups: FilterGroups) => {
    made += 1;
    return searches.count(filterGroups);
  };
  const ownerIs = (owner: PortfolioOwner) => eq(OWNER_PROPERTY, owner.id);
  const lateCustomer = before(PROPERTIES.planNextDueCustomer.name, epochMsOfDay(today));
  const lateUs = before(PROPERTIES.planNextDueUs.name, epochMsOfDay(today));
  const askedRecently = onOrAfter(
    PROPERTIES.askedOn.name,
    epochMsOfDay(firstDayOfLast(today, PORTFOLIO_WINDOWS.coverageDays)),
  );
  const renewing = daysFromTo(input.renewalDateProperty, today, addDays(today, PORTFOLIO_WINDOWS.renewalDays - 1));
  /**
   * What became of the companies whose play started (`startedAt`) in the window: four searches, those it
   * started for, then those now in a better bucket, still in the play's bucket (both still customers), and gone.
   */
  const playOutcomes = async (startedAt: string, bucket: Bucket) => {
    const started = onOrAfter(startedAt, instantDaysAgo(input.now, PORTFOLIO_WINDOWS.playDays));
    const [all, movedUp, stillInBucket, left] = await Promise.all([
      count([[started]]),
      count([[started, isIn(PROPERTIES.bucket.name, bucketsAbove(bucket)), stillCustomer]]),
      count([[started, inBucket(bucket), stillCustomer]]),
      count([[started, hasValue(PROPERTIES.leftOn.name)]]),
    ]);
    return { started: all, movedUp, stillInBucket, left };
  };
  const bucketPairs = BUCKET_VALUES.flatMap((from) =>
    BUCKET_VALUES.filter((to) => to !== from).map((to) => ({ from, to })),
  );
  const tagCells = input.tagOptions
    ? TAG_KINDS.flatMap((kind) =>
        (input.tagOptions?.[kind] ?? []).flatMap((option) =>
          TAG_BUCKETS[kind].map((bucket) => ({ kind, ...option, bucket })),
        ),
      )
    : [];
  const atRiskRows = searches.rows(
    [[inBucket(AT_RISK.bucket), eq(PROPERTIES.companyHappiness.name, String(AT_RISK.companyHappiness)), stillCustomer]],
    ['name', OWNER_PROPERTY, input.revenueProperty],
  );
  made += 1;

  const [mix, moves, quadrants, atRisk, latePlans, renewals, reRecruit, itsOkRenewal, tags, coverage] =
    await Promise.all([
      Promise.all(
        MIX_KEYS.map(async (key) => ({
          bucket: key,
          companies: await count(key === NOT_ASKED ? notAsked() : [[inBucket(key), stillCustomer]]),
        })),
      ),
      Promise.all(
        PORTFOLIO_WINDOWS.moveDays.flatMap((days) =>
          bucketPairs.map(async ({ from, to }) => ({
            days,
            from,
            to,
            companies: await count([
              [
                eq(PROPERTIES.previousBucket.name, from),
                inBucket(to),
                onOrAfter(PROPERTIES.bucketMovedAt.name, instantDaysAgo(input.now, days)),
              ],
            ]),
          })),
        ),
      ),
      Promise.all(
        QUADRANT_VALUES.map(async (quadrant) => ({
          quadrant,
          companies: await count([[eq(PROPERTIES.quadrant.name, quadrant), stillCustomer]]),
        })),
      ),
      atRiskRows,
      Promise.all([
        count([[lateCustomer, stillCustomer]]),
        count([[lateUs, stillCustomer]]),
        Promise.all(
          input.owners.map(async (owner) => ({
            ownerId: owner.id,
            name: owner.name,
            customer: await count([[lateCustomer, stillCustomer, ownerIs(owner)]]),
            us: await count([[lateUs, stillCustomer, ownerIs(owner)]]),
          })),
        ),
      ]),
      Promise.all(
        MIX_KEYS.map(async (key) => ({
          bucket: key,
          companies: await count(key === NOT_ASKED ? notAsked(renewing) : [[inBucket(key), stillCustomer, renewing]]),
        })),
      ),
      playOutcomes(PROPERTIES.reRecruitAt.name, RE_RECRUIT_BUCKET),
      playOutcomes(PROPERTIES.renewalPlayAt.name, RENEWAL_PLAY_BUCKET),
      Promise.all(
        tagCells.map(async (cell) => ({
          ...cell,
          companies: await count([
            [hasOptionFilter(PROPERTIES[cell.kind].name, cell.value), inBucket(cell.bucket), stillCustomer],
          ]),
        })),
      ),
      Promise.all([
        count(portfolio(askedRecently)),
        count(portfolio()),
        Promise.all(
          input.owners.map(async (owner) => ({
            ownerId: owner.id,
            name: owner.name,
            asked: await count(portfolio(askedRecently, ownerIs(owner))),
            customers: await count(portfolio(ownerIs(owner))),
          })),
        ),
      ]),
    ]);

  const ownerName = new Map(input.owners.map((owner) => [owner.id, owner.name]));
  return {
    countedAt: input.now.toISOString(),
    searches: made,
    mix,
    moves,
    quadrants,
    atRisk: {
      total: atRisk.total,
      companies: atRisk.companies
        .map(({ id, properties }) => ({
          id,
          name: properties.name || `Company ${id}`,
          ownerName: ownerName.get(properties[OWNER_PROPERTY] ?? '') ?? '',
          revenue: Number(properties[input.revenueProperty] || 0),
        }))
        .sort((a, b) => b.revenue - a.revenue)
        .slice(0, AT_RISK.rows),
    },
    latePlans: { customer: latePlans[0], us: latePlans[1], byOwner: latePlans[2] },
    renewals,
    reRecruit: {
      started: reRecruit.started,
      movedUp: reRecruit.movedUp,
      stillWhoAreYou: reRecruit.stillInBucket,
      left: reRecruit.left,
    },
    itsOkRenewal: {
      started: itsOkRenewal.started,
      movedUp: itsOkRenewal.movedUp,
      stillItsOk: itsOkRenewal.stillInBucket,
      left: itsOkRenewal.left,
    },
    tags,
    coverage: { asked: coverage[0], customers: coverage[1], byOwner: coverage[2] },
  };
};

/** The buckets better than `bucket` (BUCKETS is listed best first). */
const bucketsAbove = (bucket: Bucket): Bucket[] => BUCKET_VALUES.slice(0, BUCKET_VALUES.indexOf(bucket));
