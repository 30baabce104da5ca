import { z } from 'zod';

import { type Bucket, BUCKET_VALUES, moveDirection } from './buckets';
import { COMPANY_FACTS } from './plays/lookalikes';
import { PROPERTIES } from './property-catalog';
import { HAPPINESS_MAX, QUADRANT_VALUES } from './quadrant';
import { TAG_KINDS, type TagKind, TAGS } from './tags';

/**
 * The home page's figures: what each one means, the windows it counts over, and the answer the backend
 * sends and the page reads. How each is counted with HubSpot's search lives in the backend
 * (src/portfolio/); what a figure means lives here, once.
 */

/** A customer with no bucket yet, beside the three buckets in the mix and the renewals. */
export const NOT_ASKED = 'not_asked';
export const MIX_KEYS = [...BUCKET_VALUES, NOT_ASKED] as const;
export type MixKey = (typeof MIX_KEYS)[number];

/** HubSpot's own "Customer" lifecycle stage. */
export const CUSTOMER_LIFECYCLE_STAGE = 'customer';

/**
 * Who is a customer, once for every figure and play that counts or picks customers: the home page's
 * portfolio, the lookalikes' "all customers" and "We need you" customers (one population, so the lift
 * compares like with like), each owner's "ask one buyer a day" progress and the customers it picks from.
 * A company is a customer when it has a bucket (someone recorded why it cares) or its lifecycle stage is
 * "Customer", and it has not left (no left-on date). A company with both counts once; prospects without
 * an answer do not count.
 */
export const CUSTOMER_RULE = {
  bucketProperty: PROPERTIES.bucket.name,
  lifecycleStageProperty: COMPANY_FACTS.lifecycleStage,
  lifecycleStage: CUSTOMER_LIFECYCLE_STAGE,
  leftOnProperty: PROPERTIES.leftOn.name,
} as const;

export const PORTFOLIO_WINDOWS = {
  /** Moves of the bucket in the last 30 and in the last 90 days (by when the latest move happened). */
  moveDays: [30, 90],
  /** Renewals whose date falls in the next 90 days, today included. */
  renewalDays: 90,
  /** Plays (re-recruits, "It's OK" renewals) started in the last 180 days: long enough for one to work or fail. */
  playDays: 180,
  /** Asked in the last 90 days: the answer is recent enough to act on. */
  coverageDays: 90,
} as const;

/** "Highly profitable but only It's OK": our happiness with them at the top of the scale, theirs only neutral. */
export const AT_RISK = { bucket: 'its_ok' as Bucket, companyHappiness: HAPPINESS_MAX, rows: 50 } as const;

/** The buckets each tag list is counted in (value themes for "We need you", concerns for the others). */
export const TAG_BUCKETS: Record<TagKind, readonly Bucket[]> = {
  valueThemes: TAGS.valueThemes.buckets,
  concerns: TAGS.concerns.buckets,
};

/**
 * How many CRM searches one count of the home page takes: a formula of the buckets (B), the quadrants (Q),
 * the account's tag options (value themes T, concerns C) and its owners (O), never of its companies.
 * B + 1 (mix) + 2·B·(B−1) (moves, two windows) + Q (quadrants) + 1 (at-risk list) + 2 + 2·O (late plans)
 * + B + 1 (renewals) + 4 (re-recruit plays) + 4 ("It's OK" renewal plays) + Σ options × buckets counted (tags)
 * + 2 + 2·O (coverage).
 */
export const portfolioSearchCount = (figures: { valueThemes: number; concerns: number; owners: number }) => {
  const buckets = BUCKET_VALUES.length;
  const tags = TAG_KINDS.reduce((sum, kind) => sum + figures[kind] * TAG_BUCKETS[kind].length, 0);
  return (
    buckets +
    1 +
    PORTFOLIO_WINDOWS.moveDays.length * buckets * (buckets - 1) +
    QUADRANT_VALUES.length +
    1 +
    2 +
    2 * figures.owners +
    buckets +
    1 +
    4 +
    4 +
    tags +
    2 +
    2 * figures.owners
  );
};

