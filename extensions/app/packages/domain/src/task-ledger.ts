import { parseAdvocacy } from './advocacy';
import { parseBucket } from './buckets';
import { addDays, type IsoDate, isIsoDate } from './dates';
import { type HubSpotProperties } from './profile-mapping';
import { askBuyerTask, concernsTask, followUpTask } from './plays/play-tasks';
import { PROPERTIES } from './property-catalog';
import {
  CUSTOMER_STUCK_TASK,
  healthDropTask,
  RE_RECRUIT_TASK,
  renewalTask,
  STALLED_PLAN_TASK,
  type TaskIntent,
  type TaskKind,
  type TaskTemplate,
} from './task-rules';

/**
 * What the company records about the tasks the app creates for it, per kind: the key of the last task
 * decided (`last`), and the keys decided but not yet seen in HubSpot (`pending`). A key is written to both
 * before its task is created and leaves `pending` once the task is known to exist, so a crash at any moment
 * leaves either a task that exists or a pending key that the next run checks against HubSpot's tasks.
 */
export const TASK_LEDGER: Record<TaskKind, { last: string; pending: string }> = {
  re_recruit: { last: PROPERTIES.reRecruitTaskKey.name, pending: PROPERTIES.reRecruitTaskPending.name },
  renewal: { last: PROPERTIES.renewalTaskKey.name, pending: PROPERTIES.renewalTaskPending.name },
  stalled_plan: { last: PROPERTIES.stalledPlanTaskKey.name, pending: PROPERTIES.stalledPlanTaskPending.name },
  customer_stuck: {
    last: PROPERTIES.customerStuckTaskKey.name,
    pending: PROPERTIES.customerStuckTaskPending.name,
  },
  health_drop: { last: PROPERTIES.healthDropTaskKey.name, pending: PROPERTIES.healthDropTaskPending.name },
  concerns: { last: PROPERTIES.concernsTaskKey.name, pending: PROPERTIES.concernsTaskPending.name },
  re_recruit_follow_up: { last: PROPERTIES.followUpTaskKey.name, pending: PROPERTIES.followUpTaskPending.name },
  ask_buyer: { last: PROPERTIES.askBuyerTaskKey.name, pending: PROPERTIES.askBuyerTaskPending.name },
};

export const TASK_KINDS = Object.keys(TASK_LEDGER) as TaskKind[];

/** Every ledger property, for reads. */
export const TASK_LEDGER_PROPERTIES: readonly string[] = TASK_KINDS.flatMap((kind) => [
  TASK_LEDGER[kind].last,
  TASK_LEDGER[kind].pending,
]);

/** The keys a pending property holds (space-separated: usually one, two when a period passed meanwhile). */
export const readPendingKeys = (value: string | null | undefined): string[] =>
  (value ?? '').split(' ').filter((key) => key !== '');

const pendingValue = (keys: readonly string[]) => [...new Set(keys)].join(' ');

/** The properties that record `intent` as decided: its kind's last key, and pending until its task is seen. */
export const recordIntent = (
  intent: TaskIntent,
  storedPending: readonly string[],
): { properties: Record<string, string>; pending: string[] } => {
  const ledger = TASK_LEDGER[intent.template.kind];
  const pending = [...new Set([...storedPending, intent.key])];
  return { properties: { [ledger.last]: intent.key, [ledger.pending]: pendingValue(pending) }, pending };
};

/** The pending property once every key of its kind is known to exist as a task. */
export const pendingCleared = (kind: TaskKind): Record<string, string> => ({ [TASK_LEDGER[kind].pending]: '' });

const isTaskKind = (kind: string | undefined): kind is TaskKind => kind !== undefined && kind in TASK_LEDGER;

const templateOf = (kind: TaskKind, period: string, company: HubSpotProperties, today: IsoDate): TaskTemplate => {
  switch (kind) {
    case 're_recruit':
      return RE_RECRUIT_TASK;
    case 'stalled_plan':
      return STALLED_PLAN_TASK;
    case 'customer_stuck':
      return CUSTOMER_STUCK_TASK;
    case 'renewal':
      return renewalTask(
        parseBucket(company[PROPERTIES.bucket.name]),
        parseAdvocacy(company[PROPERTIES.advocacy.name]) !== null,
      );
    case 'health_drop':
      return healthDropTask(company[PROPERTIES.healthSignal.name] ?? '');
    case 'concerns':
      return concernsTask(company[PROPERTIES.openConcerns.name] ?? '');
    case 're_recruit_follow_up':
      // Its period is the day the re-recruit started.
      return followUpTask(isIsoDate(period) ? period : today, today);
    case 'ask_buyer':
      // The buyer is looked up in contacts when the play decides; a recovered task asks the owner to find them.
      return askBuyerTask(null);
  }
};

const KEY_FORMAT = /^([a-z_]+):(\d+):(\S+)$/;

/**
 * The task a pending key stands for, to create it when a crash left it uncreated: the template of its kind
 * worded from the company as it is now (its bucket, advocacy and health signal), due as if decided today.
 */
export const intentForKey = (key: string, company: HubSpotProperties, today: IsoDate): TaskIntent | null => {
  const [, kind, companyId, period = ''] = KEY_FORMAT.exec(key) ?? [];
  if (!isTaskKind(kind) || !companyId) return null;
  const template = templateOf(kind, period, company, today);
  return { key, companyId, template, dueDate: addDays(today, template.dueInDays) };
};
