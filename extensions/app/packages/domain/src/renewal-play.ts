import { type Bucket } from './buckets';
import { addDays, type IsoDate } from './dates';
import { PROPERTIES } from './property-catalog';
import { isRenewalDue, type TaskIntent } from './task-rules';

/**
 * The "It's OK" renewal play: the renewal of a customer who weighs alternatives is where the play to
 * address their concerns is won or lost. It starts when the renewal task is created for a company that is
 * "It's OK" at that moment, and the home page follows what became of it (moved up, still "It's OK", left),
 * as it does for re-recruits. When it started is one fact on the company (`wtc_renewal_play_at`), written
 * by whoever knows the task was created:
 * - direct mode: the scheduled run, in the batch update that records the renewal task's key;
 * - workflows mode: HubSpot's renewal workflow creates the task and tells nobody, so the daily pass stamps
 *   the "It's OK" companies that entered the renewal task's window since, by the same lead days.
 */
export const RENEWAL_PLAY_BUCKET: Bucket = 'its_ok';

/** The first day of the renewal cycle that ends on `renewalDate`: the day its renewal task comes due. */
export const renewalCycleStart = (renewalDate: IsoDate, leadDays: number): IsoDate => addDays(renewalDate, -leadDays);

/**
 * The earliest first day of any cycle whose renewal task is due today: a stamp older than this belongs to
 * an earlier cycle whatever the renewal date, so a search can ask for "no stamp, or one older than this".
 */
export const earliestDueCycleStart = (today: IsoDate, leadDays: number): IsoDate => addDays(today, -leadDays);

/** The stamp belongs to the cycle that ends on `renewalDate`: made on or after that cycle's first day. */
export const isStampOfCycle = (stampedOn: IsoDate | null, renewalDate: IsoDate, leadDays: number): boolean =>
  stampedOn !== null && stampedOn >= renewalCycleStart(renewalDate, leadDays);

/** The fact a started renewal play leaves on the company. */
export const renewalPlayStartFacts = (at: Date): Record<string, string> => ({
  [PROPERTIES.renewalPlayAt.name]: at.toISOString(),
});

/**
 * Direct mode: the facts recorded with a task's key. A renewal task created for an "It's OK" company
 * starts its renewal play.
 */
export const renewalPlayFactsFor = (intent: TaskIntent, bucket: Bucket | null, at: Date): Record<string, string> =>
  intent.template.kind === 'renewal' && bucket === RENEWAL_PLAY_BUCKET ? renewalPlayStartFacts(at) : {};

/**
 * Workflows mode: whether the company's renewal play starts now. It is "It's OK", its renewal date is inside
 * the renewal task's window (the renewal workflow has created the task), and no stamp of this cycle is
 * recorded yet.
 */
export const renewalPlayStartsNow = (
  company: { bucket: Bucket | null; renewalDate: IsoDate | null; renewalPlayOn: IsoDate | null },
  today: IsoDate,
  leadDays: number,
): boolean =>
  company.bucket === RENEWAL_PLAY_BUCKET &&
  company.renewalDate !== null &&
  isRenewalDue(company.renewalDate, today, leadDays) &&
  !isStampOfCycle(company.renewalPlayOn, company.renewalDate, leadDays);
