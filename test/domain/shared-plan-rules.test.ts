import {
  applyPlanTemplate,
  customerStuckOn,
  decideSave,
  emptyProfileDraft,
  healthSignal,
  isEditedSinceApplied,
  markCustomerStepDone,
  type PlanStep,
  planTemplatesSchema,
  type ProfileDraft,
  profileContentProperties,
  renewalTask,
  scheduledTasksFor,
  type Segment,
  sharedPlanView,
  toFieldErrors,
  withStepStatus,
} from '@why-they-care/domain';

const TODAY = '2026-11-23';
const AT = new Date('2026-11-23T10:00:00.000Z');

const GUIDED: Segment = {
  id: 'guided-rollout',
  label: 'Guided rollout',
  appropriateExperience: 'A named expert walks them through it',
  steps: [
    { id: 'kickoff', title: 'Kick-off call', ownerSide: 'us', dueInDays: 7, description: 'Agree goals and owners.' },
    { id: 'data', title: 'Send sample data', ownerSide: 'customer', dueInDays: 14, description: '' },
  ],
};

const ids = (...list: string[]) => {
  const queue = [...list];
  return () => queue.shift() ?? 'extra';
};

describe('plan templates', () => {
  it('adds every step of the template to an empty plan, due from today, marked with where it came from', () => {
    const applied = applyPlanTemplate([], GUIDED, TODAY, ids('a', 'b'));
    expect(applied).toMatchObject({ added: 2, refreshed: 0, kept: 0 });
    expect(applied.steps).toEqual([
      {
        id: 'a',
        title: 'Kick-off call',
        description: 'Agree goals and owners.',
        ownerSide: 'us',
        ownerName: '',
        dueDate: '2026-11-30',
        status: 'not_started',
        template: { segment: 'guided-rollout', step: 'kickoff', fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/) },
      },
      expect.objectContaining({ id: 'b', title: 'Send sample data', ownerSide: 'customer', dueDate: '2026-12-07' }),
    ]);
    expect(applied.steps.some(isEditedSinceApplied)).toBe(false);
  });

  it('merges into an existing plan: own steps stay where they are, edited steps are never overwritten', () => {
    const own: PlanStep = {
      id: 'own',
      title: 'Our own step',
      ownerSide: 'us',
      ownerName: 'Sam',
      dueDate: null,
      status: 'in_progress',
    };
    const first = applyPlanTemplate([own], GUIDED, TODAY, ids('a', 'b')).steps;
    // The account manager adapts one template step, and a newer template rewords both.
    const adapted = first.map((step) => (step.id === 'a' ? { ...step, ownerName: 'Priya', title: 'Kick-off' } : step));
    expect(isEditedSinceApplied(adapted[1] as PlanStep)).toBe(true);
    const reworded: Segment = {
      ...GUIDED,
      steps: [
        { ...GUIDED.steps[0]!, title: 'Kick-off workshop' },
        { ...GUIDED.steps[1]!, title: 'Send a sample export' },
        { id: 'review', title: 'First review', ownerSide: 'us', dueInDays: 30, description: '' },
      ],
    };
    const again = applyPlanTemplate(adapted, reworded, '2026-12-01', ids('c'));
    expect(again).toMatchObject({ added: 1, refreshed: 1, kept: 1 });
    expect(again.steps.map((step) => [step.id, step.title, step.dueDate])).toEqual([
      ['own', 'Our own step', null],
      ['a', 'Kick-off', '2026-11-30'],
      // Unedited and not started: the new wording, its id and due date kept.
      ['b', 'Send a sample export', '2026-12-07'],
      ['c', 'First review', '2026-12-31'],
    ]);
    expect(isEditedSinceApplied(again.steps[2] as PlanStep)).toBe(false);
  });

  it('leaves a template step that is under way as it is, and adds nothing twice', () => {
    const first = applyPlanTemplate([], GUIDED, TODAY, ids('a', 'b')).steps;
    const started = first.map((step) => (step.id === 'b' ? { ...step, status: 'in_progress' as const } : step));
    const again = applyPlanTemplate(
      started,
      { ...GUIDED, steps: GUIDED.steps.map((s) => ({ ...s, title: 'New' })) },
      TODAY,
      ids(),
    );
    expect(again).toMatchObject({ added: 0, refreshed: 1, kept: 1 });
    expect(again.steps.find((step) => step.id === 'b')?.title).toBe('Send sample data');
  });

  it("a template step of another segment is not this segment's step", () => {
    const first = applyPlanTemplate([], GUIDED, TODAY, ids('a', 'b')).steps;
    const other: Segment = { ...GUIDED, id: 'self-serve' };
    expect(applyPlanTemplate(first, other, TODAY, ids('c', 'd'))).toMatchObject({ added: 2, kept: 0 });
  });

  it('validates the admin document with a message per field', () => {
    const result = planTemplatesSchema.safeParse({
      segments: [
        { id: 'a', label: '', steps: [] },
        { id: 'a', label: 'Dup', steps: [{ id: 's', title: 'x', ownerSide: 'them', dueInDays: -1 }] },
      ],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toFieldErrors(result.error)).toEqual({
      'segments.0.label': ['Name the segment'],
      'segments.0.steps': ['A template needs at least one step'],
      'segments.1.steps.0.ownerSide': ['ownerSide must be "customer" or "us"'],
      'segments.1.steps.0.dueInDays': ['Cannot be due before it is applied'],
    });
    const twice = planTemplatesSchema.safeParse({ segments: [GUIDED, GUIDED] });
    expect(twice.success ? {} : toFieldErrors(twice.error)).toEqual({ segments: ['Each segment needs its own id'] });
  });
});

