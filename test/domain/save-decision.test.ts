import {
  completeWrite,
  decideSave,
  defaultTagOptions,
  emptyProfileDraft,
  type HubSpotProperties,
  LIMITS,
  type ProfileDraft,
  profileContentProperties,
  PROPERTIES,
  reviewerOf,
  type SaveInput,
  type SaveWrite,
} from '@why-they-care/domain';

const AT = new Date('2026-11-23T10:00:00.000Z');
const TODAY = '2026-11-23';

const draft = (bucket: ProfileDraft['whyTheyCare']['bucket'], answer = 'We forgot what you do.'): ProfileDraft => {
  const empty = emptyProfileDraft();
  return { ...empty, whyTheyCare: { ...empty.whyTheyCare, bucket, answer } };
};

/** A company at version 3 saved from "It's OK", owned by owner 7 with manager 9 stored. */
const STORED: HubSpotProperties = {
  ...profileContentProperties(draft('its_ok', 'It is fine.'), TODAY),
  wtc_version: '3',
  wtc_last_save_id: 'earlier-save-0001',
  wtc_last_reviewed_at: '2026-10-01T09:00:00.000Z',
  wtc_last_reviewed_by: 'old@example.com',
  wtc_success_manager: '9',
  hubspot_owner_id: '7',
};

const input = (overrides: Partial<SaveInput> = {}, profile = draft('who_are_you')): SaveInput => ({
  companyId: '1001',
  stored: STORED,
  request: { requestId: 'save-request-0001', expectedVersion: 3, profile },
  actor: { email: 'am@example.com', userId: '55' },
  at: AT,
  tagOptions: defaultTagOptions(),
  ...overrides,
});

const writeOf = (overrides: Partial<SaveInput> = {}, profile?: ProfileDraft): SaveWrite => {
  const decision = decideSave(input(overrides, profile));
  if (decision.kind !== 'write') throw new Error(`expected a write, got ${decision.kind}`);
  return decision;
};

const STAMP = {
  wtc_version: '4',
  wtc_last_save_id: 'save-request-0001',
  wtc_last_reviewed_at: '2026-11-23T10:00:00.000Z',
  wtc_last_reviewed_by: 'am@example.com',
};

/** The facts a move out of "It's OK" by this save leaves. */
const MOVED = {
  wtc_previous_bucket: 'its_ok',
  wtc_bucket_moved_at: '2026-11-23T10:00:00.000Z',
  wtc_bucket_moved_by: 'am@example.com',
};

