import { ACTION_ESSENTIALS } from '../hubspot/unverified-formats';
import { asSet, sameCanonical } from '../lib/canonical';

/**
 * Does a list or workflow stored in HubSpot do what setup would send? HubSpot returns what it stores, not
 * what it was sent: keys in another order, defaults added (`includeObjectsWithNoValueSet`, ids, revision,
 * status), a delay in MINUTES rather than DAYS, rich text re-serialised, a trigger's single value as a
 * list. An exact comparison would rewrite every list and workflow on every run, each write leaving
 * history and possibly re-enrolling records; so both sides are reduced to what matters and compared.
 */
type Json = Record<string, unknown>;

const record = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const sorted = (values: unknown[]) => asSet(values.map(String));

/** Units of an index offset other than days and weeks, which would change its meaning if set. */
const OTHER_OFFSET_UNITS = ['years', 'quarters', 'months', 'hours', 'minutes', 'seconds', 'milliseconds'];

const timePointEssentials = (value: unknown) => {
  const timePoint = record(value);
  const offset = record(timePoint.offset);
  return {
    timeType: timePoint.timeType ?? null,
    reference: record(timePoint.indexReference).referenceType ?? null,
    timezoneSource: timePoint.timezoneSource ?? null,
    zoneId: timePoint.zoneId ?? null,
    offsetDays: Number(offset.days ?? 0) + 7 * Number(offset.weeks ?? 0),
    otherOffset: OTHER_OFFSET_UNITS.filter((unit) => Number(offset[unit] ?? 0) !== 0).map((unit) => [
      unit,
      offset[unit],
    ]),
  };
};

const operationEssentials = (value: unknown): unknown => {
  const operation = record(value);
  const type = operation.operationType ?? operation.type;
  const includesEmpty = operation.includeObjectsWithNoValueSet === true;
  switch (type) {
    case 'ALL_PROPERTY':
      // "Is known" and "is unknown" mean the same whatever includeObjectsWithNoValueSet says (HubSpot stores false).
      return { type, operator: operation.operator };
    case 'ENUMERATION':
      return { type, operator: operation.operator, values: sorted(list(operation.values)), includesEmpty };
    case 'STRING':
    case 'MULTISTRING':
      // A single `value` and a one-item `values` are the same test.
      return {
        type: 'STRING',
        operator: operation.operator,
        values: sorted(operation.values === undefined ? [operation.value] : list(operation.values)),
        includesEmpty,
      };
    case 'TIME_POINT':
      return {
        type,
        operator: operation.operator,
        includesEmpty,
        endpointBehavior: operation.endpointBehavior ?? null,
        propertyParser: operation.propertyParser ?? null,
        timePoint: timePointEssentials(operation.timePoint),
      };
    default:
      return operation;
  }
};

const filterEssentials = (value: unknown) => {
  const filter = record(value);
  return filter.filterType === 'PROPERTY'
    ? { filterType: 'PROPERTY', property: filter.property, operation: operationEssentials(filter.operation) }
    : filter;
};

/** Filters and child branches are sets: their order carries no meaning. */
const branchEssentials = (value: unknown): unknown => {
  const branch = record(value);
  return {
    type: branch.filterBranchType,
    operator: branch.filterBranchOperator ?? branch.filterBranchType,
    filters: asSet(list(branch.filters).map(filterEssentials)),
    branches: asSet(list(branch.filterBranches).map(branchEssentials)),
  };
};

const isEmptyBranch = (value: unknown) =>
  !value || (list(record(value).filters).length === 0 && list(record(value).filterBranches).length === 0);

export const sameFilterBranch = (stored: unknown, desired: unknown) =>
  sameCanonical(branchEssentials(stored), branchEssentials(desired));

/** Actions in the order they run, from the start action along each connection; ids are HubSpot's to renumber. */
const actionsInOrder = (flow: Json) => {
  const actions = list(flow.actions).map(record);
  const byId = new Map(actions.map((action) => [String(action.actionId), action]));
  const ordered: Json[] = [];
  let next: unknown = flow.startActionId ?? actions[0]?.actionId;
  while (next !== undefined && byId.has(String(next))) {
    const action = byId.get(String(next)) as Json;
    byId.delete(String(next));
    ordered.push(action);
    next = record(action.connection).nextActionId;
  }
  // Actions off the path (added by hand) still count: any left over makes the flows differ.
  return [...ordered, ...byId.values()];
};

const actionEssentials = (action: Json) => {
  const fields = record(action.fields);
  const essentials = ACTION_ESSENTIALS[String(action.actionTypeId)];
  return {
    type: action.type,
    actionTypeId: action.actionTypeId,
    version: Number(action.actionTypeVersion ?? 0),
    fields: essentials ? essentials(fields) : fields,
  };
};

const enrollmentEssentials = (value: unknown) => {
  const criteria = record(value);
  if (criteria.type !== 'LIST_BASED') return criteria;
  return {
    type: criteria.type,
    shouldReEnroll: criteria.shouldReEnroll === true,
    unEnroll: criteria.unEnrollObjectsNotMeetingCriteria === true,
    enrollWhen: branchEssentials(criteria.listFilterBranch),
    reEnrollWhen: asSet(list(criteria.reEnrollmentTriggersFilterBranches).map(branchEssentials)),
  };
};

/** Everything a workflow does, except whether it is on: setup switches that only when told. */
const flowEssentials = (value: unknown) => {
  const flow = record(value);
  return {
    type: flow.type,
    name: flow.name,
    description: String(flow.description ?? '').trim(),
    actions: actionsInOrder(flow).map(actionEssentials),
    enrollment: enrollmentEssentials(flow.enrollmentCriteria),
    suppression: isEmptyBranch(flow.suppressionFilterBranch) ? null : branchEssentials(flow.suppressionFilterBranch),
    timeWindows: asSet(list(flow.timeWindows)),
    blockedDates: asSet(list(flow.blockedDates)),
    customProperties: record(flow.customProperties),
  };
};

export const sameFlowDefinition = (stored: unknown, desired: unknown) =>
  sameCanonical(flowEssentials(stored), flowEssentials(desired));
