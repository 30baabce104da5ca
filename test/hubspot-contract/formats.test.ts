import { briefedTask, briefTokens, LIMITS, RE_RECRUIT_TASK } from '@why-they-care/domain';
import {
  beforeTodayOperation,
  createTaskAction,
  delayUntilDateAction,
  enrolledObjectToken,
  hasNoValueOperation,
  isAnyOfOperation,
  isDay,
  isKnownOperation,
  MAX_PROPERTY_VALUE_LENGTH,
  propertyChangeTrigger,
  readCreateTaskAction,
  readDelayUntilDateAction,
  readOperation,
  readPropertyChangeTrigger,
} from '@why-they-care/hubspot-contract';

import { renewalItsOkReadBack, reRecruitReadBack, stalledPlanReadBack } from '../support/hubspot-readbacks';

/**
 * Each format is built and read in one place: what setup sends must read back as what it was built
 * from, and so must the forms HubSpot stores it in (the read-backs, written by hand), since the
 * sandbox runs flows and lists through these readers.
 */
type Action = { actionTypeId: string; fields: Record<string, unknown> };
const enrollmentOf = (flow: { enrollmentCriteria: { reEnrollmentTriggersFilterBranches: unknown[] } }) =>
  flow.enrollmentCriteria.reEnrollmentTriggersFilterBranches;

describe('filter operations', () => {
  it.each([
    [
      'is any of',
      isAnyOfOperation(['its_ok', 'who_are_you']),
      { test: 'is_any_of', values: ['its_ok', 'who_are_you'] },
    ],
    ['is known', isKnownOperation(), { test: 'is_known' }],
    ['has no value', hasNoValueOperation(), { test: 'is_unknown' }],
    ['before today', beforeTodayOperation(), { test: 'before_today', offsetDays: 0 }],
    ['before 90 days ago', beforeTodayOperation(-90), { test: 'before_today', offsetDays: -90 }],
  ])('reads back what it sends: %s', (_label, operation, test) => {
    expect(readOperation(operation)).toEqual(test);
  });

  it('reads an offset stored in weeks as days, and an older `type` for `operationType`', () => {
    const { operationType: _type, ...stored } = beforeTodayOperation();
    expect(readOperation({ ...stored, timePoint: { ...stored.timePoint, offset: { weeks: -2 } } })).toEqual({
      test: 'before_today',
      offsetDays: -14,
    });
  });

  it('reads nothing into an operation it does not send', () => {
    expect(readOperation({ operationType: 'NUMBER', operator: 'IS_GREATER_THAN', value: 3 })).toBeNull();
  });
});

describe('re-enrollment triggers', () => {
  it('read back as the property whose change fires them and the test of its new value', () => {
    const valueTest = isAnyOfOperation(['who_are_you']);
    expect(readPropertyChangeTrigger(propertyChangeTrigger('wtc_bucket', valueTest))).toEqual({
      property: 'wtc_bucket',
      valueTests: [{ property: 'wtc_bucket', operation: valueTest }],
    });
    expect(readPropertyChangeTrigger(propertyChangeTrigger('wtc_plan_next_due'))).toEqual({
      property: 'wtc_plan_next_due',
      valueTests: [],
    });
  });

  it('read the same from the forms HubSpot stores: a one-item MULTISTRING list, filters in another order', () => {
    const [dateChanged, bucketChanged] = enrollmentOf(renewalItsOkReadBack());
    expect(readPropertyChangeTrigger(dateChanged)).toMatchObject({ property: 'wtc_renewal_date' });
    expect(readPropertyChangeTrigger(bucketChanged)).toMatchObject({ property: 'wtc_bucket' });
    expect(readPropertyChangeTrigger(enrollmentOf(stalledPlanReadBack())[0])).toEqual({
      property: 'wtc_plan_next_due',
      valueTests: [],
    });
  });

  it('are not read from a branch without a property-change filter', () => {
    expect(readPropertyChangeTrigger({ filters: [{ filterType: 'PROPERTY', property: 'wtc_bucket' }] })).toBeNull();
  });
});

describe('workflow actions', () => {
  it('a create-task action reads back as the task it creates, for whom, and when', () => {
    // As setup words it: the company named, then the facts (the task brief through tokens).
    const action = createTaskAction({
      actionId: '1',
      template: {
        ...RE_RECRUIT_TASK,
        ...briefedTask(
          RE_RECRUIT_TASK,
          briefTokens(enrolledObjectToken, { renewalDate: 'wtc_renewal_date', revenue: 'total_revenue' }),
        ),
      },
      assigneeProperty: 'wtc_success_manager',
    });
    expect(readCreateTaskAction(action.fields)).toMatchObject({
      taskType: 'TODO',
      subject: `{{ enrolled_object.name }}: ${RE_RECRUIT_TASK.subject}`,
      priority: 'HIGH',
      owner: { type: 'CUSTOM', from: 'OBJECT_PROPERTY', property: 'wtc_success_manager' },
      due: { minutes: 3 * 24 * 60, timeOfDay: { hour: 9, minute: 0 }, daysOfWeek: [] },
      associations: [{ category: 'HUBSPOT_DEFINED', typeId: 192, to: 'ENROLLED_OBJECT' }],
    });
    const stored = reRecruitReadBack().actions[0] as Action;
    expect(readCreateTaskAction(stored.fields)).toEqual(readCreateTaskAction(action.fields));
  });

  it('a delay reads back in minutes, whether sent in DAYS or stored in MINUTES', () => {
    const action = delayUntilDateAction({ actionId: '1', dateProperty: 'wtc_renewal_date', daysBefore: 90 });
    const stored = renewalItsOkReadBack().actions[0] as Action;
    const expected = {
      date: { type: 'OBJECT_PROPERTY', property: 'wtc_renewal_date' },
      minutes: -90 * 24 * 60,
      timeOfDay: { hour: 9, minute: 0 },
    };
    expect(readDelayUntilDateAction(action.fields)).toEqual(expected);
    expect(readDelayUntilDateAction(stored.fields)).toEqual(expected);
  });
});

describe('values', () => {
  it("the domain's cap on a stored value is HubSpot's (the card's build cannot import the contract)", () => {
    expect(LIMITS.storedValue).toBe(MAX_PROPERTY_VALUE_LENGTH);
  });

  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
  ])('a date value names a real day: %s -> %p', (value, expected) => {
    expect(isDay(value)).toBe(expected);
  });
});
