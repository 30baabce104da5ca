import { asSet, sameCanonical } from './canonical';
import { OPERATION_TYPE, operationTypeOf } from './filters';
import { LIST_BASED } from './flows';
import { asList, asObject, type JsonObject } from './json';
import { ACTION_ESSENTIALS, offsetDaysOf } from './unverified-formats';

/**
 * Does a list or workflow stored in HubSpot do what setup would send? HubSpot returns what it stores, not
 * what it was sent: keys in another order, defaults added (`includeObjectsWithNoValueSet`, ids, revision,
 * status), a delay in MINUTES rather than DAYS, rich text re-serialised, a trigger's single value as a
 * list. An exact comparison would rewrite every list and workflow on every run, each write leaving
 * history and possibly re-enrolling records; so both sides are reduced to what matters and compared.
 */
const sorted = (values: unknown[]) => asSet(values.map(String));

/** Units of an index offset other than days and weeks, which would change its meaning if set. */
const OTHER_OFFSET_UNITS = ['years', 'quarters', 'months', 'hours', 'minutes', 'seconds', 'milliseconds'];

const timePointEssentials = (value: unknown) => {
  const timePoint = asObject(value);
  const offset = asObject(timePoint.offset);
  return {
    timeType: timePoint.timeType ?? null,
    reference: asObject(timePoint.indexReference).referenceType ?? null,
    timezoneSource: timePoint.timezoneSource ?? null,
    zoneId: timePoint.zoneId ?? null,
    offsetDays: offsetDaysOf(offset),
    otherOffset: OTHER_OFFSET_UNITS.filter((unit) => Number(offset[unit] ?? 0) !== 0).map((unit) => [
      unit,
      offset[unit],
    ]),
  };
};

const operationEssentials = (value: unknown): unknown => {
  const operation = asObject(value);
  const type = operationTypeOf(operation);
  const includesEmpty = operation.includeObjectsWithNoValueSet === true;
  switch (type) {
    case OPERATION_TYPE.allProperty:
      // "Is known" and "is unknown" mean the same whatever includeObjectsWithNoValueSet says (HubSpot stores false).
      return { type, operator: operation.operator };
    case OPERATION_TYPE.enumeration:
      return { type, operator: operation.operator, values: sorted(asList(operation.values)), includesEmpty };
    case OPERATION_TYPE.string:
    case OPERATION_TYPE.multiString:
      // A single `value` and a one-item `values` are the same test.
      return {
        type: OPERATION_TYPE.string,
        operator: operation.operator,
        values: sorted(operation.values === undefined ? [operation.value] : asList(operation.values)),
        includesEmpty,
      };
    case OPERATION_TYPE.timePoint:
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
  const filter = asObject(value);
  return filter.filterType === 'PROPERTY'
    ? { filterType: 'PROPERTY', property: filter.property, operation: operationEssentials(filter.operation) }
    : filter;
};

/** Filters and child branches are sets: their order carries no meaning. */
const branchEssentials = (value: unknown): unknown => {
  const branch = asObject(value);
  return {
    type: branch.filterBranchType,
    operator: branch.filterBranchOperator ?? branch.filterBranchType,
    filters: asSet(asList(branch.filters).map(filterEssentials)),
    branches: asSet(asList(branch.filterBranches).map(branchEssentials)),
  };
};

const isEmptyBranch = (value: unknown) =>
  !value || (asList(asObject(value).filters).length === 0 && asList(asObject(value).filterBranches).length === 0);

export const sameFilterBranch = (stored: unknown, desired: unknown) =>
  sameCanonical(branchEssentials(stored), branchEssentials(desired));

/** Actions in the order they run, from the start action along each connection; ids are HubSpot's to renumber. */
const actionsInOrder = (flow: JsonObject) => {
  const actions = asList(flow.actions).map(asObject);
  const byId = new Map(actions.map((action) => [String(action.actionId), action]));
  const ordered: JsonObject[] = [];
  let next: unknown = flow.startActionId ?? actions[0]?.actionId;
  while (next !== undefined && byId.has(String(next))) {
    const action = byId.get(String(next)) as JsonObject;
    byId.delete(String(next));
    ordered.push(action);
    next = asObject(action.connection).nextActionId;
  }
  // Actions off the path (added by hand) still count: any left over makes the flows differ.
  return [...ordered, ...byId.values()];
};

const actionEssentials = (action: JsonObject) => {
  const fields = asObject(action.fields);
  const essentials = ACTION_ESSENTIALS[String(action.actionTypeId)];
  return {
    type: action.type,
    actionTypeId: action.actionTypeId,
    version: Number(action.actionTypeVersion ?? 0),
    fields: essentials ? essentials(fields) : fields,
  };
};

const enrollmentEssentials = (value: unknown) => {
  const criteria = asObject(value);
  if (criteria.type !== LIST_BASED) return criteria;
  return {
    type: criteria.type,
    shouldReEnroll: criteria.shouldReEnroll === true,
    unEnroll: criteria.unEnrollObjectsNotMeetingCriteria === true,
    enrollWhen: branchEssentials(criteria.listFilterBranch),
    reEnrollWhen: asSet(asList(criteria.reEnrollmentTriggersFilterBranches).map(branchEssentials)),
  };
};

/** Everything a workflow does, except whether it is on: setup switches that only when told. */
const flowEssentials = (value: unknown) => {
  const flow = asObject(value);
  return {
    type: flow.type,
    name: flow.name,
    description: String(flow.description ?? '').trim(),
    actions: actionsInOrder(flow).map(actionEssentials),
    enrollment: enrollmentEssentials(flow.enrollmentCriteria),
    suppression: isEmptyBranch(flow.suppressionFilterBranch) ? null : branchEssentials(flow.suppressionFilterBranch),
    timeWindows: asSet(asList(flow.timeWindows)),
    blockedDates: asSet(asList(flow.blockedDates)),
    customProperties: asObject(flow.customProperties),
  };
};

export const sameFlowDefinition = (stored: unknown, desired: unknown) =>
  sameCanonical(flowEssentials(stored), flowEssentials(desired));
