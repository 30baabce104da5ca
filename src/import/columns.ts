import { BUCKETS, type DraftFieldPath } from '@why-they-care/domain';

/** How a row names its company: by HubSpot's record id, or by its website domain. */
export type MatchBy = 'id' | 'domain';

export type ImportColumn = {
  /** The header, as the template writes it (headers are read case-insensitively, spaces as underscores). */
  name: string;
  /** What the column holds, for the template and the README. */
  meaning: string;
  /** The draft field it fills, when it fills one: the schema's errors on that field name this column. */
  field?: DraftFieldPath;
  /** An example value, for the template's example row. */
  example: string;
};

const bucketNames = BUCKETS.map((bucket) => `"${bucket.label}" (${bucket.value})`).join(', ');

/**
 * The columns of an answers file, the one declaration the reader, the validation, the template
 * (docs/import-template.csv) and the README's table follow. An empty cell, or a column left out, keeps what
 * HubSpot holds; the bucket is required on every row.
 */
export const IMPORT_COLUMNS = [
  { name: 'company_id', meaning: "The company's HubSpot record id (with --match id).", example: '1001' },
  {
    name: 'domain',
    meaning: "The company's website domain (with --match domain), e.g. acme.com.",
    example: 'acme.com',
  },
  {
    name: 'bucket',
    meaning: `Why they care, required: ${bucketNames}, by label or value.`,
    field: 'whyTheyCare.bucket',
    example: 'We need you',
  },
  {
    name: 'answer',
    meaning: 'Their answer to "why do you care about us?", verbatim.',
    field: 'whyTheyCare.answer',
    example: 'You cut our dispatch time in half.',
  },
  { name: 'answered_by', meaning: 'Who answered.', field: 'whyTheyCare.answeredByName', example: 'Dana Smith' },
  { name: 'role', meaning: 'Their role.', field: 'whyTheyCare.answeredByRole', example: 'COO' },
  {
    name: 'asked_on',
    meaning: 'When they were asked, YYYY-MM-DD.',
    field: 'whyTheyCare.askedOn',
    example: '2026-10-14',
  },
  {
    name: 'required_outcome',
    meaning: 'What they must achieve.',
    field: 'desiredOutcome.requiredOutcome',
    example: 'Same-day delivery in every region',
  },
  {
    name: 'appropriate_experience',
    meaning: 'How they need to achieve it.',
    field: 'desiredOutcome.appropriateExperience',
    example: 'Without adding dispatchers',
  },
  {
    name: 'themes_or_concerns',
    meaning:
      'What in their answer makes us indispensable (a "We need you" answer) or what worries them (the other buckets): options of the account\'s lists, by label or value, separated by ; or |.',
    example: 'Saves them time; Our people',
  },
] as const satisfies readonly ImportColumn[];

export type ColumnName = (typeof IMPORT_COLUMNS)[number]['name'];

export const MATCH_COLUMN: Record<MatchBy, ColumnName> = { id: 'company_id', domain: 'domain' };

/** A header as written in a spreadsheet ("Asked on", "ASKED_ON") read as the column's name. */
export const normaliseHeader = (header: string): string =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
