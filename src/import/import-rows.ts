import {
  BUCKETS,
  type Bucket,
  companyIdSchema,
  type DraftFieldPath,
  type ProfileDraft,
  profileDraftSchema,
  TAG_KINDS,
  type TagKind,
  type TagOptions,
  TAGS,
  tagsApply,
  toFieldErrors,
} from '@why-they-care/domain';
import { z } from 'zod';

import { type ColumnName, IMPORT_COLUMNS, MATCH_COLUMN, type MatchBy, normaliseHeader } from './columns';
import { ImportError } from './import.errors';
import { type CsvRecord } from './read-csv';

/** Why a row is not imported: the line it starts on, the column at fault (or "row"), and the reason. */
export type RowProblem = { line: number; column: ColumnName | 'row'; reason: string };

type WhyTheyCare = ProfileDraft['whyTheyCare'];
type DesiredOutcome = ProfileDraft['desiredOutcome'];

/** What a row changes in the profile: only the fields its cells fill (an empty cell keeps HubSpot's value). */
export type ImportedFields = {
  whyTheyCare: { bucket: Bucket } & Partial<
    Pick<WhyTheyCare, 'answer' | 'answeredByName' | 'answeredByRole' | 'askedOn' | TagKind>
  >;
  desiredOutcome: Partial<Pick<DesiredOutcome, 'requiredOutcome' | 'appropriateExperience'>>;
};

/** A valid row: which company (an id, or a domain still to look up), and what it changes. */
export type ImportRow = { line: number; match: string; fields: ImportedFields };

export type RowCheck = { ok: true; row: ImportRow } | { ok: false; problems: RowProblem[] };

/** The header read: which column each position holds. */
export type Header = { matchBy: MatchBy; columns: ColumnName[] };

const KNOWN = new Map<string, ColumnName>(IMPORT_COLUMNS.map((column) => [column.name, column.name]));

/**
 * Reads the header row. Unknown or repeated columns, or no column naming the company, stop the import
 * before anything is read from HubSpot: every row would be wrong in the same way. Without `--match`, rows
 * are matched by id when the file has a company_id column, else by domain.
 */
export const readHeader = (record: CsvRecord, matchBy: MatchBy | undefined): Header => {
  const names = record.cells.map(normaliseHeader);
  const unknown = names.filter((name) => !KNOWN.has(name));
  if (unknown.length) {
    throw new ImportError(
      'IMPORT_HEADER_INVALID',
      `Line ${record.line}: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')}. ` +
        `The columns are: ${IMPORT_COLUMNS.map((column) => column.name).join(', ')} (see docs/import-template.csv).`,
    );
  }
  const columns = names.map((name) => KNOWN.get(name) as ColumnName);
  const repeated = columns.filter((name, index) => columns.indexOf(name) !== index);
  if (repeated.length) {
    throw new ImportError('IMPORT_HEADER_INVALID', `Line ${record.line}: column "${repeated[0]}" appears twice.`);
  }
  const by = matchBy ?? (columns.includes('company_id') ? 'id' : 'domain');
  if (!columns.includes(MATCH_COLUMN[by])) {
    throw new ImportError(
      'IMPORT_HEADER_INVALID',
      `Line ${record.line}: --match ${by} needs a "${MATCH_COLUMN[by]}" column.`,
    );
  }
  if (!columns.includes('bucket')) {
    throw new ImportError('IMPORT_HEADER_INVALID', `Line ${record.line}: the "bucket" column is required.`);
  }
  return { matchBy: by, columns };
};

/** A website as people write it (https://www.Acme.com/about) reduced to the domain HubSpot stores (acme.com). */
export const normaliseDomain = (value: string): string | null => {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/.test(host) ? host : null;
};

const BUCKET_BY_NAME = new Map<string, Bucket>(
  BUCKETS.flatMap((bucket) => [
    [bucket.value, bucket.value],
    [bucket.label.toLowerCase(), bucket.value],
  ]),
);

/** The schema of what a row may set: the domain's own fields, so a row is held to the card's rules. */
const importedFieldsSchema = z.object({
  whyTheyCare: profileDraftSchema.shape.whyTheyCare
    .pick({ answer: true, answeredByName: true, answeredByRole: true, askedOn: true })
    .partial(),
  desiredOutcome: profileDraftSchema.shape.desiredOutcome
    .pick({ requiredOutcome: true, appropriateExperience: true })
    .partial(),
});

const COLUMN_OF_FIELD = new Map<string, ColumnName>(
  IMPORT_COLUMNS.flatMap((column) => ('field' in column ? [[column.field as string, column.name]] : [])),
);

const fieldOf = (column: ColumnName): DraftFieldPath | undefined => {
  const declared = IMPORT_COLUMNS.find((candidate) => candidate.name === column);
  return declared && 'field' in declared ? declared.field : undefined;
};

