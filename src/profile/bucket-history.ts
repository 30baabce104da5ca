import { BUCKET_VALUES, type Bucket, type BucketChange, PROPERTIES } from '@why-they-care/domain';

import { type PropertyHistoryEntry } from '../hubspot/companies';

/** Properties whose history the profile load asks for: the bucket, and who saved at each moment. */
export const BUCKET_HISTORY_PROPERTIES = [PROPERTIES.bucket.name, PROPERTIES.lastReviewedBy.name] as const;

const asBucket = (value: string): Bucket | null =>
  (BUCKET_VALUES as readonly string[]).includes(value) ? (value as Bucket) : null;

/**
 * HubSpot records the app as the source of every save, so the person comes from the reviewer stamp
 * written in the same PATCH (same timestamp). Edits made in HubSpot itself keep HubSpot's own user id.
 */
export const toBucketHistory = (history: Record<string, PropertyHistoryEntry[]>): BucketChange[] => {
  const reviewerAt = new Map(
    (history[PROPERTIES.lastReviewedBy.name] ?? []).map((entry) => [entry.timestamp, entry.value]),
  );
  return (history[PROPERTIES.bucket.name] ?? [])
    .map((entry) => ({
      bucket: asBucket(entry.value),
      changedAt: entry.timestamp,
      changedBy:
        reviewerAt.get(entry.timestamp) ??
        (entry.updatedByUserId ? `HubSpot user ${entry.updatedByUserId}` : (entry.sourceLabel ?? entry.sourceType)),
    }))
    .sort((a, b) => b.changedAt.localeCompare(a.changedAt));
};
