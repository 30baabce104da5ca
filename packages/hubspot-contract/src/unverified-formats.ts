/**
 * HubSpot request details that public sources show but nobody has confirmed against a live account
 * (see README, "Unverified HubSpot details"; each detail below names its evidence: HubSpot's docs and spec,
 * or flows and lists built in HubSpot's UI and read back, as public code shows them). They live here, and only here, so one correction
 * fixes setup, the sandbox and the tests together: each builder (what setup sends) comes with its reader
 * (what a stored copy means, whatever equivalent form HubSpot stores), which the sandbox runs flows and
 * lists by and setup compares stored copies through (stored-forms.ts).
 * Confirm them by building the same workflow or list in HubSpot's UI and reading it back with
 * GET /automation/v4/flows/{id} or GET /crm/v3/lists/{id}?includeFilters=true.
 */
import { decodeHTML, escapeText } from 'entities';
import { z } from 'zod';

import { asSet } from './canonical';
import { MINUTES_PER_DAY } from './dates';
import {
  OPERATION_TYPE,
  type Operation,
  type OperationOfType,
  operationTypeOf,
  type OperationTest,
  readConfirmedOperation,
  readPropertyFilter,
} from './filters';
import { asList, asObject, type JsonObject } from './json';
import { SOURCE_TYPE, TASK_TO_COMPANY } from './objects';
import { MULTIPLE_VALUES_SEPARATOR } from './properties';
import { type SearchFilter } from './search';
import { TASK_TIME_OF_DAY, type TimeOfDay } from './tasks';

/** Built-in workflow action type ids. */
export const ACTION_TYPE = { createTask: '0-3', delayUntilDate: '0-35' } as const;

type ActionLink = { actionId: string; nextActionId?: string };

const connection = (nextActionId?: string) =>
  nextActionId ? { connection: { edgeType: 'STANDARD', nextActionId } } : {};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Minutes per unit: the UI stores delays in MINUTES (UI-exported flows), setup sends DAYS. */
const MINUTES_PER_UNIT: Record<string, number> = {
  MINUTES: 1,
  HOURS: 60,
  DAYS: MINUTES_PER_DAY,
  WEEKS: 7 * MINUTES_PER_DAY,
};
const inMinutes = (delta: unknown, unit: unknown) => Number(delta) * (MINUTES_PER_UNIT[String(unit)] ?? Number.NaN);

const timeOfDay = (value: unknown): TimeOfDay => ({
  hour: Number(asObject(value).hour),
  minute: Number(asObject(value).minute),
});

