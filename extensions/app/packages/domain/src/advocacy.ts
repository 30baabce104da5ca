/**
 * Whether a customer will speak for us. Happy "We need you" customers are the best advocates: the card
 * records their answer, sales and marketing work from the "Ready to advocate" list, and the renewal task
 * asks for it while nobody has.
 */
export const ADVOCACY = [
  { value: 'reference', label: 'Yes: as a reference', meaning: 'Will take calls from prospects.', willing: true },
  {
    value: 'case_study',
    label: 'Yes: for a case study',
    meaning: 'Will be written up, quoted and named.',
    willing: true,
  },
  {
    value: 'reference_and_case_study',
    label: 'Yes: reference and case study',
    meaning: 'Will take calls and be written up.',
    willing: true,
  },
  { value: 'not_now', label: 'Not now', meaning: 'Asked; not at the moment. Ask again later.', willing: false },
  { value: 'declined', label: 'No', meaning: 'Asked; they will not advocate (policy or preference).', willing: false },
] as const;

export type Advocacy = (typeof ADVOCACY)[number]['value'];

export const ADVOCACY_VALUES = ADVOCACY.map((option) => option.value) as [Advocacy, ...Advocacy[]];

/** The answers that put a company on the "Ready to advocate" list (with the "We need you" bucket). */
export const WILLING_ADVOCACY: readonly Advocacy[] = ADVOCACY.filter((option) => option.willing).map(
  (option) => option.value,
);

export const parseAdvocacy = (value: string | null | undefined): Advocacy | null =>
  ADVOCACY.find((option) => option.value === value)?.value ?? null;

export const advocacyLabel = (value: Advocacy): string =>
  ADVOCACY.find((option) => option.value === value)?.label ?? value;
