import { type ProfileDraft } from '../profile.schema';
import { PROPERTIES } from '../property-catalog';
import { type TagOption } from '../tags';
import { concernLabeller, openConcernsValue } from './concerns';
import { decisionApplies, expectedExitOn } from './win-win';

/**
 * The properties the plays read, written with the profile on every save: the win-win decision and its reason
 * (kept only in "Who are you?"), the expected exit (no win-win: the renewal date), and the open concerns of an
 * "It's OK" customer. Concerns are named by the account's labels as last read (`concernOptions`, the backend's
 * cached option lists: never a call of its own), the catalog's while they are not known.
 */
export const playFacts = (
  draft: ProfileDraft,
  concernOptions?: readonly TagOption[] | null,
): Record<string, string> => {
  const { bucket, concerns } = draft.whyTheyCare;
  const decides = decisionApplies(bucket);
  const concernLabel = concernLabeller(concernOptions);
  return {
    [PROPERTIES.winWinDecision.name]: decides ? (draft.winWin.decision ?? '') : '',
    [PROPERTIES.winWinReason.name]: decides ? draft.winWin.reason : '',
    [PROPERTIES.expectedExitOn.name]: expectedExitOn(bucket, draft.winWin.decision, draft.renewalDate) ?? '',
    [PROPERTIES.openConcerns.name]: openConcernsValue(bucket, concerns, draft.successPlan.steps, concernLabel),
  };
};