describe('signals', () => {
  it('names a fall of two or more in customer happiness, and from what', () => {
    expect(
      healthSignal({ customerHappiness: 4, companyHappiness: 2 }, { customerHappiness: 2, companyHappiness: 2 }),
    ).toBe('Customer happiness fell from 4 - Very happy to 2 - Unhappy.');
    expect(
      healthSignal({ customerHappiness: 4, companyHappiness: 2 }, { customerHappiness: 3, companyHappiness: 2 }),
    ).toBeNull();
    expect(
      healthSignal({ customerHappiness: null, companyHappiness: 2 }, { customerHappiness: 1, companyHappiness: 2 }),
    ).toBeNull();
  });

  it('names a move out of "Customer success" into a quadrant to work on, and says both when both happen', () => {
    expect(
      healthSignal({ customerHappiness: 3, companyHappiness: 4 }, { customerHappiness: 3, companyHappiness: 2 }),
    ).toBe('The health quadrant moved from Customer success to Work to keep: happy but unprofitable.');
    expect(
      healthSignal({ customerHappiness: 4, companyHappiness: 4 }, { customerHappiness: 1, companyHappiness: 1 }),
    ).toBe(
      'Customer happiness fell from 4 - Very happy to 1 - Very unhappy. The health quadrant moved from Customer success to Let go.',
    );
    // Out of "Let go" into "Work to keep" is an improvement, not a signal.
    expect(
      healthSignal({ customerHappiness: 1, companyHappiness: 1 }, { customerHappiness: 1, companyHappiness: 4 }),
    ).toBeNull();
  });

  const step = (ownerSide: 'customer' | 'us', dueDate: string | null, status: PlanStep['status'] = 'not_started') => ({
    ownerSide,
    dueDate,
    status,
  });

  it('counts the customer stuck from 14 days after the latest due date of their open steps, ours aside', () => {
    expect(
      customerStuckOn([step('customer', '2026-10-01'), step('customer', '2026-10-20'), step('us', '2026-09-01')]),
    ).toBe('2026-11-03');
    expect(customerStuckOn([step('customer', '2026-10-01'), step('customer', '2026-12-20', 'done')])).toBe(
      '2026-10-15',
    );
    expect(customerStuckOn([step('customer', '2026-10-01'), step('customer', null)])).toBeNull();
    expect(customerStuckOn([step('us', '2026-01-01')])).toBeNull();
  });

  it('creates one stuck task per company and stuck date, apart from the stalled-plan task', () => {
    const company = {
      companyId: '7',
      bucket: 'need_you' as const,
      renewalDate: null,
      planNextDue: '2026-10-01',
      customerStuckOn: '2026-11-03',
      advocacyKnown: true,
      lastRenewalTaskKey: null,
      lastStalledPlanTaskKey: null,
      lastCustomerStuckTaskKey: null,
    };
    const due = scheduledTasksFor(company, TODAY, 90);
    expect(due.map((task) => [task.key, task.template.subject])).toEqual([
      ['stalled_plan:7:2026-10-01', 'Success plan stalled: steps are overdue'],
      ['customer_stuck:7:2026-11-03', 'They are stuck: every step the customer owns is overdue'],
    ]);
    expect(
      scheduledTasksFor({ ...company, lastCustomerStuckTaskKey: 'customer_stuck:7:2026-11-03' }, TODAY, 90).map(
        (task) => task.key,
      ),
    ).toEqual(['stalled_plan:7:2026-10-01']);
    // Not yet 14 days: not stuck.
    expect(scheduledTasksFor({ ...company, customerStuckOn: TODAY }, TODAY, 90)).toHaveLength(1);
  });

  it('asks a "We need you" customer to advocate at renewal while nobody has', () => {
    expect(renewalTask('need_you', false).body).toMatch(/reference or a case study: ask, and record the answer/);
    expect(renewalTask('need_you', true).body).not.toMatch(/Nobody has asked/);
    expect(renewalTask('its_ok', false).body).not.toMatch(/Nobody has asked/);
  });
});

