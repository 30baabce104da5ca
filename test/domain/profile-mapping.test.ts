import {
  changedProperties,
  emptyProfileDraft,
  findOversizedFields,
  isSameContent,
  type ProfileDraft,
  profileContentProperties,
  profileDraftSchema,
  PROPERTIES,
  readProfile,
  readProfileDraft,
} from '@why-they-care/domain';

const TODAY = '2026-11-23';

const filledDraft = (): ProfileDraft => ({
  whyTheyCare: {
    bucket: 'its_ok',
    answer: 'It does the job, but the reporting is clunky.',
    answeredByName: 'Dana Scully',
    answeredByRole: 'VP Operations',
    askedOn: '2026-11-02',
    valueThemes: [],
    concerns: ['price', 'reliability'],
  },
  desiredOutcome: {
    requiredOutcome: 'Close the books in 3 days',
    appropriateExperience: 'Without weekend work, with one dashboard',
    metrics: [{ id: 'm1', name: 'Days to close', unit: 'days', baseline: 9, current: 6, target: 3 }],
  },
  successPlan: {
    steps: [
      { id: 's1', title: 'Connect ledger', ownerSide: 'us', ownerName: 'Sam', dueDate: '2026-11-01', status: 'done' },
      {
        id: 's2',
        title: 'Send chart of accounts',
        ownerSide: 'customer',
        ownerName: 'Dana',
        dueDate: '2026-11-10',
        status: 'in_progress',
      },
      {
        id: 's3',
        title: 'Train the team',
        ownerSide: 'us',
        ownerName: 'Sam',
        dueDate: '2026-12-01',
        status: 'not_started',
      },
    ],
  },
  health: { customerHappiness: 2, companyHappiness: 4 },
  renewalDate: '2027-02-01',
  segment: 'guided-rollout',
  advocacy: { willingness: 'case_study', forWhat: 'Month-end close in finance teams' },
  leftOn: null,
  winWin: { decision: null, reason: '' },
});

