import { addDays, type IsoDate } from '@why-they-care/domain';
import { decodeHTML } from 'entities';

import { type FilterBranch, matchesBranch, matchesFilter, UnsupportedFilter } from './filter-branch';
import { storeTask } from './routes/tasks';
import { type SandboxStore } from './store';

/**
 * The sandbox's stand-in for HubSpot's workflow engine, for the flows the app installs: list-based
 * enrollment (once when a record first meets the criteria; again, if the flow re-enrolls, when a
 * re-enrollment trigger fires while it meets them and is not enrolled; unenrollment when it no longer
 * meets them), "delay until a date property (+ delta days)" and "create task". It runs after every
 * company write and whenever asked with a date, so workflows mode can be tried without HubSpot.
 */
type FlowAction = {
  actionId: string;
  actionTypeId: string;
  connection?: { nextActionId?: string };
  fields: Record<string, unknown>;
};
type Flow = {
  id: string;
  isEnabled?: boolean;
  startActionId?: string;
  actions?: FlowAction[];
  enrollmentCriteria?: {
    type?: string;
    shouldReEnroll?: boolean;
    unEnrollObjectsNotMeetingCriteria?: boolean;
    listFilterBranch?: FilterBranch;
    reEnrollmentTriggersFilterBranches?: FilterBranch[];
  };
};
/** `seen`: the values of the properties the flow's triggers watch, at the last evaluation. */
export type Enrollment = {
  matching: boolean;
  enrolledOnce: boolean;
  waitingAt: string | null;
  seen?: Record<string, string>;
};

/**
 * A re-enrollment trigger in HubSpot's property-change form: `hs_name` names the property that changed,
 * each `hs_value` filter tests its new value.
 */
const changeTrigger = (branch: FilterBranch) => {
  const filters = branch.filters ?? [];
  const name = filters.find((filter) => filter.property === 'hs_name')?.operation;
  const property = name?.operator === 'IS_EQUAL_TO' ? (name.value ?? name.values?.[0]) : undefined;
  if (!property) throw new UnsupportedFilter('a re-enrollment trigger without an hs_name property-change filter');
  const tests = filters.filter((filter) => filter.property === 'hs_value').map((filter) => ({ ...filter, property }));
  return { property, tests };
};

const fires = (
  trigger: ReturnType<typeof changeTrigger>,
  seen: Record<string, string>,
  properties: Record<string, string>,
  today: IsoDate,
) =>
  (seen[trigger.property] ?? '') !== (properties[trigger.property] ?? '') &&
  trigger.tests.every((test) => matchesFilter(test, properties, today));

const propertyRef = (field: unknown) => (field as { propertyName?: string } | undefined)?.propertyName ?? '';
const plainText = (html: unknown) => decodeHTML(String(html ?? '').replace(/<[^>]+>/g, ''));

export const runWorkflows = (store: SandboxStore, now: Date, companyIds?: readonly string[]) => {
  const { state } = store;
  const today: IsoDate = now.toISOString().slice(0, 10);
  const created: string[] = [];
  state.enrollments ??= {};
  for (const flow of Object.values(state.flows) as Flow[]) {
    const criteria = flow.enrollmentCriteria;
    if (!flow.isEnabled || criteria?.type !== 'LIST_BASED' || !criteria.listFilterBranch) continue;
    const actions = new Map((flow.actions ?? []).map((action) => [action.actionId, action]));
    const triggers = (criteria.reEnrollmentTriggersFilterBranches ?? []).map(changeTrigger);
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
      const reEnrolls = Boolean(criteria.shouldReEnroll) && triggered && !enrollment.waitingAt;
      if (matches && (!enrollment.enrolledOnce || reEnrolls)) {
        Object.assign(enrollment, { enrolledOnce: true, waitingAt: flow.startActionId ?? null });
      }
      if (!matches && enrollment.matching && criteria.unEnrollObjectsNotMeetingCriteria) enrollment.waitingAt = null;
      enrollment.matching = matches;
      enrollment.seen = watched();
      while (enrollment.waitingAt) {
        const action = actions.get(enrollment.waitingAt);
        if (!action) break;
        if (action.actionTypeId === '0-35') {
          const date = company.properties[propertyRef(action.fields.date)];
          if (!date || today < addDays(date.slice(0, 10), Number(action.fields.delta ?? 0))) break;
        }
        if (action.actionTypeId === '0-3') {
          const assignment = action.fields.owner_assignment as { value?: { propertyName?: string } } | undefined;
          const dueTime = action.fields.due_time as { delta?: number } | undefined;
          const owner = company.properties[propertyRef(assignment?.value)] ?? '';
          const task = storeTask(
            store,
            {
              hs_timestamp: `${addDays(today, dueTime?.delta ?? 0)}T09:00:00.000Z`,
              hs_task_subject: String(action.fields.subject ?? ''),
              hs_task_body: plainText(action.fields.body),
              hs_task_status: 'NOT_STARTED',
              hs_task_priority: String(action.fields.priority ?? 'NONE'),
              hs_task_type: String(action.fields.task_type ?? 'TODO'),
              ...(owner ? { hubspot_owner_id: owner } : {}),
            },
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