const health = (customerHappiness: number, companyHappiness: number): ProfileDraft => ({
  ...emptyProfileDraft(),
  health: { customerHappiness, companyHappiness },
});

describe('a save that lowers the health', () => {
  const stored = { ...profileContentProperties(health(4, 4), TODAY), wtc_version: '3', hubspot_owner_id: '7' };

  it('records what changed and when, and calls for one task for the owner keyed by the saved version', () => {
    const decision = decideSave({
      companyId: '1001',
      stored,
      request: { requestId: 'save-request-0001', expectedVersion: 3, profile: health(2, 4) },
      actor: { email: 'am@example.com', userId: null },
      at: AT,
    });
    if (decision.kind !== 'write') throw new Error(decision.kind);
    expect(decision.properties).toMatchObject({
      wtc_health_signal:
        'Customer happiness fell from 4 - Very happy to 2 - Unhappy. The health quadrant moved from Customer success to Work to keep: profitable but unhappy.',
      wtc_health_signal_at: '2026-11-23T10:00:00.000Z',
    });
    expect(decision.healthDrop).toMatchObject({
      key: 'health_drop:1001:v4',
      template: { kind: 'health_drop', assignee: 'owner', subject: 'Health dropped: find out what changed' },
    });
  });

  it('raises nothing when the health holds', () => {
    const decision = decideSave({
      companyId: '1001',
      stored,
      request: {
        requestId: 'save-request-0001',
        expectedVersion: 3,
        profile: { ...health(4, 4), renewalDate: '2027-01-01' },
      },
      actor: { email: 'am@example.com', userId: null },
      at: AT,
    });
    expect(decision).toMatchObject({ kind: 'write', healthDrop: null });
    expect(Object.keys(decision.kind === 'write' ? decision.properties : {})).not.toContain('wtc_health_signal');
  });
});

