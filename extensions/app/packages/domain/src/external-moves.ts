import { type BucketMove, bucketMoveFacts } from './bucket-moves';
import { parseBucket } from './buckets';
import { type IsoDate } from './dates';
import { type HubSpotProperties } from './profile-mapping';
import { PROPERTIES } from './property-catalog';
import { reRecruitTaskForMove, type TaskIntent } from './task-rules';

/** What a move of the bucket made outside the app leaves to record: facts to write, and maybe a task. */
export type ExternalMoveDecision = {
  /** The facts that differ from what is stored (nothing when the move is recorded already). */
  facts: Record<string, string>;
  /** The re-recruit task the move starts, when the app creates tasks and none was started for it. */
  reRecruit: TaskIntent | null;
};

const NOTHING: ExternalMoveDecision = { facts: {}, reRecruit: null };

/** A stored instant (ISO, or epoch milliseconds as HubSpot may also return it); NaN when there is none. */
const instant = (value: string | null | undefined) =>
  !value ? Number.NaN : /^\d+$/.test(value) ? Number(value) : Date.parse(value);

/**
 * A company's latest bucket move as HubSpot holds it now, when neither the card nor an import of the app
 * made it (those record their own facts): its facts (`bucketMoveFacts`, as a card save writes them, but
 * at the instant HubSpot recorded the move), each written only when it changes; and, for a move into
 * "Who are you?" that the company is still in, its re-recruit task, unless one was started for this move
 * (its key is stored) or since (a later play: the scheduled run's, or a card save's). Decided on the stored
 * values alone, so the same move seen twice, late or out of order, decides nothing the second time.
 */
export const decideExternalMove = (input: {
  companyId: string;
  stored: HubSpotProperties;
  move: BucketMove & { byApp: boolean };
  createsTasks: boolean;
  today: IsoDate;
}): ExternalMoveDecision => {
  const { stored, move } = input;
  if (move.byApp) return NOTHING;
  const movedAt = move.at.getTime();
  // A move already recorded, or one older than the latest recorded (a save's facts are stamped a moment
  // before HubSpot's history entry of the same write).
  const recordedAt = instant(stored[PROPERTIES.bucketMovedAt.name]);
  const facts = recordedAt >= movedAt ? {} : bucketMoveFacts(move);
  const changed = Object.fromEntries(Object.entries(facts).filter(([name, value]) => (stored[name] ?? '') !== value));

  const current = parseBucket(stored[PROPERTIES.bucket.name]);
  const task =
    input.createsTasks && current === move.next
      ? reRecruitTaskForMove({
          companyId: input.companyId,
          previousBucket: move.previous,
          nextBucket: move.next,
          movedAt: move.at,
          today: input.today,
        })
      : null;
  const startedSince = instant(stored[PROPERTIES.reRecruitAt.name]) > movedAt;
  const reRecruit = task && stored[PROPERTIES.reRecruitTaskKey.name] !== task.key && !startedSince ? task : null;
  return { facts: changed, reRecruit };
};