/** Rich text as a reader sees it: HubSpot's editor may re-serialise the HTML (entities, attributes, spacing). */
const visibleText = (html: unknown) =>
  decodeHTML(String(html ?? '').replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** What a create-task action is given: the task's wording, and in how many days it falls due. */
export type TaskWording = { subject: string; body: string; priority: string; dueInDays: number };

/**
 * Create task (0-3). CONFIRMED by UI-exported flows: the field keys, `owner_assignment` from an
 * OBJECT_PROPERTY, the association to the enrolled company (192), `due_time` with `daysOfWeek` (`[]`: any
 * day), counted from when the action runs. UNCONFIRMED: an owner taken from a custom HubSpot-user
 * property (`wtc_success_manager`); only `hubspot_owner_id` was seen.
 */
export const createTaskAction = (link: ActionLink & { template: TaskWording; assigneeProperty: string }) => ({
  type: 'SINGLE_CONNECTION',
  actionId: link.actionId,
  actionTypeId: ACTION_TYPE.createTask,
  actionTypeVersion: 0,
  ...connection(link.nextActionId),
  fields: {
    task_type: 'TODO',
    subject: link.template.subject,
    // One paragraph per line: HubSpot keeps a task's notes as HTML, where a line break alone shows as a space.
    body: link.template.body
      .split('\n')
      .map((line) => `<p>${escapeText(line)}</p>`)
      .join(''),
    priority: link.template.priority,
    associations: [{ target: TASK_TO_COMPANY, value: { type: 'ENROLLED_OBJECT' } }],
    use_explicit_associations: 'true',
    owner_assignment: {
      type: 'CUSTOM',
      value: { type: 'OBJECT_PROPERTY', propertyName: link.assigneeProperty },
    },
    due_time: { delta: link.template.dueInDays, timeUnit: 'DAYS', timeOfDay: TASK_TIME_OF_DAY, daysOfWeek: [] },
  },
});

/** A stored create-task action's fields, read: the task it creates and for whom. */
export const readCreateTaskAction = (fields: JsonObject) => {
  const owner = asObject(fields.owner_assignment);
  const due = asObject(fields.due_time);
  return {
    taskType: text(fields.task_type),
    subject: text(fields.subject),
    bodyHtml: text(fields.body),
    priority: text(fields.priority),
    associations: asList(fields.associations).map((association) => ({
      category: asObject(asObject(association).target).associationCategory,
      typeId: Number(asObject(asObject(association).target).associationTypeId),
      to: asObject(asObject(association).value).type,
    })),
    explicitAssociations: String(fields.use_explicit_associations) === 'true',
    owner: {
      type: owner.type,
      from: asObject(owner.value).type,
      property: text(asObject(owner.value).propertyName) ?? null,
    },
    due: {
      minutes: inMinutes(due.delta, due.timeUnit),
      timeOfDay: timeOfDay(due.timeOfDay),
      daysOfWeek: asList(due.daysOfWeek),
    },
  };
};

const taskEssentials = (fields: JsonObject) => {
  const task = readCreateTaskAction(fields);
  return {
    taskType: fields.task_type,
    subject: visibleText(fields.subject),
    body: visibleText(fields.body),
    priority: fields.priority,
    associations: asSet(task.associations),
    explicitAssociations: task.explicitAssociations,
    owner: task.owner,
    due: { ...task.due, daysOfWeek: asSet(task.due.daysOfWeek) },
  };
};

/**
 * Delay until a date property (0-35): the shape is CONFIRMED by UI-exported flows. UNCONFIRMED: that a negative `delta`
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

/** A stored delay's fields, read: which date property it waits for, and how long before or after it. */
export const readDelayUntilDateAction = (fields: JsonObject) => ({
  date: { type: asObject(fields.date).type, property: text(asObject(fields.date).propertyName) },
  minutes: inMinutes(fields.delta, fields.time_unit),
  timeOfDay: timeOfDay(fields.time_of_day),
});

/** What matters in a stored action's fields, for the action types setup installs. */
export const ACTION_ESSENTIALS: Record<string, (fields: JsonObject) => unknown> = {
  [ACTION_TYPE.createTask]: taskEssentials,
  [ACTION_TYPE.delayUntilDate]: readDelayUntilDateAction,
};

/**
 * A date property before today (+ offsetDays), as a list or enrollment filter operation. The operation is
 * CONFIRMED by the lists docs and UI-exported lists; `endpointBehavior` and `propertyParser` are optional in the spec but in every docs
 * example and UI export, so they are sent as HubSpot stores them.
 */
export const beforeTodayOperation = (offsetDays = 0): OperationOfType<'TIME_POINT'> => ({
  operationType: OPERATION_TYPE.timePoint,
  type: OPERATION_TYPE.timePoint,
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

/** Index offsets HubSpot may store for a number of days. */
const DAYS_PER_OFFSET_UNIT = { days: 1, weeks: 7 } as const;

/** Days of a stored index offset; the other units are compared in stored-forms.ts, not run. */
export const offsetDaysOf = (offset: JsonObject) =>
  Object.entries(DAYS_PER_OFFSET_UNIT).reduce((days, [unit, size]) => days + size * Number(offset[unit] ?? 0), 0);

/** "Before today (+ offset)", read from a stored TIME_POINT operation; null for any other operation. */
export const readBeforeTodayOperation = (operation: Operation): OperationTest | null => {
  const timePoint = asObject(operation.timePoint);
  if (
    operationTypeOf(operation) !== OPERATION_TYPE.timePoint ||
    operation.operator !== 'IS_BEFORE' ||
    asObject(timePoint.indexReference).referenceType !== 'TODAY'
  ) {
    return null;
  }
  return { test: 'before_today', offsetDays: offsetDaysOf(asObject(timePoint.offset)) };
};

/** "Has no value": CONFIRMED operator (lists docs, UI-exported lists); HubSpot stores `includeObjectsWithNoValueSet: false` with it. */
export const hasNoValueOperation = (): OperationOfType<'ALL_PROPERTY'> => ({
  operationType: OPERATION_TYPE.allProperty,
  operator: 'IS_UNKNOWN',
  includeObjectsWithNoValueSet: false,
});

/** The pseudo-properties of a property-change trigger: which property changed, and to what. */
const CHANGED_PROPERTY = { name: 'hs_name', value: 'hs_value' } as const;

/**
 * A re-enrollment trigger: "the property changed (to a value passing `valueTest`)", in the `hs_name` /
 * `hs_value` form every real flow uses (UI-exported flows); copying the enrollment filters instead may be refused, or
 * never fire. UNCONFIRMED against a live account.
 */
export const propertyChangeTrigger = (property: string, valueTest?: Operation) => ({
  filterBranchType: 'AND',
  filterBranchOperator: 'AND',
  filterBranches: [],
  filters: [
    {
      filterType: 'PROPERTY',
      property: CHANGED_PROPERTY.name,
      operation: {
        operationType: OPERATION_TYPE.string,
        operator: 'IS_EQUAL_TO',
        value: property,
        includeObjectsWithNoValueSet: false,
      },
    },
    ...(valueTest ? [{ filterType: 'PROPERTY', property: CHANGED_PROPERTY.value, operation: valueTest }] : []),
  ],
});

const triggerBranchSchema = z.object({ filters: z.array(z.unknown()).catch([]) });

/**
 * A stored trigger read: the property whose change fires it and the tests of its new value, or null when
 * it is not in the property-change form.
 */
export const readPropertyChangeTrigger = (branch: unknown) => {
  const filters = triggerBranchSchema
    .parse(branch)
    .filters.map(readPropertyFilter)
    .filter((filter) => filter !== null);
  const name = filters.find((filter) => filter.property === CHANGED_PROPERTY.name);
  const nameTest = name ? readConfirmedOperation(name.operation) : null;
  const property = nameTest?.test === 'equals' ? nameTest.values[0] : undefined;
  if (!property) return null;
  const valueTests = filters
    .filter((filter) => filter.property === CHANGED_PROPERTY.value)
    .map((filter) => ({ property, operation: filter.operation }));
  return { property, valueTests };
};

/**
 * A personalization token naming a property of the enrolled record, for the text of a create-task action
 * (the health-drop task says what changed). UNCONFIRMED officially: `{{ enrolled_object.<property> }}` is the
 * form in every exported v4 flow found in public code, no HubSpot doc defines it, and HubSpot prints
 * a token it does not recognise as it is, without an error. Check it by building the task in HubSpot's UI
 * and reading the flow back.
 */
export const enrolledObjectToken = (property: string) => `{{ enrolled_object.${property} }}`;

const ENROLLED_OBJECT_TOKEN = /\{\{\s*enrolled_object\.([A-Za-z0-9_]+)\s*\}\}/g;

/** The text a task gets once HubSpot fills in the enrolled record's tokens (what the sandbox's engine does). */
export const fillEnrolledObjectTokens = (text: string, properties: Record<string, string | undefined>) =>
  text.replace(ENROLLED_OBJECT_TOKEN, (_token, property: string) => properties[property] ?? '');

/**
 * CRM search, "this option is among the ones chosen" on a checkbox (multi-select) property: `IN` with the
 * option in `values`. HubSpot's search guide (2026-03, "Search the CRM", the IN operator) documents `IN` for
 * enumeration properties as an exact, case-sensitive match of option values, with the example of
 * "companies that have specified values selected"; its example property is a dropdown. That a checkbox
 * property holding several options matches when any of them is listed is UNCONFIRMED against a live
 * account (public code also filters such properties with CONTAINS_TOKEN). The sandbox matches by
 * `anyOptionListed`, so correcting the operator here corrects the counts and the sandbox together.
 */
export const hasOptionFilter = (propertyName: string, option: string): SearchFilter => ({
  propertyName,
  operator: 'IN',
  values: [option],
});

/** How `IN` / `NOT_IN` read a checkbox property's stored value: any of its options listed (see above). */
export const anyOptionListed = (stored: string, listed: readonly string[]): boolean =>
  stored.split(MULTIPLE_VALUES_SEPARATOR).some((option) => listed.includes(option));

/**
 * The plan templates' file: its folder and name in the File Manager, and the path `stat` finds it by.
 * CONFIRMED (spec 2026-03, api-client 14): upload takes `folderPath` and `fileName` with `options`,
 * `getMetadata` reads `/files/v3/files/stat/{path}`. UNCONFIRMED: whether `stat` wants the path with a
 * leading slash (sent, URL-encoded, as api-client encodes it), whether `overwrite: true` replaces the file
 * in place (same id) or adds a new version, and the scopes a HIDDEN_PRIVATE file needs: `files` to upload,
 * plus `files.ui_hidden.read` to stat and sign it (field evidence: a MISSING_SCOPES answer naming both).
 */
export const PLAN_TEMPLATES_FILE = {
  folderPath: '/why-they-care',
  fileName: 'plan-templates',
  extension: 'json',
  path: '/why-they-care/plan-templates.json',
} as const;

/**
 * Sorting CRM search results by a property other than the id: HubSpot's guide shows
 * `sorts: [{ propertyName, direction }]`, the api-client types `sorts` as strings, and only `['hs_object_id']`
 * (ascending) is used by this app. So the home page's at-risk list takes the first page in id order and
 * ranks it by revenue itself (exact up to 200 matches, a sample beyond).
 */
export const SORT_BY_ID: string[] = ['hs_object_id'];

/**
 * Webhooks. UNCONFIRMED against a live account, each accepted either way:
 * - The signature. HubSpot's "Validating requests" page says CRM object webhook deliveries carry v1
 *   (`X-HubSpot-Signature`, sha256 of secret + body, no timestamp); its changelog and the 2026.03
 *   request-validation page say v3 (`X-HubSpot-Signature-v3` over POST + target URL + body + timestamp) is
 *   sent too. Whether a static-auth project app's deliveries carry v3 is not known: the backend checks v3
 *   when its headers are there, else v1 (src/http/webhook-signature.ts); v1 has no timestamp, so a replayed
 *   v1 delivery is stopped by event dedupe, not by its signature.
 * - Which of the app's own writes a delivery names as such: real deliveries for a change made with an app's
 *   token show `changeSource: "INTEGRATION"` with `sourceId` equal to the delivery's `appId` as a string
 *   (consistent field samples, no HubSpot doc states it). The backend treats that as its own write, and
 *   still decides each company on a fresh read, so a wrong guess here costs a read, never a loop or a task.
 * - Whether a 4xx answer is retried: the current guide says any 4xx or 5xx is; older docs said not 400,
 *   401, 403, 404, 405. The backend answers 2xx to every delivery it verified, even one it ignores, and 401
 *   only to a bad signature.
 * - `eventId` is "not guaranteed to be unique" (guide): deliveries are deduplicated on the event id with
 *   its `occurredAt` and object (`webhookEventKey`).
 */
export const isOwnWrite = (event: { changeSource?: string; sourceId?: string; appId?: string }): boolean =>
  event.changeSource === SOURCE_TYPE.integration && event.appId !== undefined && event.sourceId === event.appId;

/** The identity a delivery's event keeps across HubSpot's retries. */
export const webhookEventKey = (event: {
  portalId: string;
  eventId: string;
  occurredAt: number;
  objectId: string;
  propertyName?: string;
}) => [event.portalId, event.eventId, event.occurredAt, event.objectId, event.propertyName ?? ''].join(':');

/**
 * A number property in a range, as a list filter operation (the lookalike prospects list filters company
 * size bands on `numberofemployees`). The shapes are the Lists API's own (api-client 14's models, generated
 * from HubSpot's spec): `NUMBER_RANGED` with `lowerBound` / `upperBound` (PublicRangedNumberPropertyOperation)
 * and `NUMBER` with `value` (PublicNumberPropertyOperation). UNCONFIRMED: the operator names `IS_BETWEEN`
 * (bounds included) and `IS_GREATER_THAN_OR_EQUAL_TO`, which the spec leaves as free strings; read a list
 * built in HubSpot's UI back with GET /crm/v3/lists/{id}?includeFilters=true to check.
 */
export const numberRangeOperation = (low: number, high: number | null) =>
  high === null
    ? {
        operationType: OPERATION_TYPE.number,
        operator: 'IS_GREATER_THAN_OR_EQUAL_TO',
        value: low,
        includeObjectsWithNoValueSet: false,
      }
    : {
        operationType: OPERATION_TYPE.numberRanged,
        operator: 'IS_BETWEEN',
        lowerBound: low,
        upperBound: high,
        includeObjectsWithNoValueSet: false,
      };

/** A stored number range (see above) read; null for any other operation. */
export const readNumberRangeOperation = (operation: Operation): OperationTest | null => {
  const type = operationTypeOf(operation);
  if (type === OPERATION_TYPE.numberRanged && operation.operator === 'IS_BETWEEN') {
    return { test: 'number_range', low: Number(operation.lowerBound), high: Number(operation.upperBound) };
  }
  if (type === OPERATION_TYPE.number && operation.operator === 'IS_GREATER_THAN_OR_EQUAL_TO') {
    return { test: 'number_range', low: Number(operation.value), high: null };
  }
  return null;
};

/**
 * The task key travels in the task's own notes (`hs_task_body`, a standard field), at their end: custom task
 * properties are not confirmed for this app, and after a crash the key must be read back from the task to
 * tell whether it was created. UNCONFIRMED: that HubSpot keeps the marker as written. It stores notes as
 * rich text (HTML: the line breaks may come back as paragraphs, the parentheses or colon escaped), so the
 * reader looks for the marker anywhere, through HTML entities; a live account may still rewrite it in a way
 * this reader misses, and then a task left pending by a crash would be created twice. Check it by creating a
 * task through the API and reading `hs_task_body` back.
 */
export const taskKeyMarker = (key: string) => `(Why They Care: ${key})`;

const TASK_KEY_MARKER = /\(Why They Care: ([a-z_]+:\d+:[^\s()<>]+)\)/g;

/** The task keys a task's notes carry (see taskKeyMarker). */
export const taskKeysIn = (body: string | null | undefined): string[] =>
  [...decodeHTML(body ?? '').matchAll(TASK_KEY_MARKER)].flatMap((match) => (match[1] ? [match[1]] : []));
