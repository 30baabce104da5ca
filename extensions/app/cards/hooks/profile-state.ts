import {
  carryCustomerCompletions,
  draftOf,
  type FieldErrors,
  type Profile,
  type ProfileDraft,
} from '@why-they-care/domain';

/** Everything the card knows about one company's profile, and what the account manager is doing with it. */
export type ProfileState =
  | { status: 'loading'; loadSeq: number }
  | { status: 'load_failed'; loadSeq: number; message: string }
  | {
      status: 'ready';
      loadSeq: number;
      saved: Profile;
      draft: ProfileDraft;
      /** The last save sent: retrying the same edits reuses its id, so a save that landed but timed out is not applied twice. */
      lastAttempt: { id: string; draft: ProfileDraft } | null;
      saving: boolean;
      saveError: string | null;
      fieldErrors: FieldErrors;
      conflict: Profile | null;
    };

export type ProfileAction =
  | { type: 'load_started'; loadSeq: number }
  | { type: 'load_succeeded'; loadSeq: number; profile: Profile }
  | { type: 'load_failed'; loadSeq: number; message: string }
  | { type: 'edited'; draft: ProfileDraft }
  | { type: 'save_started'; saveAttemptId: string; draft: ProfileDraft }
  | { type: 'save_succeeded'; saveAttemptId: string; profile: Profile }
  | { type: 'save_invalid'; fieldErrors: FieldErrors; message: string }
  | { type: 'save_failed'; saveAttemptId: string; message: string }
  | { type: 'save_conflicted'; saveAttemptId: string; current: Profile }
  | { type: 'conflict_discard_mine' }
  | { type: 'conflict_keep_mine' };

export const sameDraft = (a: ProfileDraft, b: ProfileDraft): boolean => JSON.stringify(a) === JSON.stringify(b);

export const isDirty = (state: ProfileState): boolean =>
  state.status === 'ready' && !sameDraft(state.draft, draftOf(state.saved));

type ReadyState = Extract<ProfileState, { status: 'ready' }>;

const ready = (saved: Profile, loadSeq: number): ReadyState => ({
  status: 'ready',
  loadSeq,
  saved,
  draft: draftOf(saved),
  lastAttempt: null,
  saving: false,
  saveError: null,
  fieldErrors: {},
  conflict: null,
});

/**
 * Loads carry a sequence number and saves an attempt id: an answer that is not for the latest request
 * is dropped, so a slow response can never overwrite newer data or the account manager's edits.
 */
export const profileReducer = (state: ProfileState, action: ProfileAction): ProfileState => {
  switch (action.type) {
    case 'load_started':
      return state.status === 'ready'
        ? { ...state, loadSeq: action.loadSeq }
        : { status: 'loading', loadSeq: action.loadSeq };
    case 'load_succeeded':
      if (action.loadSeq !== state.loadSeq) return state;
      return ready(action.profile, action.loadSeq);
    case 'load_failed':
      if (action.loadSeq !== state.loadSeq || state.status === 'ready') return state;
      return { status: 'load_failed', loadSeq: action.loadSeq, message: action.message };
    default:
      break;
  }
  if (state.status !== 'ready') return state;
  switch (action.type) {
    case 'edited':
      return { ...state, draft: action.draft, fieldErrors: {} };
    case 'save_started':
      return {
        ...state,
        saving: true,
        lastAttempt: { id: action.saveAttemptId, draft: action.draft },
        saveError: null,
        fieldErrors: {},
      };
    case 'save_succeeded': {
      if (action.saveAttemptId !== state.lastAttempt?.id) return state;
      const editedMeanwhile = !sameDraft(state.draft, state.lastAttempt.draft);
      return {
        ...ready(action.profile, state.loadSeq),
        draft: editedMeanwhile ? state.draft : draftOf(action.profile),
      };
    }
    case 'save_invalid':
      return { ...state, saving: false, saveError: action.message, fieldErrors: action.fieldErrors };
    case 'save_failed':
      if (action.saveAttemptId !== state.lastAttempt?.id) return state;
      return { ...state, saving: false, saveError: action.message };
    case 'save_conflicted':
      if (action.saveAttemptId !== state.lastAttempt?.id) return state;
      return { ...state, saving: false, conflict: action.current, lastAttempt: null };
    case 'conflict_discard_mine':
      return state.conflict ? ready(state.conflict, state.loadSeq) : state;
    case 'conflict_keep_mine':
      return state.conflict
        ? {
            ...state,
            saved: state.conflict,
            draft: carryCustomerCompletions(state.draft, draftOf(state.conflict)),
            conflict: null,
            lastAttempt: null,
          }
        : state;
    default:
      return state;
  }
};