describe('the plan shared with the customer', () => {
  const plan: ProfileDraft = {
    ...emptyProfileDraft(),
    whyTheyCare: { ...emptyProfileDraft().whyTheyCare, bucket: 'its_ok', answer: 'Internal: they are shopping around' },
    desiredOutcome: { requiredOutcome: 'Close in 3 days', appropriateExperience: 'No weekends', metrics: [] },
    successPlan: {
      steps: [
        { id: 'u1', title: 'Set up', ownerSide: 'us', ownerName: 'Sam', dueDate: null, status: 'done' },
        {
          id: 'c1',
          title: 'Send data',
          ownerSide: 'customer',
          ownerName: 'Dana',
          dueDate: null,
          status: 'not_started',
        },
        { id: 'u2', title: 'Train', ownerSide: 'us', ownerName: 'Sam', dueDate: null, status: 'not_started' },
        { id: 'c2', title: 'Sign off', ownerSide: 'customer', ownerName: 'Dana', dueDate: null, status: 'done' },
      ],
    },
  };

  it('shows their outcome, metrics and plan, their own steps first, and nothing else', () => {
    const view = sharedPlanView(plan);
    expect(Object.keys(view).sort()).toEqual(['appropriateExperience', 'metrics', 'requiredOutcome', 'steps']);
    expect(view.steps.map((step) => step.id)).toEqual(['c1', 'c2', 'u1', 'u2']);
    expect(JSON.stringify(view)).not.toContain('shopping around');
  });

  it('lets the customer mark only their own open step done, with who and when', () => {
    const done = markCustomerStepDone(plan, 'c1', 'Dana Scully', AT);
    if (done.kind !== 'done') throw new Error(done.kind);
    expect(done.step).toEqual({
      ...plan.successPlan.steps[1],
      status: 'done',
      customerDone: { by: 'Dana Scully', at: '2026-11-23T10:00:00.000Z' },
    });
    expect(done.draft.successPlan.steps.filter((step) => step.status === 'done').map((step) => step.id)).toEqual([
      'u1',
      'c1',
      'c2',
    ]);
    expect({ ...done.draft, successPlan: plan.successPlan }).toEqual(plan);
    expect(markCustomerStepDone(plan, 'u2', 'Dana', AT)).toEqual({ kind: 'not_theirs' });
    expect(markCustomerStepDone(plan, 'c2', 'Dana', AT).kind).toBe('already_done');
    expect(markCustomerStepDone(plan, 'nope', 'Dana', AT)).toEqual({ kind: 'no_such_step' });
  });

  it("drops the customer's done record when the account manager reopens the step", () => {
    const done = markCustomerStepDone(plan, 'c1', 'Dana', AT);
    if (done.kind !== 'done') throw new Error(done.kind);
    expect(withStepStatus(done.step, 'in_progress').customerDone).toBeUndefined();
    expect(withStepStatus(done.step, 'done').customerDone).toEqual({ by: 'Dana', at: '2026-11-23T10:00:00.000Z' });
  });

  it("saves the customer's change as a new version without touching the review stamp", () => {
    const stored = {
      ...profileContentProperties(plan, TODAY),
      wtc_version: '5',
      wtc_last_reviewed_by: 'am@example.com',
      wtc_last_reviewed_at: '2026-11-01T09:00:00.000Z',
    };
    const done = markCustomerStepDone(plan, 'c1', 'Dana', AT);
    if (done.kind !== 'done') throw new Error(done.kind);
    const decision = decideSave({
      companyId: '1001',
      stored,
      request: { requestId: 'customer-0001', expectedVersion: 5, profile: done.draft },
      actor: { email: null, userId: null },
      at: AT,
      savedBy: 'customer',
    });
    if (decision.kind !== 'write') throw new Error(decision.kind);
    expect(decision.properties).toEqual({
      wtc_plan_steps: JSON.stringify(done.draft.successPlan.steps),
      wtc_plan_steps_done: '3',
      wtc_version: '6',
      wtc_last_save_id: 'customer-0001',
    });
  });
});
