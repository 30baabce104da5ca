/**
 * HubSpot request details that public sources show but nobody has confirmed against a live account
 * (see README, "Unverified HubSpot details", and the verdicts of the formats check, ../shared/research/
 * hubspot-formats-check.md, cited below by section). They live here, and only here, so one correction
 * fixes setup, the sandbox and the tests together. Each builder comes with the reader setup compares a
 * stored copy through (`…Essentials`): what matters in it, whatever equivalent form HubSpot stores.
 * Confirm them by building the same workflow or list in HubSpot's UI and reading it back with
 * GET /automation/v4/flows/{id} or GET /crm/v3/lists/{id}?includeFilters=true.
 */
import { type TaskTemplate } from '@why-they-care/domain';
import { decodeHTML, escapeText } from 'entities';

import { asSet } from '../lib/canonical';
import { TASK_TO_COMPANY } from './tasks';

/** Built-in workflow action type ids. */
export const ACTION_TYPE = { createTask: '0-3', delayUntilDate: '0-35' } as const;

type Fields = Record<string, unknown>;
type ActionLink = { actionId: string; nextActionId?: string };

const TASK_TIME_OF_DAY = { hour: 9, minute: 0 };

const connection = (nextActionId?: string) =>
  nextActionId ? { connection: { edgeType: 'STANDARD', nextActionId } } : {};

const record = (value: unknown): Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Minutes per unit: the UI stores delays in MINUTES (formats check §2), setup sends DAYS. */
const MINUTES_PER_UNIT: Record<string, number> = { MINUTES: 1, HOURS: 60, DAYS: 24 * 60, WEEKS: 7 * 24 * 60 };
const inMinutes = (delta: unknown, unit: unknown) => Number(delta) * (MINUTES_PER_UNIT[String(unit)] ?? Number.NaN);

const timeOfDay = (value: unknown) => ({ hour: Number(record(value).hour), minute: Number(record(value).minute) });

/** Rich text as a reader sees it: HubSpot's editor may re-serialise the HTML (entities, attributes, spacing). */
const visibleText = (html: unknown) =>
  decodeHTML(String(html ?? '').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Create task (0-3). CONFIRMED by UI-exported flows (§1): the field keys, `owner_assignment` from an
 * OBJECT_PROPERTY, the association to the enrolled company (192), `due_time` with `daysOfWeek` (`[]`: any
 * day), counted from when the action runs. UNCONFIRMED: an owner taken from a custom HubSpot-user
 * property (`wtc_success_manager`); only `hubspot_owner_id` was seen.
 */
export const createTaskAction = (link: ActionLink & { template: TaskTemplate; assigneeProperty: string }) => ({
  type: 'SINGLE_CONNECTION',
  actionId: link.actionId,
  actionTypeId: ACTION_TYPE.createTask,
  actionTypeVersion: 0,
  ...connection(link.nextActionId),
  fields: {
    task_type: 'TODO',
    subject: link.template.subject,
    body: `<p>${escapeText(link.template.body)}</p>`,
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
    due_time: { delta: link.template.dueInDays, timeUnit: 'DAYS', timeOfDay: TASK_TIME_OF_DAY, daysOfWeek: [] },
  },
});

const taskEssentials = (fields: Fields) => {
  const owner = record(fields.owner_assignment);
  const due = record(fields.due_time);
  return {
    taskType: fields.task_type,
    subject: visibleText(fields.subject),
    body: visibleText(fields.body),
    priority: fields.priority,
    associations: asSet(
      list(fields.associations).map((association) => ({
        category: record(record(association).target).associationCategory,
        typeId: Number(record(record(association).target).associationTypeId),
        to: record(record(association).value).type,
      })),
    ),
    explicitAssociations: String(fields.use_explicit_associations) === 'true',
    owner: { type: owner.type, from: record(owner.value).type, property: record(owner.value).propertyName ?? null },
    due: {
      minutes: inMinutes(due.delta, due.timeUnit),
      timeOfDay: timeOfDay(due.timeOfDay),
      daysOfWeek: asSet(list(due.daysOfWeek)),
    },
  };
};

/**
 * Delay until a date property (0-35): the shape is CONFIRMED (§2). UNCONFIRMED: that a negative `delta`
 * means "N days before the date" (one UI-derived source).
 */
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
    time_of_day: TASK_TIME_OF_DAY,
  },
});

const delayEssentials = (fields: Fields) => ({
  date: { type: record(fields.date).type, property: record(fields.date).propertyName },
  minutes: inMinutes(fields.delta, fields.time_unit),
  timeOfDay: timeOfDay(fields.time_of_day),
});

/** What matters in a stored action's fields, for the action types setup installs. */
export const ACTION_ESSENTIALS: Record<string, (fields: Fields) => unknown> = {
  [ACTION_TYPE.createTask]: taskEssentials,
  [ACTION_TYPE.delayUntilDate]: delayEssentials,
};

/**
 * A date property before today (+ offsetDays), as a list or enrollment filter operation. The operation is
 * CONFIRMED (§4); `endpointBehavior` and `propertyParser` are optional in the spec but in every docs
 * example and UI export, so they are sent as HubSpot stores them.
 */
export const beforeTodayOperation = (offsetDays = 0) => ({
  operationType: 'TIME_POINT',
  type: 'TIME_POINT',
  operator: 'IS_BEFORE',
  includeObjectsWithNoValueSet: false,
  endpointBehavior: 'EXCLUSIVE',
  propertyParser: 'VALUE',
  timePoint: {
    timeType: 'INDEXED',
    timezoneSource: 'CUSTOM',
    zoneId: 'UTC',
    indexReference: { referenceType: 'TODAY' },
    ...(offsetDays ? { offset: { days: offsetDays } } : {}),
  },
});

/** "Has no value": CONFIRMED operator (§4); HubSpot stores `includeObjectsWithNoValueSet: false` with it. */
export const hasNoValueOperation = () => ({
  operationType: 'ALL_PROPERTY',
  operator: 'IS_UNKNOWN',
  includeObjectsWithNoValueSet: false,
});

/**
 * A re-enrollment trigger: "the property changed (to a value passing `valueTest`)", in the `hs_name` /
 * `hs_value` form every real flow uses (§3); copying the enrollment filters instead may be refused, or
 * never fire. UNCONFIRMED against a live account.
 */
export const propertyChangeTrigger = (property: string, valueTest?: Record<string, unknown>) => ({
  filterBranchType: 'AND',
  filterBranchOperator: 'AND',
  filterBranches: [],
  filters: [
    {
      filterType: 'PROPERTY',
      property: 'hs_name',
      operation: {
        operationType: 'STRING',
        operator: 'IS_EQUAL_TO',
        value: property,
        includeObjectsWithNoValueSet: false,
      },
    },
    ...(valueTest ? [{ filterType: 'PROPERTY', property: 'hs_value', operation: valueTest }] : []),
  ],
});
