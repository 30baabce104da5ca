import { type Bucket } from './buckets';
import { PROPERTIES } from './property-catalog';
import { entersReRecruit } from './task-rules';

export type BucketMove = {
  /** The bucket before the move (null: the company had no answer yet). */
  previous: Bucket | null;
  /** The bucket after it (null: the answer was cleared). */
  next: Bucket | null;
  /** When it moved. */
  at: Date;
  /** Who moved it: the card's reviewer, or whoever HubSpot names for a change made elsewhere. */
  by: string;
};

/**
 * The facts a move of the bucket leaves on the company, one property each, for the home page to count
 * with searches (HubSpot's search cannot read property history). Whoever records a move calls this: the
 * card's save, and anything that learns of a move made elsewhere (a webhook, an import). Nothing when the
 * bucket did not move.
 *
 * - previous bucket (`wtc_previous_bucket`): where the company came from, empty for a first answer; with
 *   the current bucket it places the move in the home page's matrix of moves, up or down.
 * - moved at (`wtc_bucket_moved_at`): the instant of the move; the matrix counts moves in the last 30 and
 *   90 days by it. Only the latest move is kept: a company moved twice counts once, by its latest move.
 * - moved by (`wtc_bucket_moved_by`): who made the move.
 * - re-recruit at (`wtc_re_recruit_at`): set only by a move into "Who are you?", which is what starts a
 *   re-recruit task (created by the backend in direct mode, by the re-recruit workflow otherwise). It stays
 *   through later moves, so "what became of the company since" is simply its bucket now (and whether it
 *   left): the home page counts the companies that moved up, are still "Who are you?", or left.
 */
export const bucketMoveFacts = (move: BucketMove): Record<string, string> => {
  if (move.previous === move.next) return {};
  const at = move.at.toISOString();
  return {
    [PROPERTIES.previousBucket.name]: move.previous ?? '',
    [PROPERTIES.bucketMovedAt.name]: at,
    [PROPERTIES.bucketMovedBy.name]: move.by,
    ...(entersReRecruit(move.previous, move.next) ? reRecruitStartFacts(move.at) : {}),
  };
};

/**
 * When a re-recruit play starts without a recorded move: the scheduled run (direct mode) creating the task
 * for a company moved to "Who are you?" where nothing recorded the move.
 */
export const reRecruitStartFacts = (at: Date): Record<string, string> => ({
  [PROPERTIES.reRecruitAt.name]: at.toISOString(),
});
