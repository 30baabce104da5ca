import { type JournalEntry } from '@why-they-care/hubspot-sandbox';

/** What the sandbox's journal shows of the requests it received. */
export type JournalSummary = { requests: number; status429: number; busiestTenSeconds: number };

/** Requests, 429 answers, and the most requests that arrived inside any rolling 10 s (entries in arrival order). */
export const summarizeJournal = (entries: readonly JournalEntry[]): JournalSummary => {
  let busiest = 0;
  let first = 0;
  for (let last = 0; last < entries.length; last += 1) {
    while ((entries[first]?.at ?? 0) <= (entries[last]?.at ?? 0) - 10_000) first += 1;
    busiest = Math.max(busiest, last - first + 1);
  }
  return {
    requests: entries.length,
    status429: entries.filter((entry) => entry.status === 429).length,
    busiestTenSeconds: busiest,
  };
};
