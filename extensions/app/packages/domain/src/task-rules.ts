import { type Bucket, RE_RECRUIT_BUCKET } from './buckets';
import { addDays, type IsoDate } from './dates';
import { isPlanStalled } from './plan';
import { CUSTOMER_STUCK_AFTER_DAYS, isCustomerStuck } from './signals';

export type TaskKind =
  | 're_recruit'
  | 'renewal'
  | 'stalled_plan'
  | 'customer_stuck'
  | 'health_drop'
  // The bucket plays (plays/play-tasks.ts).
  | 'concerns'
  | 're_recruit_follow_up'
  | 'ask_buyer';

/** Who receives the task: the company owner, or the success manager for re-recruiting. */
export type TaskAssignee = 'owner' | 'success_manager';

export type TaskTemplate = {
  kind: TaskKind;
  assignee: TaskAssignee;
  subject: string;
  body: string;
  priority: 'LOW' | 'MEDIUM' | 'HIGH';
  /** Days after creation the task is due. */
  dueInDays: number;
};

export const RE_RECRUIT_TASK: TaskTemplate = {
  kind: 're_recruit',
  assignee: 'success_manager',
  subject: 'Re-recruit: the customer asked "Who are you?"',
  body:
    'The customer no longer sees our value. Meet them to understand their definition of success ' +
    'and decide whether a win-win still exists: re-recruit them, or plan a graceful exit.',
  priority: 'HIGH',
  dueInDays: 3,
};

export const STALLED_PLAN_TASK: TaskTemplate = {
  kind: 'stalled_plan',
  assignee: 'owner',
  subject: 'Success plan stalled: steps are overdue',
  body:
    'Steps of the success plan are past due. Find out who is blocked (the customer or us) ' +
    'and agree on new dates with the customer.',
  priority: 'MEDIUM',
  dueInDays: 2,
};

/** Distinct from a stalled plan: here the customer, not us, has let every step of theirs slip. */
export const CUSTOMER_STUCK_TASK: TaskTemplate = {
  kind: 'customer_stuck',
  assignee: 'owner',
  subject: 'They are stuck: every step the customer owns is overdue',
  body:
    `Every open step the customer owns in the success plan is more than ${CUSTOMER_STUCK_AFTER_DAYS} days past due. ` +
    'Call them: find out what blocks them, offer help, and agree on steps they can do.',
  priority: 'HIGH',
  dueInDays: 2,
};

export const HEALTH_DROP_SUBJECT = 'Health dropped: find out what changed';
const HEALTH_DROP_BODY =
  "A save recorded a drop in this customer's health. Talk to them before it shows in the renewal.";

/** The task a save's health signal gives the owner, saying what changed and from what. */
export const healthDropTask = (whatChanged: string): TaskTemplate => ({
  kind: 'health_drop',
  assignee: 'owner',
  subject: HEALTH_DROP_SUBJECT,
  body: `${whatChanged} ${HEALTH_DROP_BODY}`,
  priority: 'HIGH',
  dueInDays: 2,
});

const RENEWAL_BODY: Record<Bucket | 'unknown', string> = {
  need_you: 'They told us "We need you". Use the renewal for an expansion conversation and ask for a reference.',
  its_ok: 'They told us "It\'s OK": they weigh alternatives. Address their concerns before they look elsewhere.',
  who_are_you: 'They told us "Who are you?". Re-recruit them around their desired outcome, or plan for their exit.',
  unknown: 'We do not know why they care yet. Ask them before the renewal conversation.',
};

const ASK_TO_ADVOCATE =
  ' Nobody has asked yet whether they would be a reference or a case study: ask, and record the answer on the card.';

/** The renewal task of a planned exit ("Who are you?", no win-win): "plan the exit" instead of "renew". */
export const PLAN_EXIT_RENEWAL_TASK: TaskTemplate = {
  kind: 'renewal',
  assignee: 'owner',
  subject: 'Renewal coming up: plan the exit',
  body:
    'No win-win was found: assume they will not renew. Plan a graceful exit with them (hand-over, their data, ' +
    'what worked), take them out of the revenue forecast, and keep the door open.',
  priority: 'HIGH',
  dueInDays: 7,
};

/**
 * The renewal task, worded by bucket. A "We need you" customer whose willingness to advocate is not
 * recorded is asked for it (`advocacyKnown: false`).
 */
const renewalTaskFor = (bucket: Bucket | null, advocacyKnown: boolean): TaskTemplate => ({
  kind: 'renewal',
  assignee: 'owner',
  subject: 'Renewal coming up: confirm why they care',
  body: RENEWAL_BODY[bucket ?? 'unknown'] + (bucket === 'need_you' && !advocacyKnown ? ASK_TO_ADVOCATE : ''),
  priority: 'HIGH',
  dueInDays: 7,
});

export const renewalTask = (bucket: Bucket | null, advocacyKnown = true, plannedExit = false): TaskTemplate =>
  plannedExit ? PLAN_EXIT_RENEWAL_TASK : renewalTaskFor(bucket, advocacyKnown);

