import { createHash } from 'node:crypto';

import {
  type Actor,
  type BriefSources,
  completeWrite,
  decideSave,
  type FieldErrors,
  profileAndBriefProperties,
  type ProfileDraft,
  PROPERTIES,
  readProfileDraft,
  readVersion,
  saveProfileRequestSchema,
  type TagOptions,
} from '@why-they-care/domain';
import { BATCH_LIMIT } from '@why-they-care/hubspot-contract';

import { type CompaniesApi, type CompanyValues } from '../hubspot/companies';
import { type CreateReRecruits, type PlannedReRecruit } from '../automation/direct-tasks';
import { type ColumnName, IMPORT_COLUMNS, MATCH_COLUMN, type MatchBy } from './columns';
import { checkRow, type Header, type ImportRow, readHeader, type RowProblem } from './import-rows';
import { ImportError } from './import.errors';
import { readCsvRecords } from './read-csv';

export type ImportOptions = {
  path: string;
  matchBy?: MatchBy;
  /** Check everything and say what would change, writing nothing. */
  dryRun: boolean;
  /** Told after each batch: rows handled so far, of how many good rows. */
  onProgress?: (done: number, total: number) => void;
  /** Rows per batch call: HubSpot's limit, 100, unless a test wants smaller batches. */
  batchSize?: number;
};

export type ImportReport = {
  /** Data rows in the file (not the header, blank or comment lines). */
  rows: number;
  /** Every row not imported, with its line, column and reason. */
  problems: RowProblem[];
  /** Companies written (or, in a dry run, that would be). */
  written: number;
  /** Rows whose values HubSpot already holds: a rerun, or rows an interrupted run wrote. */
  unchanged: number;
  /** Re-recruit tasks created for companies the import moved to "Who are you?" (direct mode). */
  reRecruitTasks: number;
  dryRun: boolean;
};

export type ImportDeps = {
  companies: CompaniesApi;
  /** The account's tag lists, as HubSpot holds them now. */
  tagOptions: TagOptions;
  /** Direct mode: creates the re-recruit tasks of companies moved to "Who are you?" (their keys are written first). */
  createReRecruits?: CreateReRecruits;
  /** Where a re-recruit task finds what it says: read with the companies, in the same calls. */
  briefSources: BriefSources;
  /** Whom the review stamp names. */
  actor: Actor;
  now?: () => Date;
};

/** The file, read and checked: the good rows and what is wrong with the others. */
const readRows = async (options: ImportOptions, tagOptions: TagOptions) => {
  let header: Header | null = null;
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  let count = 0;
  for await (const record of readCsvRecords(options.path)) {
    if (!header) {
      header = readHeader(record, options.matchBy);
      continue;
    }
    count += 1;
    const check = checkRow(record, header, tagOptions);
    if (check.ok) rows.push(check.row);
    else problems.push(...check.problems);
  }
  if (!header) throw new ImportError('IMPORT_HEADER_INVALID', `${options.path} has no header row.`);
  return { header, rows, problems, count };
};

/** The company each row names: its id, or the one company with its domain (batched searches). */
const resolveCompanies = async (rows: ImportRow[], matchBy: MatchBy, companies: CompaniesApi) => {
  const resolved = new Map<ImportRow, string>();
  const problems: RowProblem[] = [];
  if (matchBy === 'id') {
    rows.forEach((row) => resolved.set(row, row.match));
    return { resolved, problems };
  }
  const found = await companies.searchByDomains([...new Set(rows.map((row) => row.match))]);
  const idsByDomain = new Map<string, string[]>();
  for (const { id, domain } of found) idsByDomain.set(domain, [...(idsByDomain.get(domain) ?? []), id]);
  for (const row of rows) {
    const ids = [...new Set(idsByDomain.get(row.match) ?? [])];
    const [only] = ids;
    if (ids.length === 1 && only) resolved.set(row, only);
    else if (ids.length === 0)
      problems.push({ line: row.line, column: 'domain', reason: `No company has the domain ${row.match}` });
    else {
      problems.push({
        line: row.line,
        column: 'domain',
        reason: `${ids.length} companies have the domain ${row.match} (${ids.join(', ')}): name the one meant in a company_id column and import with --match id`,
      });
    }
  }
  return { resolved, problems };
};

