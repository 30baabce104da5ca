/**
 * Happiness is scored 1-4 on purpose: an even scale has no neutral midpoint, so every score
 * falls on one side of the quadrant.
 */
export const HAPPINESS_MIN = 1;
export const HAPPINESS_MAX = 4;
const HAPPY_FROM = 3;

export const HAPPINESS_LABELS: Record<number, string> = {
  1: '1 - Very unhappy',
  2: '2 - Unhappy',
  3: '3 - Happy',
  4: '4 - Very happy',
};

export const QUADRANTS = [
  {
    value: 'customer_success',
    label: 'Customer success',
    meaning: 'Both sides are happy: grow the account and ask for references.',
  },
  {
    value: 'keep_unprofitable',
    label: 'Work to keep: happy but unprofitable',
    meaning: 'The customer is happy but costs us too much: fix the cost to serve or the price.',
  },
  {
    value: 'keep_unhappy',
    label: 'Work to keep: profitable but unhappy',
    meaning: 'They pay well but are unhappy: fix their experience before they look elsewhere.',
  },
  {
    value: 'let_go',
    label: 'Let go',
    meaning: 'Neither side is happy: plan a graceful exit unless a win-win appears.',
  },
] as const;

export type Quadrant = (typeof QUADRANTS)[number]['value'];

export const QUADRANT_VALUES = QUADRANTS.map((quadrant) => quadrant.value) as [Quadrant, ...Quadrant[]];

export type HealthScores = {
  customerHappiness: number | null;
  companyHappiness: number | null;
};

/** The quadrant is only known when both sides have been scored. */
export const deriveQuadrant = ({ customerHappiness, companyHappiness }: HealthScores): Quadrant | null => {
  if (customerHappiness === null || companyHappiness === null) return null;
  const customerHappy = customerHappiness >= HAPPY_FROM;
  const companyHappy = companyHappiness >= HAPPY_FROM;
  if (customerHappy && companyHappy) return 'customer_success';
  if (customerHappy) return 'keep_unprofitable';
  if (companyHappy) return 'keep_unhappy';
  return 'let_go';
};

export const quadrantInfo = (quadrant: Quadrant) =>
  QUADRANTS.find((candidate) => candidate.value === quadrant) ?? QUADRANTS[0];
