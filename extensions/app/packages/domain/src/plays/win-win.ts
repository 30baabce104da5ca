import { type Bucket, RE_RECRUIT_BUCKET } from '../buckets';
import { addDays, type IsoDate } from '../dates';

/**
 * "Who are you?" -> re-recruit or plan the exit. "Understand their definition of success and decide what it
 * would take to re-recruit them. If there's a win-win, re-recruit; if not, assume they'll be gone by next year."
 */
export const WIN_WIN_DECISIONS = [
  { value: 'win_win', label: 'Win-win found: re-recruit', meaning: 'There is a win-win: we re-recruit them.' },
  {
    value: 'no_win_win',
    label: 'No win-win: plan the exit',
    meaning: 'No win-win: assume they will be gone by the renewal, and plan a graceful exit.',
  },
  { value: 'undecided', label: 'Not decided yet', meaning: 'The manager has not decided yet.' },
] as const;

export type WinWinDecision = (typeof WIN_WIN_DECISIONS)[number]['value'];

export const WIN_WIN_VALUES = WIN_WIN_DECISIONS.map((decision) => decision.value) as [
  WinWinDecision,
  ...WinWinDecision[],
];

export const parseWinWinDecision = (value: string | null | undefined): WinWinDecision | null =>
  WIN_WIN_DECISIONS.find((decision) => decision.value === value)?.value ?? null;

/** The decision is about a "Who are you?" customer: in any other bucket there is nothing to decide. */
export const decisionApplies = (bucket: Bucket | null): boolean => bucket === RE_RECRUIT_BUCKET;

export const isDecided = (decision: WinWinDecision | null): boolean =>
  decision === 'win_win' || decision === 'no_win_win';

/** No win-win, in "Who are you?": they are expected to leave. */
export const isPlannedExit = (bucket: Bucket | null, decision: WinWinDecision | null): boolean =>
  decisionApplies(bucket) && decision === 'no_win_win';

/**
 * The day sales ops can forecast the revenue gone: the renewal date, when it is known (the contract ends
 * there); otherwise none, and the company is still in the "Planned exits" list, by its decision.
 */
export const expectedExitOn = (
  bucket: Bucket | null,
  decision: WinWinDecision | null,
  renewalDate: IsoDate | null,
): IsoDate | null => (isPlannedExit(bucket, decision) ? renewalDate : null);

/** How long a re-recruit may stay undecided before the manager gets one follow-up. */
export const FOLLOW_UP_AFTER_DAYS = 14;

/**
 * The follow-up is due when the company has been in "Who are you?" since `reRecruitStartedOn` for 14 days
 * or more and nobody decided: once per re-recruit (its start day is the period).
 */
export const isFollowUpDue = (input: {
  bucket: Bucket | null;
  decision: WinWinDecision | null;
  reRecruitStartedOn: IsoDate | null;
  today: IsoDate;
}): boolean =>
  decisionApplies(input.bucket) &&
  !isDecided(input.decision) &&
  input.reRecruitStartedOn !== null &&
  addDays(input.reRecruitStartedOn, FOLLOW_UP_AFTER_DAYS) <= input.today;
