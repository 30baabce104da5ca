/**
 * HubSpot request details that public sources show but nobody has confirmed against a live account
 * (see README, "Unverified HubSpot details"). They live here, and only here, so one correction fixes
 * setup, the sandbox and the tests together. Confirm them by building the same workflow or list in
 * HubSpot's UI and reading it back with GET /automation/v4/flows/{id} or GET /crm/v3/lists/{id}.
 */
import { type TaskTemplate } from '@why-they-care/domain';

import { TASK_TO_COMPANY } from './tasks';

/** Built-in workflow action type ids. */
export const ACTION_TYPE = { createTask: '0-3', delayUntilDate: '0-35' } as const;

type ActionLink = { actionId: string; nextActionId?: string };

const connection = (nextActionId?: string) =>
  nextActionId ? { connection: { edgeType: 'STANDARD', nextActionId } } : {};

/** [unverified] owner_assignment and due_time: seen in third-party code, not in HubSpot's docs excerpt. */
export const createTaskAction = (link: ActionLink & { template: TaskTemplate; assigneeProperty: string }) => ({
  type: 'SINGLE_CONNECTION',
  actionId: link.actionId,
  actionTypeId: ACTION_TYPE.createTask,
  actionTypeVersion: 0,
  ...connection(link.nextActionId),
  fields: {
    task_type: 'TODO',
    subject: link.template.subject,
    body: `<p>${link.template.body}</p>`,
    priority: link.template.priority,
    associations: [
      {
        target: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: TASK_TO_COMPANY },
        value: { type: 'ENROLLED_OBJECT' },
      },
    ],
    use_explicit_associations: 'true',
    owner_assignment: {
      type: 'CUSTOM',
      value: { type: 'OBJECT_PROPERTY', propertyName: link.assigneeProperty },
    },
    due_time: { delta: link.template.dueInDays, timeUnit: 'DAYS', timeOfDay: { hour: 9, minute: 0 } },
  },
});

/** [unverified] Whether a negative delta means "N days before the date". */
export const delayUntilDateAction = (link: ActionLink & { dateProperty: string; daysBefore: number }) => ({
  type: 'SINGLE_CONNECTION',
  actionId: link.actionId,
  actionTypeId: ACTION_TYPE.delayUntilDate,
  actionTypeVersion: 0,
  ...connection(link.nextActionId),
  fields: {
    date: { type: 'OBJECT_PROPERTY', propertyName: link.dateProperty },
    delta: String(-link.daysBefore),
    time_unit: 'DAYS',
    time_of_day: { hour: 9, minute: 0 },
  },
});

/** [unverified] A date property before today (+ offsetDays), as a list or enrollment filter operation. */
export const beforeTodayOperation = (offsetDays = 0) => ({
  operationType: 'TIME_POINT',
  type: 'TIME_POINT',
  operator: 'IS_BEFORE',
  includeObjectsWithNoValueSet: false,
  timePoint: {
    timeType: 'INDEXED',
    timezoneSource: 'CUSTOM',
    zoneId: 'UTC',
    indexReference: { referenceType: 'TODAY' },
    ...(offsetDays ? { offset: { days: offsetDays } } : {}),
  },
});

/** [unverified] IS_UNKNOWN mirrors the documented IS_KNOWN operator of ALL_PROPERTY operations. */
export const hasNoValueOperation = () => ({
  operationType: 'ALL_PROPERTY',
  operator: 'IS_UNKNOWN',
  includeObjectsWithNoValueSet: true,
});