describe('decideSave', () => {
  it('recognises a retry of the save already stored, and writes nothing', () => {
    const stored = { ...STORED, wtc_version: '4', wtc_last_save_id: 'save-request-0001' };
    expect(decideSave(input({ stored }))).toEqual({ kind: 'already_saved' });
  });

  it('refuses a save over a version other than the one the card loaded', () => {
    expect(decideSave(input({ stored: { ...STORED, wtc_version: '5' } }))).toEqual({
      kind: 'conflict',
      storedVersion: 5,
      expectedVersion: 3,
    });
    // A version one ahead saved by another request is someone else's save, not a retry.
    expect(decideSave(input({ stored: { ...STORED, wtc_version: '4' } }))).toMatchObject({ kind: 'conflict' });
  });

  it('names the list too large for HubSpot, by its path in the request, before anything is written', () => {
    // A control character is six characters once stored as JSON ("\u0001"): within the field limits, too big for HubSpot.
    const steps = Array.from({ length: LIMITS.steps }, (_, index) => ({
      id: `s${index}`,
      title: '\u0001'.repeat(LIMITS.shortText),
      ownerSide: 'us' as const,
      ownerName: '\u0001'.repeat(LIMITS.shortText),
      dueDate: null,
      status: 'not_started' as const,
    }));
    const profile = { ...draft('who_are_you'), successPlan: { steps } };
    expect(profileContentProperties(profile, TODAY)[PROPERTIES.planSteps.name]?.length).toBeGreaterThan(
      LIMITS.storedValue,
    );
    const decision = decideSave(input({}, profile));
    expect(decision.kind).toBe('too_large');
    expect(decision.kind === 'too_large' && Object.keys(decision.fields)).toEqual(['profile.successPlan.steps']);
  });

  it('writes nothing when the content is what HubSpot holds, however HubSpot spells it', () => {
    const profile = { ...draft('its_ok', 'It is fine.'), renewalDate: '2027-01-31' };
    // Older HubSpot paths return a date property as epoch milliseconds.
    const stored = { ...STORED, wtc_renewal_date: '1801353600000' };
    expect(decideSave(input({ stored }, profile))).toEqual({ kind: 'unchanged' });
  });

  it('writes the changed content and the stamp, and nothing the save leaves as it is', () => {
    const write = writeOf();
    expect(write.properties).toEqual({
      wtc_bucket: 'who_are_you',
      wtc_answer: 'We forgot what you do.',
      ...MOVED,
      wtc_re_recruit_at: '2026-11-23T10:00:00.000Z',
      ...STAMP,
    });
    expect(write).toMatchObject({ version: 4, ownerId: '7', storedSuccessManager: '9' });
  });

  it('adds a bucket move to the history, stamped with who saved and when', () => {
    expect(writeOf().bucketMove).toEqual({
      bucket: 'who_are_you',
      changedAt: '2026-11-23T10:00:00.000Z',
      changedBy: 'am@example.com',
    });
    expect(writeOf({}, draft('its_ok', 'It is fine, really.')).bucketMove).toBeNull();
  });

  it('makes the re-recruit task due when the save moves the company into "Who are you?", once per version', () => {
    expect(writeOf().reRecruit).toMatchObject({ key: 're_recruit:1001:v4', companyId: '1001', dueDate: '2026-11-26' });
    const already = { ...STORED, wtc_bucket: 'who_are_you' };
    expect(writeOf({ stored: already }, draft('who_are_you', 'Still unsure.')).reRecruit).toBeNull();
    expect(writeOf({}, draft('need_you')).reRecruit).toBeNull();
  });

  it('records the facts of a bucket move only when the bucket moves, each only when it changes', () => {
    const unmoved = writeOf({}, draft('its_ok', 'It is fine, really.')).properties;
    expect(Object.keys(unmoved).filter((name) => /moved|previous|re_recruit_at/.test(name))).toEqual([]);
    // Moved back to where it came from before: the previous bucket is already "It's OK".
    const stored = { ...STORED, wtc_previous_bucket: 'its_ok' };
    expect(writeOf({ stored }, draft('need_you')).properties).not.toHaveProperty('wtc_previous_bucket');
    // A first answer comes from no bucket; only a move into "Who are you?" starts a re-recruit.
    const first = writeOf({ stored: { ...STORED, wtc_bucket: '' } }, draft('need_you')).properties;
    expect(first).toMatchObject({ wtc_bucket_moved_at: '2026-11-23T10:00:00.000Z' });
    expect(first).not.toHaveProperty('wtc_previous_bucket');
    expect(first).not.toHaveProperty('wtc_re_recruit_at');
  });

  it("refuses tags outside the account's lists before writing, and clears tags the bucket does not use", () => {
    const tagged = (bucket: ProfileDraft['whyTheyCare']['bucket'], concerns: string[]): ProfileDraft => {
      const base = draft(bucket);
      return { ...base, whyTheyCare: { ...base.whyTheyCare, concerns } };
    };
    expect(decideSave(input({}, tagged('its_ok', ['price', 'weather'])))).toEqual({
      kind: 'unknown_tags',
      fields: {
        'profile.whyTheyCare.concerns': ['Not in the list of "What worries them" (ask your HubSpot admin): weather'],
      },
    });
    // Unknown lists (not read yet): HubSpot itself checks the options.
    expect(decideSave(input({ tagOptions: null }, tagged('its_ok', ['weather']))).kind).toBe('write');
    const stored = { ...STORED, wtc_concerns: 'price' };
    expect(writeOf({ stored }, tagged('need_you', ['weather'])).properties).toMatchObject({ wtc_concerns: '' });
  });

  it('reads a company with no owner as having none', () => {
    expect(writeOf({ stored: { ...STORED, hubspot_owner_id: '' } }).ownerId).toBeNull();
  });
});

