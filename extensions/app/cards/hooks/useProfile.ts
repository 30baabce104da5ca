import { draftFieldErrors, profileDraftSchema, type ProfileDraft, toFieldErrors } from '@why-they-care/domain';
import { useCallback, useEffect, useReducer, useRef } from 'react';

import { type BackendClient } from '../lib/backend-client';
import { newId } from '../lib/ids';
import { isDirty, profileReducer, sameDraft } from './profile-state';

/** Loads and saves one company's profile; the card's only data hook. Without a backend it stays idle. */
export const useProfile = (backend: BackendClient | null, companyId: string | number) => {
  const [state, dispatch] = useReducer(profileReducer, { status: 'loading', loadSeq: 0 });
  const loadSeq = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const load = useCallback(async () => {
    if (!backend) return;
    loadSeq.current += 1;
    const seq = loadSeq.current;
    dispatch({ type: 'load_started', loadSeq: seq });
    const result = await backend.load(companyId);
    dispatch(
      result.ok
        ? { type: 'load_succeeded', loadSeq: seq, profile: result.value }
        : { type: 'load_failed', loadSeq: seq, message: result.failure.message },
    );
  }, [backend, companyId]);

  useEffect(() => {
    void load();
  }, [load]);

  const edit = useCallback((draft: ProfileDraft) => dispatch({ type: 'edited', draft }), []);

  const save = useCallback(async (): Promise<boolean> => {
    const current = stateRef.current;
    if (!backend || current.status !== 'ready' || current.saving) return false;
    const checked = profileDraftSchema.safeParse(current.draft);
    if (!checked.success) {
      dispatch({
        type: 'save_invalid',
        fieldErrors: toFieldErrors(checked.error),
        message: 'Some fields need fixing before saving',
      });
      return false;
    }
    const retrying = current.lastAttempt && sameDraft(current.lastAttempt.draft, current.draft);
    const saveAttemptId = retrying && current.lastAttempt ? current.lastAttempt.id : newId('save');
    dispatch({ type: 'save_started', saveAttemptId, draft: current.draft });
    const result = await backend.save(companyId, {
      requestId: saveAttemptId,
      expectedVersion: current.saved.version,
      profile: checked.data,
    });
    if (result.ok) {
      dispatch({ type: 'save_succeeded', saveAttemptId, profile: result.value });
      return true;
    }
    const { failure } = result;
    if (failure.kind === 'conflict') dispatch({ type: 'save_conflicted', saveAttemptId, current: failure.current });
    else if (failure.kind === 'invalid') {
      dispatch({ type: 'save_invalid', fieldErrors: draftFieldErrors(failure.fields), message: failure.message });
    } else dispatch({ type: 'save_failed', saveAttemptId, message: failure.message });
    return false;
  }, [backend, companyId]);

  return {
    state,
    dirty: isDirty(state),
    load,
    edit,
    save,
    discardMine: () => dispatch({ type: 'conflict_discard_mine' }),
    keepMine: () => dispatch({ type: 'conflict_keep_mine' }),
  };
};
