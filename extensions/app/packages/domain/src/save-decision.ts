import { bucketMoveFacts } from './bucket-moves';
import { parseBucket } from './buckets';
import { toIsoDate } from './dates';
import { type FieldErrors } from './field-errors';
import {
  changedProperties,
  findOversizedFields,
  type HubSpotProperties,
  isSameContent,
  profileContentProperties,
  customerStampProperties,
  profileStampProperties,
  readLastSaveId,
  readProfileDraft,
  readVersion,
} from './profile-mapping';
import { type BucketChange, type SaveProfileRequest } from './profile.schema';
import { HUBSPOT_PROPERTIES, PROPERTIES } from './property-catalog';
import { healthSignal } from './signals';
import { type TagOption, type TagOptions, unknownTags } from './tags';
import { readPendingKeys, recordIntent, TASK_LEDGER } from './task-ledger';
import { healthDropTaskFor, reRecruitTaskFor, type TaskIntent } from './task-rules';

/** The HubSpot user saving, as HubSpot's signed request names them. */
export type Actor = { email: string | null; userId: string | null };

/** Who a company's success manager is, or `known: false` while the owner's teams are not known yet. */
export type SuccessManagerLookup = { known: true; successManagerId: string | null } | { known: false };

/** The name a save is stamped with: the user's email, else their HubSpot user id. */
export const reviewerOf = (actor: Actor): string =>
  actor.email ?? (actor.userId ? `HubSpot user ${actor.userId}` : 'unknown');

/**
 * The stored success manager to write so it equals the rule's answer (the re-recruit workflow assigns
 * whoever it names): nothing when it already does, or while the answer is not known (nothing wrong is written).
 */
export const successManagerChange = (
  lookup: SuccessManagerLookup,
  stored: string | null | undefined,
): Record<string, string> =>
  lookup.known && (lookup.successManagerId ?? '') !== (stored ?? '')
    ? { [PROPERTIES.successManager.name]: lookup.successManagerId ?? '' }
    : {};

export type SaveInput = {
  companyId: string;
  /** The company's properties as read just before the save. */
  stored: HubSpotProperties;
  request: SaveProfileRequest;
  actor: Actor;
  at: Date;
  /**
   * Who is saving: the account manager through the card (the default), or the customer marking their own
   * step done through the shared plan. A customer's save is versioned like any other, so a card that loaded
   * the version before it gets a conflict instead of overwriting it, but it is no review: the review stamp,
   * and the "Not asked in 90 days" list that reads it, stay as the account manager left them.
   */
  savedBy?: 'account_manager' | 'customer';
  /**
   * The account's tag lists, when known: a tag outside them is refused before anything is written. Unknown
   * (the customer's own saves, or before the first reading), HubSpot itself checks the options.
   */
  tagOptions?: TagOptions | null;
  /**
   * The account's concern options as last read, whose labels name the open concerns (the admin may have
   * renamed one); `tagOptions.concerns` when not given, the catalog's labels when neither is known.
   */
  concernOptions?: readonly TagOption[] | null;
};

/** A save that writes: the version it stores and what it changes, before the success manager is known. */
export type SaveWrite = {
  kind: 'write';
  version: number;
  ownerId: string | null;
  /** The changed content and the save's stamp: the properties written whatever the success manager is. */
  properties: Record<string, string>;
  /** Due when the save moves the company into "Who are you?"; it needs the success manager now. */
  reRecruit: TaskIntent | null;
  /** Due when the save lowers the health enough to act on (see signals.ts); for the owner. */
  healthDrop: TaskIntent | null;
  /** The history entry the save adds when it moves the bucket. */
  bucketMove: BucketChange | null;
  storedSuccessManager: string | null;
  /** Keys of the save's kinds of task recorded but not yet confirmed, kept when the save records another. */
  storedPending: Record<'re_recruit' | 'health_drop', string[]>;
};

export type SaveDecision =
  /** The same request was stored already (a retry after a lost answer): nothing to write. */
  | { kind: 'already_saved' }
  /** Someone saved after the card loaded its version. */
  | { kind: 'conflict'; storedVersion: number; expectedVersion: number }
  /** A stored JSON list would be over HubSpot's value limit: these fields say which. */
  | { kind: 'too_large'; fields: FieldErrors }
  /** A tag is not an option of the account's lists (HubSpot would refuse the whole write). */
  | { kind: 'unknown_tags'; fields: FieldErrors }
  /** Nothing the account manager or a report can see would change: no write, no history, no workflow. */
  | { kind: 'unchanged' }
  | SaveWrite;

/**
 * What saving `request` over the stored company means, checked in this order: a retry of the save that is
 * stored, a stale version, a value HubSpot would refuse, no change; else the write (see `completeWrite`),
 * with the facts a move of the bucket leaves (`bucketMoveFacts`), each written only when it changes.
 */
