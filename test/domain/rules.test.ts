import {
  deriveQuadrant,
  isRenewalDue,
  mustExist,
  profileDraftSchema,
  reRecruitTaskFor,
  rollUpPlan,
  scheduledTasksFor,
  toFieldErrors,
} from '@why-they-care/domain';

const TODAY = '2026-11-23';

describe('quadrant', () => {
  it.each([
    [4, 4, 'customer_success'],
    [3, 1, 'keep_unprofitable'],
    [2, 3, 'keep_unhappy'],
    [1, 2, 'let_go'],
    [null, 4, null],
  ] as const)('customer %p and company %p -> %p', (customerHappiness, companyHappiness, expected) => {
    expect(deriveQuadrant({ customerHappiness, companyHappiness })).toBe(expected);
  });
});

describe('plan rollup', () => {
  it('counts done and overdue steps by owner side and finds the next due date', () => {
    const rollup = rollUpPlan(
      [
        { ownerSide: 'customer', dueDate: '2026-11-20', status: 'blocked' },
        { ownerSide: 'us', dueDate: '2026-11-22', status: 'in_progress' },
        { ownerSide: 'us', dueDate: '2026-11-01', status: 'done' },
        { ownerSide: 'us', dueDate: '2026-11-23', status: 'not_started' },
        { ownerSide: 'customer', dueDate: null, status: 'not_started' },
      ],
      TODAY,
    );
    expect(rollup).toEqual({
      stepsTotal: 5,
      stepsDone: 1,
      overdueCustomer: 1,
      overdueUs: 1,
      nextDueDate: '2026-11-20',
      nextDueCustomer: '2026-11-20',
      nextDueUs: '2026-11-22',
    });
  });
});

describe('task rules', () => {
  const company = {
    companyId: '7',
    bucket: 'its_ok' as const,
    renewalDate: '2027-01-15',
    planNextDue: '2026-11-20',
    customerStuckOn: null,
    advocacyKnown: true,
    lastRenewalTaskKey: null,
    lastStalledPlanTaskKey: null,
    lastCustomerStuckTaskKey: null,
  };

  it('asks for a re-recruit task only when a save moves the company into "Who are you?"', () => {
    const base = { companyId: '7', savedVersion: 4, today: TODAY };
    expect(reRecruitTaskFor({ ...base, previousBucket: 'its_ok', nextBucket: 'who_are_you' })?.key).toBe(
      're_recruit:7:v4',
    );
    expect(reRecruitTaskFor({ ...base, previousBucket: 'who_are_you', nextBucket: 'who_are_you' })).toBeNull();
    expect(reRecruitTaskFor({ ...base, previousBucket: null, nextBucket: 'need_you' })).toBeNull();
  });

  it('is due for renewal only inside the lead window', () => {
    expect(isRenewalDue('2027-02-21', TODAY, 90)).toBe(true);
    expect(isRenewalDue('2027-02-22', TODAY, 90)).toBe(false);
    expect(isRenewalDue('2026-11-22', TODAY, 90)).toBe(false);
  });

  it('creates renewal and stalled-plan tasks once per renewal date and per stall', () => {
    const due = scheduledTasksFor(company, TODAY, 90);
    expect(due.map((task) => task.key)).toEqual(['renewal:7:2027-01-15', 'stalled_plan:7:2026-11-20']);
    expect(due[0]?.template.body).toMatch(/weigh alternatives/);
    expect(due[0]?.dueDate).toBe('2026-11-30');
    const after = scheduledTasksFor(
      {
        ...company,
        lastRenewalTaskKey: mustExist(due[0], 'a renewal task').key,
        lastStalledPlanTaskKey: mustExist(due[1], 'a stalled-plan task').key,
      },
      TODAY,
      90,
    );
    expect(after).toEqual([]);
  });
});

describe('profile schema messages', () => {
  it('names each bad field', () => {
    const result = profileDraftSchema.safeParse({
      whyTheyCare: {
        bucket: 'maybe',
        answer: 'x',
        answeredByName: '',
        answeredByRole: '',
        askedOn: '2026-02-30',
        valueThemes: ['fast;cheap'],
        concerns: ['price', 'price'],
      },
      desiredOutcome: { requiredOutcome: '', appropriateExperience: '', metrics: [] },
      successPlan: {
        steps: [{ id: 's1', title: '', ownerSide: 'them', ownerName: '', dueDate: null, status: 'done' }],
      },
      health: { customerHappiness: 9, companyHappiness: null },
      renewalDate: null,
      segment: null,
      advocacy: { willingness: null, forWhat: '' },
      leftOn: '2026-13-01',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldErrors(result.error)).toEqual({
      'whyTheyCare.bucket': ["Choose one of: We need you, It's OK, Who are you?"],
      'whyTheyCare.askedOn': ['Must be a real date in the form YYYY-MM-DD'],
      'whyTheyCare.valueThemes.0': ['Cannot contain ";"'],
      'whyTheyCare.concerns': ['Each tag once'],
      leftOn: ['Must be a real date in the form YYYY-MM-DD'],
      'successPlan.steps.0.title': ['Describe the step'],
      'successPlan.steps.0.ownerSide': ['Choose who owns the step: customer or us'],
      'health.customerHappiness': ['Must be at most 4'],
    });
  });
});
