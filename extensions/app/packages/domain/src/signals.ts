import { addDays, type IsoDate } from './dates';
import { type PlanStepFacts } from './plan';
import { deriveQuadrant, HAPPINESS_LABELS, type HealthScores, quadrantInfo } from './quadrant';

/** A fall this big in the customer's happiness, in one save, is a signal to act on. */
export const HAPPINESS_DROP_SIGNAL = 2;

/** Days every open customer step must be past due before the customer counts as stuck. */
export const CUSTOMER_STUCK_AFTER_DAYS = 14;

const scoreText = (score: number) => HAPPINESS_LABELS[score] ?? String(score);

/**
 * What a save changed in the company's health that the owner must hear about, in words that say what it
 * was: customer happiness down by two or more, or a move out of "Customer success" into a "Work to keep"
 * or "Let go" quadrant. Null when neither happened (or a side was not scored before and after).
 */
export const healthSignal = (previous: HealthScores, next: HealthScores): string | null => {
  const changes: string[] = [];
  if (
    previous.customerHappiness !== null &&
    next.customerHappiness !== null &&
    previous.customerHappiness - next.customerHappiness >= HAPPINESS_DROP_SIGNAL
  ) {
    changes.push(
      `Customer happiness fell from ${scoreText(previous.customerHappiness)} to ${scoreText(next.customerHappiness)}.`,
    );
  }
  const before = deriveQuadrant(previous);
  const after = deriveQuadrant(next);
  if (before === 'customer_success' && after !== null && after !== 'customer_success') {
    changes.push(`The health quadrant moved from ${quadrantInfo(before).label} to ${quadrantInfo(after).label}.`);
  }
  return changes.length ? changes.join(' ') : null;
};

/**
 * The day the customer counts as stuck: when every open step they own is past due by
 * CUSTOMER_STUCK_AFTER_DAYS, that is the latest of their due dates plus those days. Stuck from the day
 * after (as a stalled plan is from the day after its next due date). Null when they own no open step, or
 * one of them has no date (it cannot be overdue). Our own overdue steps play no part: that is a stalled plan.
 */
export const customerStuckOn = (steps: readonly PlanStepFacts[]): IsoDate | null => {
  const theirs = steps.filter((step) => step.ownerSide === 'customer' && step.status !== 'done');
  if (theirs.length === 0 || theirs.some((step) => step.dueDate === null)) return null;
  const latest = theirs.map((step) => step.dueDate ?? '').sort()[theirs.length - 1] ?? null;
  return latest === null ? null : addDays(latest, CUSTOMER_STUCK_AFTER_DAYS);
};

export const isCustomerStuck = (stuckOn: IsoDate | null, today: IsoDate): boolean =>
  stuckOn !== null && stuckOn < today;