/** Sets `whyTheyCare.answer` etc. on a plain object from the cells that hold something. */
const fieldsFromCells = (cells: Map<ColumnName, string>) => {
  const fields: Record<string, Record<string, string>> = { whyTheyCare: {}, desiredOutcome: {} };
  for (const [column, value] of cells) {
    const path = fieldOf(column);
    if (!path || column === 'bucket' || value === '') continue;
    const [group, name] = path.split('.') as [string, string];
    (fields[group] ??= {})[name] = value;
  }
  return fields;
};

/**
 * Checks one row against the header and the domain schema: the company named (a valid id, or a domain),
 * a known bucket, and every other cell as the card would accept it. Every problem of the row is named,
 * with its column, not only the first.
 */
export const checkRow = (record: CsvRecord, header: Header, tagOptions: TagOptions): RowCheck => {
  const problems: RowProblem[] = [];
  const problem = (column: RowProblem['column'], reason: string) =>
    problems.push({ line: record.line, column, reason });
  if (record.cells.length !== header.columns.length) {
    problem(
      'row',
      `${record.cells.length} cells, the header has ${header.columns.length} (a missing quote or separator?)`,
    );
    return { ok: false, problems };
  }
  const cells = new Map(header.columns.map((column, index) => [column, record.cells[index] ?? '']));

  const matchColumn = MATCH_COLUMN[header.matchBy];
  const matchValue = cells.get(matchColumn) ?? '';
  let match: string | null = null;
  if (matchValue === '') problem(matchColumn, `Required with --match ${header.matchBy}`);
  else if (header.matchBy === 'id') {
    const id = companyIdSchema.safeParse(matchValue);
    if (id.success) match = id.data;
    else problem(matchColumn, `"${matchValue}": ${id.error.issues[0]?.message ?? 'not a company id'}`);
  } else {
    match = normaliseDomain(matchValue);
    if (!match) problem(matchColumn, `"${matchValue}" is not a domain (like acme.com)`);
  }

  const bucketCell = cells.get('bucket') ?? '';
  const bucket = BUCKET_BY_NAME.get(bucketCell.toLowerCase()) ?? null;
  if (bucketCell === '') problem('bucket', 'Required');
  else if (!bucket) {
    problem(
      'bucket',
      `"${bucketCell}" is not a bucket: use ${BUCKETS.map((option) => `"${option.label}"`).join(', ')}`,
    );
  }

  const parsed = importedFieldsSchema.safeParse(fieldsFromCells(cells));
  if (!parsed.success) {
    for (const [path, messages] of Object.entries(toFieldErrors(parsed.error))) {
      for (const message of messages) problem(COLUMN_OF_FIELD.get(path) ?? 'row', message);
    }
  }

  const tags = bucket ? readTags(cells.get('themes_or_concerns') ?? '', bucket, tagOptions) : { ok: true as const };
  if (!tags.ok) problem('themes_or_concerns', tags.reason);

  if (problems.length || !match || !bucket || !parsed.success || !tags.ok) return { ok: false, problems };
  return {
    ok: true,
    row: {
      line: record.line,
      match,
      fields: {
        whyTheyCare: { ...parsed.data.whyTheyCare, bucket, ...tags.values },
        desiredOutcome: parsed.data.desiredOutcome,
      },
    },
  };
};

/** Options in a cell are separated by `;` or `|` (HubSpot's own imports use `;`: quote the cell in a `;` file). */
const TAG_CELL_SEPARATOR = /[;|]/;

/**
 * The themes (a "We need you" answer) or concerns (the other buckets) a cell names, by the option's label
 * or value, from the account's own lists: an option the lists do not have makes the row bad.
 */
const readTags = (
  cell: string,
  bucket: Bucket,
  options: TagOptions,
): { ok: true; values?: Partial<Record<TagKind, string[]>> } | { ok: false; reason: string } => {
  const names = cell
    .split(TAG_CELL_SEPARATOR)
    .map((name) => name.trim())
    .filter(Boolean);
  if (!names.length) return { ok: true };
  const kind = TAG_KINDS.find((candidate) => tagsApply(candidate, bucket));
  if (!kind) return { ok: false, reason: 'This bucket takes no themes or concerns' };
  const values = names.map(
    (name) =>
      options[kind].find((option) => option.value === name || option.label.toLowerCase() === name.toLowerCase())?.value,
  );
  const unknown = names.filter((_name, index) => values[index] === undefined);
  if (unknown.length) {
    return {
      ok: false,
      reason: `Not in the list of "${TAGS[kind].label}": ${unknown.map((name) => `"${name}"`).join(', ')} (the options: ${options[kind].map((option) => option.label).join(', ')})`,
    };
  }
  return { ok: true, values: { [kind]: [...new Set(values.filter((value) => value !== undefined))] } };
};