describe('reviewerOf', () => {
  it('stamps the email, else the HubSpot user id, else "unknown"', () => {
    expect(reviewerOf({ email: 'am@example.com', userId: '55' })).toBe('am@example.com');
    expect(reviewerOf({ email: null, userId: '55' })).toBe('HubSpot user 55');
    expect(reviewerOf({ email: null, userId: null })).toBe('unknown');
  });
});

describe('completeWrite', () => {
  const known = (successManagerId: string | null) => ({ known: true as const, successManagerId });

  it('writes the success manager only when the rule names someone else than the one stored', () => {
    expect(completeWrite(writeOf({}, draft('need_you')), { successManager: known('12'), createsTasks: false })).toEqual(
      {
        properties: {
          wtc_bucket: 'need_you',
          wtc_answer: 'We forgot what you do.',
          ...MOVED,
          ...STAMP,
          wtc_success_manager: '12',
        },
        reRecruitTask: null,
        healthDropTask: null,
      },
    );
    const same = completeWrite(writeOf({}, draft('need_you')), { successManager: known('9'), createsTasks: false });
    expect(same.properties).not.toHaveProperty('wtc_success_manager');
    const cleared = completeWrite(writeOf({}, draft('need_you')), { successManager: known(null), createsTasks: false });
    expect(cleared.properties.wtc_success_manager).toBe('');
  });

  it('writes no success manager while the rule cannot tell yet', () => {
    const write = completeWrite(writeOf({}, draft('need_you')), {
      successManager: { known: false },
      createsTasks: true,
    });
    expect(write.properties).not.toHaveProperty('wtc_success_manager');
  });

  it('in direct mode, records the re-recruit task as decided and pending with the save and names who gets it', () => {
    const write = completeWrite(writeOf(), { successManager: known('12'), createsTasks: true });
    expect(write.properties).toEqual({
      wtc_bucket: 'who_are_you',
      wtc_answer: 'We forgot what you do.',
      ...MOVED,
      wtc_re_recruit_at: '2026-11-23T10:00:00.000Z',
      ...STAMP,
      wtc_success_manager: '12',
      wtc_re_recruit_task_key: 're_recruit:1001:v4',
      wtc_re_recruit_task_pending: 're_recruit:1001:v4',
    });
    expect(write.reRecruitTask).toMatchObject({
      intent: { key: 're_recruit:1001:v4' },
      ownerId: '7',
      successManagerId: '12',
    });
  });

  it('in direct mode, records a health drop as decided and pending, keeping a key still pending from an earlier save', () => {
    const happy = { ...draft('its_ok', 'It is fine.'), health: { customerHappiness: 4, companyHappiness: null } };
    const unhappy = { ...happy, health: { customerHappiness: 2, companyHappiness: null } };
    const stored = {
      ...STORED,
      ...profileContentProperties(happy, TODAY),
      wtc_health_drop_task_key: 'health_drop:1001:v2',
      wtc_health_drop_task_pending: 'health_drop:1001:v2',
    };
    const write = completeWrite(writeOf({ stored }, unhappy), { successManager: known('9'), createsTasks: true });
    expect(write.properties).toMatchObject({
      wtc_health_drop_task_key: 'health_drop:1001:v4',
      wtc_health_drop_task_pending: 'health_drop:1001:v2 health_drop:1001:v4',
    });
    expect(write.healthDropTask).toMatchObject({ intent: { key: 'health_drop:1001:v4' }, ownerId: '7' });
  });

  it('leaves the task to HubSpot workflows when the backend creates none, and to the scheduled run while the manager is unknown', () => {
    for (const context of [
      { successManager: known('12'), createsTasks: false },
      { successManager: { known: false as const }, createsTasks: true },
    ]) {
      const write = completeWrite(writeOf(), context);
      expect(write.reRecruitTask).toBeNull();
      expect(write.properties).not.toHaveProperty('wtc_re_recruit_task_key');
    }
  });
});
