/**
 * The bucket plays: what the method asks the team to do with each bucket, beyond recording it. Each can be
 * turned on or off (the backend's PLAYS setting); "ask one buyer a day" is opt-in, the others are on by default.
 */
export const PLAYS = [
  {
    value: 'lookalikes',
    label: 'Find more like them',
    sentence:
      'The segments (industry, size, country, value theme) over-represented among "We need you" customers, ' +
      'and a list of prospects in those segments, refreshed every day.',
  },
  {
    value: 'concerns',
    label: 'Address their concerns',
    sentence:
      'An "It\'s OK" customer with concerns that no plan step of ours addresses gets its owner a task naming ' +
      'them, and a list for sales ops.',
  },
  {
    value: 'exit',
    label: 'Re-recruit or plan the exit',
    sentence:
      'The card records the win-win decision; no win-win marks an expected exit (a list and a date), turns the ' +
      'renewal task into "plan the exit", and a re-recruit left undecided for 14 days gets one follow-up.',
  },
  {
    value: 'ask_buyer',
    label: 'Ask one buyer a day',
    sentence:
      'Each working day, each owner gets one task to call the buyer of the customer asked longest ago ' +
      '(never asked first), naming the decision maker or budget holder to call.',
  },
] as const;

export type Play = (typeof PLAYS)[number]['value'];

export const PLAY_VALUES = PLAYS.map((play) => play.value) as [Play, ...Play[]];

/** On unless turned off: "ask one buyer a day" gives every owner a task a day, so nobody gets it unasked. */
export const DEFAULT_PLAYS: readonly Play[] = ['lookalikes', 'concerns', 'exit'];

export type PlaySwitches = Record<Play, boolean>;

export const playSwitches = (on: readonly Play[]): PlaySwitches =>
  Object.fromEntries(PLAY_VALUES.map((play) => [play, on.includes(play)])) as PlaySwitches;
