import { type Bucket, RE_RECRUIT_BUCKET } from './buckets';
import { addDays, type IsoDate } from './dates';
import { isPlanStalled } from './plan';

export type TaskKind = 're_recruit' | 'renewal' | 'stalled_plan';

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

const RENEWAL_BODY: Record<Bucket | 'unknown', string> = {
  need_you: 'They told us "We need you". Use the renewal for an expansion conversation and ask for a reference.',
  its_ok: 'They told us "It\'s OK": they weigh alternatives. Address their concerns before they look elsewhere.',
  who_are_you: 'They told us "Who are you?". Re-recruit them around their desired outcome, or plan for their exit.',
  unknown: 'We do not know why they care yet. Ask them before the renewal conversation.',
};

export const renewalTask = (bucket: Bucket | null): TaskTemplate => ({
  kind: 'renewal',
  assignee: 'owner',
  subject: 'Renewal coming up: confirm why they care',
  body: RENEWAL_BODY[bucket ?? 'unknown'],
  priority: 'HIGH',
  dueInDays: 7,
});

/** company + kind + period: the identity that makes sure a task is created once, however often we run. */
export const taskKey = (kind: TaskKind, companyId: string, period: string): string => `${kind}:${companyId}:${period}`;

export type CompanyTaskFacts = {
  companyId: string;
  bucket: Bucket | null;
  renewalDate: IsoDate | null;
  planNextDue: IsoDate | null;
  lastRenewalTaskKey: string | null;
  lastStalledPlanTaskKey: string | null;
};

export type TaskIntent = { key: string; companyId: string; template: TaskTemplate; dueDate: IsoDate };

const intent = (companyId: string, template: TaskTemplate, period: string, today: IsoDate): TaskIntent => ({
  key: taskKey(template.kind, companyId, period),
  companyId,
  template,
  dueDate: addDays(today, template.dueInDays),
});

/** The re-recruit task is due when a save moves the company into "Who are you?". */
export const reRecruitTaskFor = (input: {
  companyId: string;
  previousBucket: Bucket | null;
  nextBucket: Bucket | null;
  savedVersion: number;
  today: IsoDate;
}): TaskIntent | null =>
  input.nextBucket === RE_RECRUIT_BUCKET && input.previousBucket !== RE_RECRUIT_BUCKET
    ? intent(input.companyId, RE_RECRUIT_TASK, `v${input.savedVersion}`, input.today)
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

/** Renewal and stalled-plan tasks: the ones the scheduled run creates, once per renewal date and per stall. */
export const scheduledTasksFor = (company: CompanyTaskFacts, today: IsoDate, renewalLeadDays: number): TaskIntent[] => {
  const intents: TaskIntent[] = [];
  if (company.renewalDate && isRenewalDue(company.renewalDate, today, renewalLeadDays)) {
    intents.push(intent(company.companyId, renewalTask(company.bucket), company.renewalDate, today));
  }
  if (company.planNextDue && isPlanStalled(company.planNextDue, today)) {
    intents.push(intent(company.companyId, STALLED_PLAN_TASK, company.planNextDue, today));
  }
  const alreadyCreated = new Set([company.lastRenewalTaskKey, company.lastStalledPlanTaskKey]);
  return intents.filter((candidate) => !alreadyCreated.has(candidate.key));
};
