import { type BucketMove, decideExternalMove } from '@why-they-care/domain';

/** A move made outside the app: its facts once, its re-recruit task once, whatever was seen before. */
const AT = new Date('2026-11-23T09:00:00.000Z');
const move: BucketMove & { byApp: boolean } = {
  previous: 'need_you',
  next: 'who_are_you',
  at: AT,
  by: 'HubSpot user 991',
  byApp: false,
};
const decide = (stored: Record<string, string>, overrides: Partial<typeof move> = {}, createsTasks = true) =>
  decideExternalMove({
    companyId: '7',
    stored: { wtc_bucket: 'who_are_you', ...stored },
    move: { ...move, ...overrides },
    createsTasks,
    today: '2026-11-23',
  });

describe('decideExternalMove', () => {
  it('records the move as a card save would, at the instant HubSpot recorded it, with its re-recruit task', () => {
    const decision = decide({});
    expect(decision.facts).toEqual({
      wtc_previous_bucket: 'need_you',
      wtc_bucket_moved_at: AT.toISOString(),
      wtc_bucket_moved_by: 'HubSpot user 991',
      wtc_re_recruit_at: AT.toISOString(),
    });
    expect(decision.reRecruit).toMatchObject({ key: `re_recruit:7:at${AT.getTime()}`, dueDate: '2026-11-26' });
  });

  it("leaves a move made by the app's own save to that save", () => {
    expect(decide({}, { byApp: true })).toEqual({ facts: {}, reRecruit: null });
  });

  it('writes only the facts that differ, and nothing for a move recorded already or older than the recorded one', () => {
    expect(decide({ wtc_previous_bucket: 'need_you', wtc_bucket_moved_by: 'HubSpot user 991' }).facts).toEqual({
      wtc_bucket_moved_at: AT.toISOString(),
      wtc_re_recruit_at: AT.toISOString(),
    });
    expect(decide({ wtc_bucket_moved_at: AT.toISOString() }).facts).toEqual({});
    expect(decide({ wtc_bucket_moved_at: String(AT.getTime() + 1) }).facts).toEqual({});
  });

  it('starts no second task: not when its key is stored, nor when a play started since', () => {
    const key = `re_recruit:7:at${AT.getTime()}`;
    expect(decide({ wtc_re_recruit_task_key: key }).reRecruit).toBeNull();
    expect(decide({ wtc_re_recruit_at: '2026-11-23T09:00:01.000Z' }).reRecruit).toBeNull();
    // The facts of this move, recorded when its task failed and its key was cleared: the task is still due.
    expect(decide({ wtc_re_recruit_at: AT.toISOString() }).reRecruit?.key).toBe(key);
  });

  it('creates no task in workflows mode, for a company no longer in "Who are you?", or for a move out of it', () => {
    expect(decide({}, {}, false).reRecruit).toBeNull();
    expect(decide({ wtc_bucket: 'its_ok' }).reRecruit).toBeNull();
    const out = decide({ wtc_bucket: 'its_ok' }, { previous: 'who_are_you', next: 'its_ok' });
    expect(out.reRecruit).toBeNull();
    expect(out.facts).toEqual({
      wtc_previous_bucket: 'who_are_you',
      wtc_bucket_moved_at: AT.toISOString(),
      wtc_bucket_moved_by: 'HubSpot user 991',
    });
  });
});