/** A company on two rows of the file: which one is meant is unclear, so neither is imported. */
const refuseRepeatedCompanies = (resolved: Map<ImportRow, string>, matchBy: MatchBy): RowProblem[] => {
  const rowsByCompany = new Map<string, ImportRow[]>();
  for (const [row, companyId] of resolved) rowsByCompany.set(companyId, [...(rowsByCompany.get(companyId) ?? []), row]);
  const problems: RowProblem[] = [];
  for (const [companyId, rows] of rowsByCompany) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      const others = rows.filter((other) => other !== row).map((other) => other.line);
      problems.push({
        line: row.line,
        column: MATCH_COLUMN[matchBy],
        reason: `Company ${companyId} is also on line ${others.join(', ')}: neither row is imported`,
      });
      resolved.delete(row);
    }
  }
  return problems;
};

/** The profile with the row's values over what HubSpot holds: an empty cell keeps the stored value. */
const withRow = (stored: ProfileDraft, row: ImportRow): ProfileDraft => ({
  ...stored,
  whyTheyCare: { ...stored.whyTheyCare, ...row.fields.whyTheyCare },
  desiredOutcome: { ...stored.desiredOutcome, ...row.fields.desiredOutcome },
});

/**
 * The save id a row's write is stamped with: the same row for the same company always gets the same one,
 * so a run that resumes after an interruption recognises the rows it already wrote (`already_saved`).
 */
const saveIdOf = (companyId: string, row: ImportRow) =>
  `import-${createHash('sha256')
    .update(JSON.stringify([companyId, row.fields]))
    .digest('base64url')
    .slice(0, 32)}`;

const COLUMN_OF_FIELD = new Map<string, ColumnName>(
  IMPORT_COLUMNS.flatMap((column) => ('field' in column ? [[`profile.${column.field}`, column.name]] : [])),
);
const THEMES_OR_CONCERNS = new Set(['profile.whyTheyCare.valueThemes', 'profile.whyTheyCare.concerns']);

const fieldProblems = (line: number, fields: FieldErrors): RowProblem[] =>
  Object.entries(fields).flatMap(([path, messages]) =>
    messages.map((reason) => ({
      line,
      column: THEMES_OR_CONCERNS.has(path) ? 'themes_or_concerns' : (COLUMN_OF_FIELD.get(path) ?? 'row'),
      reason: COLUMN_OF_FIELD.has(path) || THEMES_OR_CONCERNS.has(path) ? reason : `${path}: ${reason}`,
    })),
  );

type Outcome =
  | { kind: 'write'; properties: Record<string, string>; task: PlannedReRecruit | null }
  | { kind: 'unchanged' }
  | { kind: 'bad'; problems: RowProblem[] };

/** What importing the row means for the company as HubSpot holds it: through the card's own save decision. */
const decideRow = (row: ImportRow, company: CompanyValues, deps: ImportDeps, at: Date): Outcome => {
  const warnings: string[] = [];
  const stored = readProfileDraft(company.properties, warnings);
  if (warnings.length) {
    const reason = `Part of the stored profile cannot be read (${warnings.join('; ')}): open it in the card first`;
    return { kind: 'bad', problems: [{ line: row.line, column: 'row', reason }] };
  }
  const request = saveProfileRequestSchema.safeParse({
    requestId: saveIdOf(company.id, row),
    expectedVersion: readVersion(company.properties),
    profile: withRow(stored, row),
  });
  if (!request.success) {
    const fields: FieldErrors = {};
    for (const issue of request.error.issues) (fields[issue.path.join('.')] ??= []).push(issue.message);
    return { kind: 'bad', problems: fieldProblems(row.line, fields) };
  }
  const decision = decideSave({
    companyId: company.id,
    stored: company.properties,
    request: request.data,
    actor: deps.actor,
    at,
    tagOptions: deps.tagOptions,
  });
  switch (decision.kind) {
    case 'unchanged':
    case 'already_saved':
      return { kind: 'unchanged' };
    case 'too_large':
    case 'unknown_tags':
      return { kind: 'bad', problems: fieldProblems(row.line, decision.fields) };
    case 'conflict':
      // Read just now: only a save landing between the read and this decision, which the next run settles.
      return {
        kind: 'bad',
        problems: [{ line: row.line, column: 'row', reason: 'The company was saved meanwhile: run the import again' }],
      };
    case 'write':
      break;
  }
  // The success manager stays as stored (the card's save keeps it in step with the owner's team).
  const successManagerId = company.properties[PROPERTIES.successManager.name] || null;
  const write = completeWrite(decision, {
    successManager: { known: true, successManagerId },
    createsTasks: deps.createReRecruits !== undefined,
  });
  const task = write.reRecruitTask && {
    ...write.reRecruitTask,
    properties: { ...company.properties, ...write.properties },
  };
  return { kind: 'write', properties: write.properties, task };
};