/** company + kind + period: the identity that makes sure a task is created once, however often we run. */
export const taskKey = (kind: TaskKind, companyId: string, period: string): string => `${kind}:${companyId}:${period}`;

export type CompanyTaskFacts = {
  companyId: string;
  bucket: Bucket | null;
  renewalDate: IsoDate | null;
  planNextDue: IsoDate | null;
  customerStuckOn: IsoDate | null;
  advocacyKnown: boolean;
  /** "Who are you?" with no win-win: the renewal task plans the exit (plays/win-win.ts). */
  plannedExit?: boolean;
  lastRenewalTaskKey: string | null;
  lastStalledPlanTaskKey: string | null;
  lastCustomerStuckTaskKey: string | null;
};

export type TaskIntent = { key: string; companyId: string; template: TaskTemplate; dueDate: IsoDate };

const intent = (companyId: string, template: TaskTemplate, period: string, today: IsoDate): TaskIntent => ({
  key: taskKey(template.kind, companyId, period),
  companyId,
  template,
  dueDate: addDays(today, template.dueInDays),
});

/** A move into "Who are you?": what starts a re-recruit task, whoever creates it. */
export const entersReRecruit = (previous: Bucket | null, next: Bucket | null): boolean =>
  next === RE_RECRUIT_BUCKET && previous !== RE_RECRUIT_BUCKET;

/** The re-recruit task is due when a save moves the company into "Who are you?". */
export const reRecruitTaskFor = (input: {
  companyId: string;
  previousBucket: Bucket | null;
  nextBucket: Bucket | null;
  savedVersion: number;
  today: IsoDate;
}): TaskIntent | null =>
  entersReRecruit(input.previousBucket, input.nextBucket)
    ? intent(input.companyId, RE_RECRUIT_TASK, `v${input.savedVersion}`, input.today)
    : null;

/**
 * The re-recruit task for a move into "Who are you?" made outside the app (an edit in HubSpot, a workflow,
 * HubSpot's import), seen by a webhook: keyed by the instant of the move, which no save changed.
 */
export const reRecruitTaskForMove = (input: {
  companyId: string;
  previousBucket: Bucket | null;
  nextBucket: Bucket | null;
  movedAt: Date;
  today: IsoDate;
}): TaskIntent | null =>
  entersReRecruit(input.previousBucket, input.nextBucket)
    ? intent(input.companyId, RE_RECRUIT_TASK, `at${input.movedAt.getTime()}`, input.today)
    : null;

/**
 * The re-recruit task the scheduled run creates: for a company in "Who are you?" with no re-recruit task
 * recorded, because it was moved there outside the card (an import, a workflow, an edit in HubSpot) or the
 * task failed on save. Nothing handled that move yet, so it counts as one from no bucket, keyed by the
 * version as a save would have keyed it.
 */
export const missedReRecruitTaskFor = (
  company: { companyId: string; bucket: Bucket | null; version: number; lastReRecruitTaskKey: string | null },
  today: IsoDate,
): TaskIntent | null =>
  company.lastReRecruitTaskKey
    ? null
    : reRecruitTaskFor({
        companyId: company.companyId,
        previousBucket: null,
        nextBucket: company.bucket,
        savedVersion: company.version,
        today,
      });

export const isRenewalDue = (renewalDate: IsoDate | null, today: IsoDate, leadDays: number): boolean =>
  renewalDate !== null && renewalDate >= today && renewalDate <= addDays(today, leadDays);

/**
 * The health-drop task a save's signal calls for, keyed by the version the save stores (one per save
 * that raised it).
 */
export const healthDropTaskFor = (input: {
  companyId: string;
  whatChanged: string;
  savedVersion: number;
  today: IsoDate;
}): TaskIntent => intent(input.companyId, healthDropTask(input.whatChanged), `v${input.savedVersion}`, input.today);

/**
 * Renewal, stalled-plan and customer-stuck tasks: the ones the scheduled run creates, once per renewal
 * date, per stall and per day the customer got stuck.
 */
export const scheduledTasksFor = (company: CompanyTaskFacts, today: IsoDate, renewalLeadDays: number): TaskIntent[] => {
  const intents: TaskIntent[] = [];
  if (company.renewalDate && isRenewalDue(company.renewalDate, today, renewalLeadDays)) {
    const template = renewalTask(company.bucket, company.advocacyKnown, company.plannedExit);
    intents.push(intent(company.companyId, template, company.renewalDate, today));
  }
  if (company.planNextDue && isPlanStalled(company.planNextDue, today)) {
    intents.push(intent(company.companyId, STALLED_PLAN_TASK, company.planNextDue, today));
  }
  if (company.customerStuckOn && isCustomerStuck(company.customerStuckOn, today)) {
    intents.push(intent(company.companyId, CUSTOMER_STUCK_TASK, company.customerStuckOn, today));
  }
  const alreadyCreated = new Set([
    company.lastRenewalTaskKey,
    company.lastStalledPlanTaskKey,
    company.lastCustomerStuckTaskKey,
  ]);
  return intents.filter((candidate) => !alreadyCreated.has(candidate.key));
};
