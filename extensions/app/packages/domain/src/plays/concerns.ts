import { type Bucket } from '../buckets';
import { type StepOwnerSide, type StepStatus } from '../plan';
import { type TagOption, tagLabel, TAGS } from '../tags';

/** "It's OK" -> address their concerns: the play runs on the customers who said "It's OK". */
export const CONCERNS_BUCKET: Bucket = 'its_ok';

export type ConcernStep = {
  ownerSide: StepOwnerSide;
  status: StepStatus;
  title: string;
  description?: string;
  /** The concern (option value) the account manager said the step addresses, on the card. */
  addresses?: string;
};

/**
 * A concern's label: the account's option as last read (the admin may have renamed it in HubSpot), else
 * the catalog's default, else the value itself.
 */
export const concernLabeller =
  (options?: readonly TagOption[] | null) =>
  (value: string): string =>
    options?.find((option) => option.value === value)?.label ?? tagLabel(TAGS.concerns.defaults, value);

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();

/**
 * The concerns (option values) that no open plan step of ours addresses. A step addresses a concern when we
 * own it, it is not done, and either it names the concern as the one it addresses (chosen on the card), or
 * its title or description names it (its label, as the account labels it now, or its value, in any case):
 * "Price review with their CFO" addresses "Price".
 */
export const openConcerns = (
  concerns: readonly string[],
  steps: readonly ConcernStep[],
  labelOf: (value: string) => string,
): string[] => {
  const ours = steps.filter((step) => step.ownerSide === 'us' && step.status !== 'done');
  const texts = ours.map((step) => words(`${step.title} ${step.description ?? ''}`));
  return concerns.filter((concern) => {
    if (ours.some((step) => step.addresses === concern)) return false;
    const names = [words(labelOf(concern)), words(concern)].filter(Boolean);
    return !texts.some((text) => names.some((name) => text.includes(name)));
  });
};

/** Concerns named as the account labels them, in one line: what the company stores and the task says. */
export const concernLabels = (values: readonly string[], labelOf: (value: string) => string): string =>
  values.map(labelOf).join(', ');

/**
 * What the company stores for the play (`wtc_open_concerns`): the open concerns' labels, only while the
 * company is "It's OK"; empty otherwise, which takes it out of the list and the workflow.
 */
export const openConcernsValue = (
  bucket: Bucket | null,
  concerns: readonly string[],
  steps: readonly ConcernStep[],
  labelOf: (value: string) => string,
): string => (bucket === CONCERNS_BUCKET ? concernLabels(openConcerns(concerns, steps, labelOf), labelOf) : '');

/**
 * One task per set of open concerns: a new concern that no step addresses is a new reason to act. Made of
 * the option values, which stay when the admin renames a label, so a rename never makes a second task.
 */
export const concernsPeriod = (openConcernValues: readonly string[]): string =>
  [...new Set(openConcernValues.map((value) => value.toLowerCase().replace(/[^a-z0-9]+/g, '-')))]
    .filter(Boolean)
    .sort()
    .join('+');
