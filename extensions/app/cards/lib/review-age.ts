import { daysSinceReview, type IsoDate, isReviewStale } from '@why-they-care/domain';

/** "Last reviewed by X, N days ago", and whether it is older than the domain's staleness limit. */
export const reviewAge = (lastReviewedAt: string | null, today: IsoDate) => {
  if (!lastReviewedAt) {
    return { stale: true, text: () => 'Never reviewed: ask them why they care.' };
  }
  const days = daysSinceReview(lastReviewedAt, today);
  const ago = days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
  const stale = isReviewStale(lastReviewedAt, today);
  return {
    stale,
    text: (by: string | null) => `Last reviewed${by ? ` by ${by}` : ''}, ${ago}${stale ? ': time to ask again.' : ''}`,
  };
};
