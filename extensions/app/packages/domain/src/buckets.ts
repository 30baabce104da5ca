/** The three reasons a customer keeps paying, in the order account managers think about them. */
export const BUCKETS = [
  {
    value: 'need_you',
    label: 'We need you',
    meaning: 'Ideal customer: learn why, and find more like them.',
  },
  {
    value: 'its_ok',
    label: "It's OK",
    meaning: 'They use it but weigh alternatives: address their concerns.',
  },
  {
    value: 'who_are_you',
    label: 'Who are you?',
    meaning: 'They forgot the value or outgrew it: re-recruit, or plan for their exit.',
  },
] as const;

export type Bucket = (typeof BUCKETS)[number]['value'];

export const BUCKET_VALUES = BUCKETS.map((bucket) => bucket.value) as [Bucket, ...Bucket[]];

/** The bucket that triggers a re-recruit task for the success manager. */
export const RE_RECRUIT_BUCKET: Bucket = 'who_are_you';

/** A bucket from outside the app's own types (HubSpot, a select, a command line); anything else is no bucket. */
export const parseBucket = (value: string | null | undefined): Bucket | null =>
  BUCKETS.find((candidate) => candidate.value === value)?.value ?? null;

export const bucketLabel = (bucket: Bucket): string =>
  BUCKETS.find((candidate) => candidate.value === bucket)?.label ?? bucket;

/** Up is toward "We need you": BUCKETS is listed best first. */
const rankOf = (bucket: Bucket): number => BUCKET_VALUES.indexOf(bucket);

/** A move between two buckets, up (toward "We need you") or down; none when either end is no bucket. */
export const moveDirection = (from: Bucket | null, to: Bucket | null): 'up' | 'down' | null => {
  if (from === null || to === null || from === to) return null;
  return rankOf(to) < rankOf(from) ? 'up' : 'down';
};

/** Shown in the card above the answer field: how to ask the question so the answer is the customer's own. */
export const WHY_THEY_CARE_PROMPT =
  'Ask: "Why do you care about us?" and write down the answer in their words, not yours. ' +
  'Ask the buyer, not only the daily user, and do not suggest answers.';
