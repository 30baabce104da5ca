import { type ProfileDraft } from '../profile.schema';
import { PROPERTIES } from '../property-catalog';
import { tagLabel, TAGS } from '../tags';
import { openConcernsValue } from './concerns';
import { decisionApplies, expectedExitOn } from './win-win';

/**
 * The properties the plays read, written with the profile on every save: the win-win decision and its reason
 * (kept only in "Who are you?"), the expected exit (no win-win: the renewal date), and the open concerns of an
 * "It's OK" customer. Concerns are named by the catalog's labels (the stored options' values otherwise): the
 * save does not wait for the account's option list.
 */
export const playFacts = (draft: ProfileDraft): Record<string, string> => {
  const { bucket, concerns } = draft.whyTheyCare;
  const decides = decisionApplies(bucket);
  const concernLabel = (value: string) => tagLabel(TAGS.concerns.defaults, value);
  return {
    [PROPERTIES.winWinDecision.name]: decides ? (draft.winWin.decision ?? '') : '',
    [PROPERTIES.winWinReason.name]: decides ? draft.winWin.reason : '',
    [PROPERTIES.expectedExitOn.name]: expectedExitOn(bucket, draft.winWin.decision, draft.renewalDate) ?? '',
    [PROPERTIES.openConcerns.name]: openConcernsValue(bucket, concerns, draft.successPlan.steps, concernLabel),
  };
};