const count = z.number().int().nonnegative();
const bucketSchema = z.enum(BUCKET_VALUES);
const mixKeySchema = z.enum(MIX_KEYS);
const ownerSchema = z.object({ ownerId: z.string(), name: z.string() });
const companyRowSchema = z.object({ id: z.string(), name: z.string(), ownerName: z.string(), revenue: z.number() });

export const portfolioFiguresSchema = z.object({
  /** When the counts were made (ISO instant). */
  countedAt: z.string(),
  /** The searches this count took (see portfolioSearchCount). */
  searches: count,
  mix: z.array(z.object({ bucket: mixKeySchema, companies: count })),
  moves: z.array(z.object({ days: z.number().int(), from: bucketSchema, to: bucketSchema, companies: count })),
  quadrants: z.array(z.object({ quadrant: z.enum(QUADRANT_VALUES), companies: count })),
  atRisk: z.object({ total: count, companies: z.array(companyRowSchema) }),
  /** Companies with an open step past due, by the side that owns it. */
  latePlans: z.object({
    customer: count,
    us: count,
    byOwner: z.array(ownerSchema.extend({ customer: count, us: count })),
  }),
  renewals: z.array(z.object({ bucket: mixKeySchema, companies: count })),
  reRecruit: z.object({ started: count, movedUp: count, stillWhoAreYou: count, left: count }),
  /** Of the "It's OK" renewal plays started in the window (renewal-play.ts): what became of the companies. */
  itsOkRenewal: z.object({ started: count, movedUp: count, stillItsOk: count, left: count }),
  tags: z.array(
    z.object({ kind: z.enum(TAG_KINDS), value: z.string(), label: z.string(), bucket: bucketSchema, companies: count }),
  ),
  coverage: z.object({
    asked: count,
    customers: count,
    byOwner: z.array(ownerSchema.extend({ asked: count, customers: count })),
  }),
});
export type PortfolioFigures = z.infer<typeof portfolioFiguresSchema>;

export const portfolioRevenueSchema = z.object({
  /** When the pass that summed them finished (ISO instant). */
  asOf: z.string(),
  /** The company property summed (REVENUE_PROPERTY). */
  property: z.string(),
  byBucket: z.array(z.object({ bucket: mixKeySchema, revenue: z.number() })),
  /** Revenue of "Who are you?" companies renewing in the next PORTFOLIO_WINDOWS.renewalDays days. */
  renewingWhoAreYou: z.number(),
  companies: count,
  calls: count,
});
export type PortfolioRevenue = z.infer<typeof portfolioRevenueSchema>;

export const portfolioAnswerSchema = z.discriminatedUnion('state', [
  /** Nothing counted yet for this account: the first count is under way. */
  z.object({ state: z.literal('counting'), since: z.string(), lastError: z.string().nullable() }),
  z.object({
    state: z.literal('ready'),
    figures: portfolioFiguresSchema,
    revenue: portfolioRevenueSchema.nullable(),
    /** A newer count is under way; the page may ask again for it. */
    refreshing: z.boolean(),
    /** Why the last count failed, when it did (the figures shown are older). */
    lastError: z.string().nullable(),
  }),
]);
export type PortfolioAnswer = z.infer<typeof portfolioAnswerSchema>;

/**
 * A search's `total` past 10,000 matches. HubSpot's search guide (2026-03) says paging stops at 10,000
 * results; public code that counts with `limit: 1` (dust-tt's countObjectsByProperties) treats `total` itself
 * as capped there. UNVERIFIED either way (README, unverified HubSpot details): the home page shows a count at
 * this figure as "10,000+", so a capped total is never read as exact; the sandbox counts every match.
 */
export const SEARCH_TOTAL_CAP = 10_000;

/** Moves toward "We need you" and away from it, in one window. */
export const movesSummary = (moves: PortfolioFigures['moves'], days: number) =>
  moves
    .filter((move) => move.days === days)
    .reduce(
      (sum, move) => {
        const direction = moveDirection(move.from, move.to);
        return direction ? { ...sum, [direction]: sum[direction] + move.companies } : sum;
      },
      { up: 0, down: 0 },
    );
