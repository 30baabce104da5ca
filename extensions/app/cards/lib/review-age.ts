import { daysBetween, type IsoDate } from '@why-they-care/domain';

export const STALE_REVIEW_DAYS = 90;

/** "Last reviewed by X, N days ago", and whether it is older than the 90 days sales ops track. */
export const reviewAge = (lastReviewedAt: string | null, today: IsoDate) => {
  if (!lastReviewedAt) {
    return { stale: true, text: () => 'Never reviewed: ask them why they care.' };
  }
  const days = Math.max(0, daysBetween(lastReviewedAt.slice(0, 10), today));
  const ago = days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
  const stale = days > STALE_REVIEW_DAYS;
  return {
    stale,
    text: (by: string | null) => `Last reviewed${by ? ` by ${by}` : ''}, ${ago}${stale ? ': time to ask again.' : ''}`,
  };
};
