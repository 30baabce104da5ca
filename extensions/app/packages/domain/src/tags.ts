import { type Bucket } from './buckets';
import { type FieldErrors, requestFieldPath } from './field-errors';

/**
 * Tags on the customer's answer, from lists the admin edits in HubSpot (the options of two checkbox
 * properties). Value themes say why a "We need you" customer needs us; concerns say what worries the
 * others. The home page counts each option per bucket, which is how the account's answers add up.
 */
export const TAG_KINDS = ['valueThemes', 'concerns'] as const;
export type TagKind = (typeof TAG_KINDS)[number];

export type TagOption = { value: string; label: string };
export type TagOptions = Record<TagKind, TagOption[]>;

type TagDefinition = {
  label: string;
  prompt: string;
  /** The buckets whose answers the tags describe: on a save in any other bucket they are cleared. */
  buckets: readonly Bucket[];
  /** The options setup creates; from then on the list is the admin's (HubSpot's property settings). */
  defaults: readonly (TagOption & { description: string })[];
};

export const TAGS: Record<TagKind, TagDefinition> = {
  valueThemes: {
    label: 'Why they need us',
    prompt: 'What in their answer makes us indispensable?',
    buckets: ['need_you'],
    defaults: [
      { value: 'saves_time', label: 'Saves them time', description: 'We take work off their hands.' },
      { value: 'grows_revenue', label: 'Grows their revenue', description: 'We help them sell or earn more.' },
      { value: 'cuts_costs', label: 'Cuts their costs', description: 'We make them spend less.' },
      { value: 'reduces_risk', label: 'Reduces risk', description: 'Compliance, security, fewer mistakes.' },
      { value: 'our_people', label: 'Our people', description: 'Our team and support make the difference.' },
      { value: 'fits_their_stack', label: 'Fits their tools', description: 'Integrations and workflows they rely on.' },
    ],
  },
  concerns: {
    label: 'What worries them',
    prompt: 'What would make them leave, in their words?',
    buckets: ['its_ok', 'who_are_you'],
    defaults: [
      { value: 'price', label: 'Price', description: 'We cost too much for what they get.' },
      { value: 'missing_features', label: 'Missing features', description: 'They need something we lack.' },
      { value: 'reliability', label: 'Reliability', description: 'Outages, bugs, slowness.' },
      { value: 'support', label: 'Support', description: 'Slow or unhelpful answers.' },
      { value: 'adoption', label: 'Low adoption', description: 'Their people do not use it.' },
      { value: 'competitor', label: 'A competitor', description: 'Another vendor is courting them.' },
      { value: 'sponsor_left', label: 'Their sponsor left', description: 'Nobody there owns the relationship.' },
    ],
  },
};

/** HubSpot stores the options chosen on a checkbox property as one string, separated by semicolons. */
export const TAG_SEPARATOR = ';';

export const tagsApply = (kind: TagKind, bucket: Bucket | null): boolean =>
  bucket !== null && TAGS[kind].buckets.includes(bucket);

/** The options chosen, as stored: each once, in a fixed order, so the same choice is never written twice. */
export const formatTagValues = (values: readonly string[]): string => [...new Set(values)].sort().join(TAG_SEPARATOR);

export const parseTagValues = (stored: string | null | undefined): string[] =>
  [...new Set((stored ?? '').split(TAG_SEPARATOR).map((value) => value.trim()))].filter(Boolean).sort();

export const defaultTagOptions = (): TagOptions => ({
  valueThemes: TAGS.valueThemes.defaults.map(({ value, label }) => ({ value, label })),
  concerns: TAGS.concerns.defaults.map(({ value, label }) => ({ value, label })),
});

export const tagLabel = (options: readonly TagOption[], value: string): string =>
  options.find((option) => option.value === value)?.label ?? value;

/**
 * Tags that are not options of the account's lists (an option the admin removed, a stale card): said per
 * field before anything is written. Tags the bucket does not use are cleared on save, so they are not checked.
 */
export const unknownTags = (
  chosen: { bucket: Bucket | null } & Record<TagKind, readonly string[]>,
  options: TagOptions,
): FieldErrors => {
  const fields: FieldErrors = {};
  for (const kind of TAG_KINDS) {
    if (!tagsApply(kind, chosen.bucket)) continue;
    const known = new Set(options[kind].map((option) => option.value));
    const unknown = chosen[kind].filter((value) => !known.has(value));
    if (unknown.length) {
      fields[requestFieldPath(`whyTheyCare.${kind}`)] = [
        `Not in the list of "${TAGS[kind].label}" (ask your HubSpot admin): ${unknown.join(', ')}`,
      ];
    }
  }
  return fields;
};
