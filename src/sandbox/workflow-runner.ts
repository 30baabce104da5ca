import { addDays, type IsoDate } from '@why-they-care/domain';

import { type FilterBranch, matchesBranch } from './filter-branch';
import { storeTask } from './routes/tasks';
import { type SandboxStore } from './store';

/**
 * The sandbox's stand-in for HubSpot's workflow engine, for the flows the app installs: list-based
 * enrollment (re-enrollment when a record leaves and meets the criteria again, unenrollment when it no
 * longer does), "delay until a date property (+ delta days)" and "create task". It runs after every
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
  };
};
export type Enrollment = { matching: boolean; enrolledOnce: boolean; waitingAt: string | null };

const propertyRef = (field: unknown) => (field as { propertyName?: string } | undefined)?.propertyName ?? '';
const plainText = (html: unknown) => String(html ?? '').replace(/<[^>]+>/g, '');

export const runWorkflows = (store: SandboxStore, now: Date, companyIds?: readonly string[]) => {
  const { state } = store;
  const today: IsoDate = now.toISOString().slice(0, 10);
  const created: string[] = [];
  state.enrollments ??= {};
  for (const flow of Object.values(state.flows) as Flow[]) {
    const criteria = flow.enrollmentCriteria;
    if (!flow.isEnabled || criteria?.type !== 'LIST_BASED' || !criteria.listFilterBranch) continue;
    const actions = new Map((flow.actions ?? []).map((action) => [action.actionId, action]));
    for (const companyId of companyIds ?? Object.keys(state.companies)) {
      const company = state.companies[companyId];
      if (!company) continue;
      const key = `${flow.id}:${companyId}`;
      const enrollment: Enrollment = state.enrollments[key] ?? {
        matching: false,
        enrolledOnce: false,
        waitingAt: null,
      };
      const matches = matchesBranch(criteria.listFilterBranch, company.properties, today);
      if (matches && !enrollment.matching && (!enrollment.enrolledOnce || criteria.shouldReEnroll)) {
        Object.assign(enrollment, { enrolledOnce: true, waitingAt: flow.startActionId ?? null });
      }
      if (!matches && enrollment.matching && criteria.unEnrollObjectsNotMeetingCriteria) enrollment.waitingAt = null;
      enrollment.matching = matches;
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
