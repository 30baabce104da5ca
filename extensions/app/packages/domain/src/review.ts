import { daysBetween, type IsoDate } from './dates';

/**
 * How long an answer to "why do you care about us?" stays current. Older, the card asks the account manager
 * to ask again, and setup's "Not asked in 90 days" list holds the company for sales ops.
 */
export const REVIEW_STALE_AFTER_DAYS = 90;

/** Whole days since the last review (the stamp is an instant; a review later today counts as today). */
export const daysSinceReview = (lastReviewedAt: string, today: IsoDate): number =>
  Math.max(0, daysBetween(lastReviewedAt.slice(0, 10), today));

/** Never reviewed counts as stale: there is no answer to keep current. */
export const isReviewStale = (lastReviewedAt: string | null, today: IsoDate): boolean =>
  lastReviewedAt === null || daysSinceReview(lastReviewedAt, today) > REVIEW_STALE_AFTER_DAYS;
