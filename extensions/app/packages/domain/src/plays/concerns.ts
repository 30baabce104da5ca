import { type Bucket } from '../buckets';
import { type StepOwnerSide, type StepStatus } from '../plan';

/** "It's OK" -> address their concerns: the play runs on the customers who said "It's OK". */
export const CONCERNS_BUCKET: Bucket = 'its_ok';

export type ConcernStep = {
  ownerSide: StepOwnerSide;
  status: StepStatus;
  title: string;
  description?: string;
};

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();

/**
 * The concerns (option values) that no open plan step of ours addresses. A step addresses a concern when we
 * own it, it is not done, and its title or description names the concern (its label or its value, in any
 * case): "Price review with their CFO" addresses "Price".
 */
export const openConcerns = (
  concerns: readonly string[],
  steps: readonly ConcernStep[],
  labelOf: (value: string) => string,
): string[] => {
  const ours = steps
    .filter((step) => step.ownerSide === 'us' && step.status !== 'done')
    .map((step) => words(`${step.title} ${step.description ?? ''}`));
  return concerns.filter((concern) => {
    const names = [words(labelOf(concern)), words(concern)].filter(Boolean);
    return !ours.some((text) => names.some((name) => text.includes(name)));
  });
};

/**
 * What the company stores for the play (`wtc_open_concerns`): the open concerns' labels, only while the
 * company is "It's OK"; empty otherwise, which takes it out of the list and the workflow.
 */
export const openConcernsValue = (
  bucket: Bucket | null,
  concerns: readonly string[],
  steps: readonly ConcernStep[],
  labelOf: (value: string) => string,
): string => (bucket === CONCERNS_BUCKET ? openConcerns(concerns, steps, labelOf).map(labelOf).join(', ') : '');

/** One task per set of open concerns: a new concern that no step addresses is a new reason to act. */
export const concernsPeriod = (openConcernsText: string): string =>
  openConcernsText
    .toLowerCase()
    .split(',')
    .map((label) => label.trim().replace(/[^a-z0-9]+/g, '-'))
    .filter(Boolean)
    .sort()
    .join('+');
