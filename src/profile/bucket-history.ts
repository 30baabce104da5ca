import { type BucketChange, type BucketMove, parseBucket, PROPERTIES } from '@why-they-care/domain';

import { type PropertyHistoryEntry } from '../hubspot/companies';

/** Properties whose history the profile load asks for: the bucket, who saved, and when the card saved. */
export const BUCKET_HISTORY_PROPERTIES = [
  PROPERTIES.bucket.name,
  PROPERTIES.lastReviewedBy.name,
  PROPERTIES.version.name,
] as const;

const at = (entry: PropertyHistoryEntry) => Date.parse(entry.timestamp);

const newestFirst = (entries: PropertyHistoryEntry[] = []) => [...entries].sort((a, b) => at(b) - at(a));

/**
 * The bucket moves, newest first, with who made each. HubSpot names the app as the source of every save,
 * so the person comes from the save's own stamp: every save through the card changes the version, so a
 * bucket entry at the time of a version entry is the card's, and its mover is the reviewer stamp as of
 * that time. "As of" is the reviewer's latest entry at or before it, not one at the same instant, because
 * HubSpot may record no entry when the same person saves twice (the value did not change); this is right
 * whether it does or not. Any other change keeps HubSpot's own user (an edit in HubSpot) or its source.
 * A repeated value is not a move, whatever HubSpot recorded.
 */
export const toBucketHistory = (history: Record<string, PropertyHistoryEntry[]>): BucketChange[] => {
  const cardSaves = new Set((history[PROPERTIES.version.name] ?? []).map(at));
  const reviewers = newestFirst(history[PROPERTIES.lastReviewedBy.name]);
  const reviewerAsOf = (time: number) => reviewers.find((entry) => at(entry) <= time)?.value;
  const bucketEntries = newestFirst(history[PROPERTIES.bucket.name]);
  return bucketEntries
    .filter((entry, index) => entry.value !== bucketEntries[index + 1]?.value)
    .map((entry) => ({
      bucket: parseBucket(entry.value),
      changedAt: entry.timestamp,
      changedBy:
        (cardSaves.has(at(entry)) ? reviewerAsOf(at(entry)) : undefined) ??
        (entry.updatedByUserId ? `HubSpot user ${entry.updatedByUserId}` : (entry.sourceLabel ?? entry.sourceType)),
    }));
};

/** The latest move of the bucket as HubSpot's history has it, and whether a save of the app made it. */
export type LatestBucketMove = BucketMove & { byApp: boolean };

/**
 * The company's latest bucket move, or null when the history holds none. A move made by a save of the app
 * (the card, an import: each stores a new version in the same write) is `byApp`: that save recorded its
 * own facts. Anything else was made outside the app (an edit in HubSpot, a workflow, HubSpot's import).
 */
export const latestBucketMove = (history: Record<string, PropertyHistoryEntry[]>): LatestBucketMove | null => {
  const [latest, before] = toBucketHistory(history);
  if (!latest) return null;
  const appSaves = new Set((history[PROPERTIES.version.name] ?? []).map(at));
  const movedAt = Date.parse(latest.changedAt);
  return {
    previous: before?.bucket ?? null,
    next: latest.bucket,
    at: new Date(movedAt),
    by: latest.changedBy ?? 'HubSpot',
    byApp: appSaves.has(movedAt),
  };
};