/**
 * Imports an answers file: reads and checks every row first (nothing is written if the file itself is
 * malformed), finds the companies (domains in batched searches), refuses ambiguous rows, then goes through
 * the good rows 100 at a time: one batch read of the companies as HubSpot holds them, each row through the
 * card's save decision (`decideSave`: only what changed, with version, stamps and move facts), one batch
 * update of the companies that change, then their re-recruit tasks. The next batch is read while one is
 * written. A row already written (by an earlier run of the file, or one that was interrupted) changes
 * nothing, so a rerun writes nothing and a resumed run writes each remaining row once.
 */
export const importAnswers = async (deps: ImportDeps, options: ImportOptions): Promise<ImportReport> => {
  const now = deps.now ?? (() => new Date());
  const { header, rows, problems, count } = await readRows(options, deps.tagOptions);
  const { resolved, problems: unresolved } = await resolveCompanies(rows, header.matchBy, deps.companies);
  problems.push(...unresolved, ...refuseRepeatedCompanies(resolved, header.matchBy));

  const good = [...resolved];
  const report: ImportReport = {
    rows: count,
    problems,
    written: 0,
    unchanged: 0,
    reRecruitTasks: 0,
    dryRun: options.dryRun,
  };
  const batches: [ImportRow, string][][] = [];
  const size = Math.min(options.batchSize ?? BATCH_LIMIT, BATCH_LIMIT);
  for (let start = 0; start < good.length; start += size) batches.push(good.slice(start, start + size));
  const properties = profileAndBriefProperties(deps.briefSources);
  const read = (batch: [ImportRow, string][]) =>
    deps.companies.batchRead(
      batch.map(([, companyId]) => companyId),
      properties,
    );

  let next = batches[0] ? read(batches[0]) : null;
  let done = 0;
  for (const [index, batch] of batches.entries()) {
    const companies = new Map((await (next ?? read(batch))).map((company) => [company.id, company]));
    const following = batches[index + 1];
    next = following ? read(following) : null;
    // Caught by the await above on the next turn; a failed write must not leave it unobserved meanwhile.
    next?.catch(() => undefined);

    const at = now();
    const writes: { id: string; properties: Record<string, string> }[] = [];
    const tasks: PlannedReRecruit[] = [];
    for (const [row, companyId] of batch) {
      const company = companies.get(companyId);
      if (!company) {
        problems.push({
          line: row.line,
          column: MATCH_COLUMN[header.matchBy],
          reason: `No company with id ${companyId}`,
        });
        continue;
      }
      const outcome = decideRow(row, company, deps, at);
      if (outcome.kind === 'bad') problems.push(...outcome.problems);
      else if (outcome.kind === 'unchanged') report.unchanged += 1;
      else {
        writes.push({ id: companyId, properties: outcome.properties });
        if (outcome.task) tasks.push(outcome.task);
      }
    }
    if (!options.dryRun && writes.length) {
      await deps.companies.batchUpdate(writes);
      if (tasks.length && deps.createReRecruits) await deps.createReRecruits(tasks);
    }
    report.written += writes.length;
    report.reRecruitTasks += options.dryRun ? 0 : tasks.length;
    done += batch.length;
    options.onProgress?.(done, good.length);
  }
  problems.sort((a, b) => a.line - b.line);
  return report;
};