export const decideSave = ({
  companyId,
  stored,
  request,
  actor,
  at,
  tagOptions,
  concernOptions = tagOptions?.concerns,
  savedBy = 'account_manager',
}: SaveInput): SaveDecision => {
  const storedVersion = readVersion(stored);
  if (storedVersion === request.expectedVersion + 1 && readLastSaveId(stored) === request.requestId) {
    return { kind: 'already_saved' };
  }
  if (storedVersion !== request.expectedVersion) {
    return { kind: 'conflict', storedVersion, expectedVersion: request.expectedVersion };
  }
  const today = toIsoDate(at);
  const content = profileContentProperties(request.profile, today, concernOptions);
  const oversized = findOversizedFields(content);
  if (Object.keys(oversized).length > 0) return { kind: 'too_large', fields: oversized };
  const unknown = tagOptions ? unknownTags(request.profile.whyTheyCare, tagOptions) : {};
  if (Object.keys(unknown).length > 0) return { kind: 'unknown_tags', fields: unknown };
  const previous = readProfileDraft(stored);
  const previousContent = profileContentProperties(previous, today, concernOptions);
  if (isSameContent(content, previousContent)) return { kind: 'unchanged' };
  // The same open concerns keep their stored wording: a label the admin renamed alone is no new set of
  // concerns, which would enroll the company in the concerns workflow again.
  const openConcerns = PROPERTIES.openConcerns.name;
  const storedOpen = stored[openConcerns]?.trim();
  if (storedOpen && content[openConcerns] === previousContent[openConcerns]) content[openConcerns] = storedOpen;

  const version = storedVersion + 1;
  const reviewedBy = reviewerOf(actor);
  const previousBucket = parseBucket(stored[PROPERTIES.bucket.name]);
  const nextBucket = request.profile.whyTheyCare.bucket;
  const stamp =
    savedBy === 'customer'
      ? customerStampProperties({ version, saveId: request.requestId })
      : profileStampProperties({ version, saveId: request.requestId, reviewedAt: at.toISOString(), reviewedBy });
  const signal = healthSignal(previous.health, request.profile.health);
  const moveFacts = bucketMoveFacts({ previous: previousBucket, next: nextBucket, at, by: reviewedBy });
  return {
    kind: 'write',
    version,
    ownerId: stored[HUBSPOT_PROPERTIES.owner] || null,
    properties: {
      ...changedProperties({ ...content, ...moveFacts }, stored),
      ...stamp,
      ...(signal ? { [PROPERTIES.healthSignal.name]: signal, [PROPERTIES.healthSignalAt.name]: at.toISOString() } : {}),
    },
    reRecruit: reRecruitTaskFor({ companyId, previousBucket, nextBucket, savedVersion: version, today }),
    healthDrop: signal ? healthDropTaskFor({ companyId, whatChanged: signal, savedVersion: version, today }) : null,
    bucketMove:
      previousBucket === nextBucket ? null : { bucket: nextBucket, changedAt: at.toISOString(), changedBy: reviewedBy },
    storedSuccessManager: stored[PROPERTIES.successManager.name] ?? null,
    storedPending: {
      re_recruit: readPendingKeys(stored[TASK_LEDGER.re_recruit.pending]),
      health_drop: readPendingKeys(stored[TASK_LEDGER.health_drop.pending]),
    },
  };
};

export type CompletedWrite = {
  /** Exactly what the save's one PATCH sends. */
  properties: Record<string, string>;
  /** The re-recruit task to create once the write is stored, and for whom; its key is recorded in `properties`. */
  reRecruitTask: { intent: TaskIntent; ownerId: string | null; successManagerId: string | null } | null;
  /** The health-drop task to create once the write is stored (for the owner); its key is recorded in `properties`. */
  healthDropTask: { intent: TaskIntent; ownerId: string | null } | null;
};

/**
 * The write, once the success manager is looked up: the stored manager follows the rule's answer, and in
 * direct mode (`createsTasks`) the re-recruit and health-drop tasks are recorded with the save, as decided and
 * pending (see TASK_LEDGER): a retry cannot create it twice, and if the backend stops before creating it, or creating it
 * fails, the next scheduled run finds it pending and creates it. With the manager unknown the task is left
 * to the scheduled run, which reads the filled-in one.
 */
export const completeWrite = (
  write: SaveWrite,
  context: { successManager: SuccessManagerLookup; createsTasks: boolean },
): CompletedWrite => {
  const { successManager } = context;
  const task =
    write.reRecruit && context.createsTasks && successManager.known
      ? { intent: write.reRecruit, ownerId: write.ownerId, successManagerId: successManager.successManagerId }
      : null;
  const healthDropTask =
    write.healthDrop && context.createsTasks ? { intent: write.healthDrop, ownerId: write.ownerId } : null;
  return {
    properties: {
      ...write.properties,
      ...successManagerChange(successManager, write.storedSuccessManager),
      ...(task ? recordIntent(task.intent, write.storedPending.re_recruit).properties : {}),
      ...(healthDropTask ? recordIntent(healthDropTask.intent, write.storedPending.health_drop).properties : {}),
    },
    reRecruitTask: task,
    healthDropTask,
  };
};