describe('profile <-> HubSpot properties', () => {
  it('round-trips a filled profile through the stored properties', () => {
    const draft = filledDraft();
    const stored = profileContentProperties(draft, TODAY);
    expect(readProfileDraft(stored)).toEqual(draft);
  });

  it('round-trips the empty profile', () => {
    const stored = profileContentProperties(emptyProfileDraft(), TODAY);
    expect(readProfileDraft(stored)).toEqual(emptyProfileDraft());
  });

  it('stores the bucket, the rollups and the quadrant as plain properties HubSpot can filter on', () => {
    const stored = profileContentProperties(filledDraft(), TODAY);
    expect(stored).toMatchObject({
      [PROPERTIES.bucket.name]: 'its_ok',
      [PROPERTIES.planStepsTotal.name]: '3',
      [PROPERTIES.planStepsDone.name]: '1',
      [PROPERTIES.planOverdueCustomer.name]: '1',
      [PROPERTIES.planOverdueUs.name]: '0',
      [PROPERTIES.planNextDue.name]: '2026-11-10',
      [PROPERTIES.quadrant.name]: 'keep_unhappy',
      [PROPERTIES.customerHappiness.name]: '2',
      [PROPERTIES.renewalDate.name]: '2027-02-01',
    });
  });

  it('reads a company never filled as an empty profile at version 0', () => {
    const profile = readProfile({
      companyId: '42',
      properties: { name: 'Acme' },
      bucketHistory: [],
      tagOptions: null,
      today: TODAY,
    });
    expect(profile).toMatchObject({ ...emptyProfileDraft(), companyId: '42', companyName: 'Acme', version: 0 });
    expect(profile.derived).toEqual({
      plan: {
        stepsTotal: 0,
        stepsDone: 0,
        overdueCustomer: 0,
        overdueUs: 0,
        nextDueDate: null,
        nextDueCustomer: null,
        nextDueUs: null,
      },
      quadrant: null,
    });
    expect(profile.readWarnings).toEqual([]);
  });

  it('keeps the readable steps of a hand-edited property and says what it left out', () => {
    const steps = JSON.stringify([
      { id: 's1', title: 'Kick-off', ownerSide: 'us', ownerName: '', dueDate: null, status: 'done' },
      { id: 's2', title: 'Broken', ownerSide: 'them', status: 'what' },
    ]);
    const profile = readProfile({
      companyId: '1',
      properties: { [PROPERTIES.planSteps.name]: steps, [PROPERTIES.successMetrics.name]: '{not json' },
      bucketHistory: [],
      tagOptions: null,
      today: TODAY,
    });
    expect(profile.successPlan.steps.map((step) => step.id)).toEqual(['s1']);
    expect(profile.readWarnings).toEqual([
      'The stored success metrics could not be read and were left out.',
      '1 stored plan steps could not be read and were left out.',
    ]);
  });

  it('reads HubSpot values leniently: epoch dates, numeric strings, unknown options', () => {
    const draft = readProfileDraft({
      [PROPERTIES.askedOn.name]: String(Date.UTC(2026, 10, 2)),
      [PROPERTIES.customerHappiness.name]: '3',
      [PROPERTIES.companyHappiness.name]: '7',
      [PROPERTIES.bucket.name]: 'not_a_bucket',
    });
    expect(draft.whyTheyCare.askedOn).toBe('2026-11-02');
    expect(draft.health).toEqual({ customerHappiness: 3, companyHappiness: null });
    expect(draft.whyTheyCare.bucket).toBeNull();
  });

  it('sees no change when the same draft is saved again', () => {
    const draft = filledDraft();
    const stored = profileContentProperties(draft, TODAY);
    const reread = profileContentProperties(readProfileDraft(stored), TODAY);
    expect(isSameContent(stored, reread)).toBe(true);
    const edited = profileContentProperties({ ...draft, renewalDate: '2027-03-01' }, TODAY);
    expect(isSameContent(stored, edited)).toBe(false);
  });

  it('names only the properties whose value differs from the stored one', () => {
    const stored = profileContentProperties(filledDraft(), TODAY);
    const moved = profileContentProperties(
      { ...filledDraft(), whyTheyCare: { ...filledDraft().whyTheyCare, bucket: 'need_you' } },
      TODAY,
    );
    // Concerns describe "It's OK" answers: the move to "We need you" clears them, and the open ones with them.
    expect(changedProperties(moved, stored)).toEqual({
      [PROPERTIES.bucket.name]: 'need_you',
      [PROPERTIES.concerns.name]: '',
      [PROPERTIES.openConcerns.name]: '',
    });
    expect(changedProperties(stored, stored)).toEqual({});
  });

  it('does not count another spelling of the same stored value as a change', () => {
    const written = profileContentProperties(filledDraft(), TODAY);
    const asHubSpotReturnsThem = {
      ...written,
      [PROPERTIES.askedOn.name]: String(Date.UTC(2026, 10, 2)),
      [PROPERTIES.renewalDate.name]: '2027-02-01T00:00:00.000Z',
      [PROPERTIES.customerHappiness.name]: '2.0',
    };
    expect(changedProperties(written, asHubSpotReturnsThem)).toEqual({});
  });

  it('counts a value HubSpot does not hold, or holds empty, as a change unless the new one is empty too', () => {
    const next = { [PROPERTIES.answer.name]: 'New', [PROPERTIES.answeredByRole.name]: '' };
    expect(changedProperties(next, { [PROPERTIES.answer.name]: null })).toEqual({ [PROPERTIES.answer.name]: 'New' });
  });

  it('names the field that would not fit in a HubSpot property', () => {
    const step = (index: number) => ({
      id: `s${index}`,
      title: 'x'.repeat(200),
      ownerSide: 'us' as const,
      ownerName: 'y'.repeat(200),
      dueDate: null,
      status: 'not_started' as const,
    });
    const draft = { ...filledDraft(), successPlan: { steps: Array.from({ length: 50 }, (_, i) => step(i)) } };
    expect(profileDraftSchema.safeParse(draft).success).toBe(true);
    const fields = findOversizedFields(profileContentProperties(draft, TODAY));
    expect(Object.keys(fields)).toEqual([]);
    const huge = { ...draft, successPlan: { steps: Array.from({ length: 200 }, (_, i) => step(i)) } };
    expect(findOversizedFields(profileContentProperties(huge, TODAY))['profile.successPlan.steps']?.[0]).toMatch(
      /^Too long to store in HubSpot \(\d+ characters, at most 65536\)/,
    );
  });
});
