import {
  ACTION_TYPE,
  dayOf,
  dayPlus,
  fillEnrolledObjectTokens,
  LIST_BASED,
  MINUTES_PER_DAY,
  newTaskProperties,
  readCreateTaskAction,
  readDelayUntilDateAction,
  readPropertyChangeTrigger,
  runnableFlowSchema,
  TASK_TIME_OF_DAY,
  taskDueAt,
} from '@why-they-care/hubspot-contract';
import { decodeHTML } from 'entities';

import { matchesBranch, matchesPropertyFilter, UnsupportedFilter } from './filter-branch';
import { storeTask } from './routes/tasks';
import { type SandboxStore } from './store';

/**
 * The sandbox's stand-in for HubSpot's workflow engine, for the flows the app installs: list-based
 * enrollment (once when a record first meets the criteria; again, if the flow re-enrolls, when a
 * re-enrollment trigger fires while it meets them and is not enrolled; unenrollment when it no longer
 * meets them), "delay until a date property (+ delta)" and "create task". Flows, triggers and actions are
 * read through the contract's readers, as setup writes them. It runs after every company write and
 * whenever asked with a date, so workflows mode can be tried without HubSpot.
 */

/** `seen`: the values of the properties the flow's triggers watch, at the last evaluation. */
export type Enrollment = {
  matching: boolean;
  enrolledOnce: boolean;
  waitingAt: string | null;
  seen?: Record<string, string>;
};

/** A re-enrollment trigger in HubSpot's property-change form: which property changed, and tests of its new value. */
const changeTrigger = (branch: unknown) => {
  const trigger = readPropertyChangeTrigger(branch);
  if (!trigger) throw new UnsupportedFilter('a re-enrollment trigger without an hs_name property-change filter');
  return trigger;
};

const fires = (
  trigger: ReturnType<typeof changeTrigger>,
  seen: Record<string, string>,
  properties: Record<string, string>,
  today: string,
) =>
  (seen[trigger.property] ?? '') !== (properties[trigger.property] ?? '') &&
  trigger.valueTests.every((test) => matchesPropertyFilter(test, properties, today));

/** Days of a delay read in minutes; one the sandbox cannot read never passes. */
const daysOf = (minutes: number) => minutes / MINUTES_PER_DAY;

const plainText = (html: string | undefined) => decodeHTML((html ?? '').replace(/<[^>]+>/g, ''));

/** The task a create-task action makes for a company, on `today`. */
const taskFrom = (fields: Record<string, unknown>, properties: Record<string, string>, today: string) => {
  const task = readCreateTaskAction(fields);
  const dueInDays = daysOf(task.due.minutes);
  const time = Number.isFinite(task.due.timeOfDay.hour) ? task.due.timeOfDay : TASK_TIME_OF_DAY;
  return newTaskProperties({
    dueAt: taskDueAt(dayPlus(today, Number.isFinite(dueInDays) ? dueInDays : 0), time),
    subject: fillEnrolledObjectTokens(task.subject ?? '', properties),
    body: fillEnrolledObjectTokens(plainText(task.bodyHtml), properties),
    priority: task.priority ?? 'NONE',
    type: task.taskType ?? 'TODO',
    ownerId: properties[task.owner.property ?? ''] ?? '',
  });
};

/** Whether a delay-until-date action lets the company through today. */
const delayPassed = (fields: Record<string, unknown>, properties: Record<string, string>, today: string) => {
  const delay = readDelayUntilDateAction(fields);
  const date = properties[delay.date.property ?? ''];
  const days = daysOf(delay.minutes);
  return !!date && Number.isFinite(days) && today >= dayPlus(date.slice(0, 10), days);
};

export const runWorkflows = (store: SandboxStore, now: Date, companyIds?: readonly string[]) => {
  const { state } = store;
  const today = dayOf(now);
  const created: string[] = [];
  state.enrollments ??= {};
  for (const stored of Object.values(state.flows)) {
    const flow = runnableFlowSchema.parse(stored);
    const criteria = flow.enrollmentCriteria;
    if (!flow.isEnabled || criteria?.type !== LIST_BASED || !criteria.listFilterBranch) continue;
    const actions = new Map(flow.actions.map((action) => [action.actionId, action]));
    const triggers = criteria.reEnrollmentTriggersFilterBranches.map(changeTrigger);
    for (const companyId of companyIds ?? Object.keys(state.companies)) {
      const company = state.companies[companyId];
      if (!company) continue;
      const key = `${flow.id}:${companyId}`;
      const watched = () =>
        Object.fromEntries(triggers.map(({ property }) => [property, company.properties[property] ?? '']));
      const enrollment: Enrollment = state.enrollments[key] ?? {
        matching: false,
        enrolledOnce: false,
        waitingAt: null,
        seen: watched(),
      };
      const matches = matchesBranch(criteria.listFilterBranch, company.properties, today);
      const triggered = triggers.some((trigger) => fires(trigger, enrollment.seen ?? {}, company.properties, today));
      const reEnrolls = criteria.shouldReEnroll && triggered && !enrollment.waitingAt;
      if (matches && (!enrollment.enrolledOnce || reEnrolls)) {
        Object.assign(enrollment, { enrolledOnce: true, waitingAt: flow.startActionId ?? null });
      }
      if (!matches && enrollment.matching && criteria.unEnrollObjectsNotMeetingCriteria) enrollment.waitingAt = null;
      enrollment.matching = matches;
      enrollment.seen = watched();
      while (enrollment.waitingAt) {
        const action = actions.get(enrollment.waitingAt);
        if (!action) break;
        if (
          action.actionTypeId === ACTION_TYPE.delayUntilDate &&
          !delayPassed(action.fields, company.properties, today)
        ) {
          break;
        }
        if (action.actionTypeId === ACTION_TYPE.createTask) {
          const task = storeTask(
            store,
            taskFrom(action.fields, company.properties, today),
            [companyId],
            now.toISOString(),
          );
          created.push(task.id);
        }
        enrollment.waitingAt = action.connection?.nextActionId ?? null;
      }
      state.enrollments[key] = enrollment;
    }
  }
  if (created.length) store.changed();
  return created;
};
