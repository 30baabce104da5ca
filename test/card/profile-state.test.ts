import { profileReducer, type ProfileState } from '../../extensions/app/cards/hooks/profile-state';
import { profileFixture } from './mocks';

const readyAt = (loadSeq: number): ProfileState =>
  profileReducer({ status: 'loading', loadSeq }, { type: 'load_succeeded', loadSeq, profile: profileFixture() });

describe('profile state', () => {
  it('drops a load answer that is not for the latest load', () => {
    const state = profileReducer(
      { status: 'loading', loadSeq: 2 },
      { type: 'load_succeeded', loadSeq: 1, profile: profileFixture() },
    );
    expect(state).toEqual({ status: 'loading', loadSeq: 2 });
  });

  it('never replaces the edits on screen with a late load failure', () => {
    const ready = readyAt(1);
    const edited = profileReducer(ready, { type: 'edited', draft: { ...profileFixture(), renewalDate: '2027-01-01' } });
    const late = profileReducer(profileReducer(edited, { type: 'load_started', loadSeq: 2 }), {
      type: 'load_failed',
      loadSeq: 2,
      message: 'x',
    });
    expect(late.status).toBe('ready');
    expect(late.status === 'ready' && late.draft.renewalDate).toBe('2027-01-01');
  });

  it('drops a save answer for an attempt that is no longer the last one', () => {
    const saving = profileReducer(readyAt(1), {
      type: 'save_started',
      saveAttemptId: 'save-b',
      draft: profileFixture(),
    });
    const stale = profileReducer(saving, {
      type: 'save_succeeded',
      saveAttemptId: 'save-a',
      profile: profileFixture({ version: 9 }),
    });
    expect(stale).toBe(saving);
  });

  it('keeps edits made while a save was in flight, on top of the saved version', () => {
    const saving = profileReducer(readyAt(1), {
      type: 'save_started',
      saveAttemptId: 'save-a',
      draft: profileFixture(),
    });
    const editedMeanwhile = profileReducer(saving, {
      type: 'edited',
      draft: { ...profileFixture(), renewalDate: '2027-05-05' },
    });
    const done = profileReducer(editedMeanwhile, {
      type: 'save_succeeded',
      saveAttemptId: 'save-a',
      profile: profileFixture({ version: 4 }),
    });
    expect(done.status === 'ready' && [done.saved.version, done.draft.renewalDate]).toEqual([4, '2027-05-05']);
  });

  it('keeps my edits over a newer save, but not over the steps the customer marked done in it', () => {
    const mine = profileReducer(readyAt(1), {
      type: 'edited',
      draft: { ...profileFixture(), renewalDate: '2027-05-05' },
    });
    const theirs = profileFixture({ version: 4 });
    theirs.successPlan.steps = theirs.successPlan.steps.map((step) =>
      step.id === 's1'
        ? { ...step, status: 'done', customerDone: { by: 'Dana', at: '2026-11-22T10:00:00.000Z' } }
        : step,
    );
    const conflicted = profileReducer(
      profileReducer(mine, {
        type: 'save_started',
        saveAttemptId: 'a1',
        draft: { ...profileFixture(), renewalDate: '2027-05-05' },
      }),
      { type: 'save_conflicted', saveAttemptId: 'a1', current: theirs },
    );
    const kept = profileReducer(conflicted, { type: 'conflict_keep_mine' });
    if (kept.status !== 'ready') throw new Error(kept.status);
    expect(kept.saved.version).toBe(4);
    expect(kept.draft.renewalDate).toBe('2027-05-05');
    expect(kept.draft.successPlan.steps[0]).toMatchObject({
      id: 's1',
      status: 'done',
      customerDone: { by: 'Dana', at: '2026-11-22T10:00:00.000Z' },
    });
  });
});
