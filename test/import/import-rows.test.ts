import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defaultTagOptions } from '@why-they-care/domain';

import { IMPORT_COLUMNS } from '../../src/import/columns';
import { checkRow, type Header, normaliseDomain, readHeader } from '../../src/import/import-rows';
import { type CsvRecord, detectDelimiter, readCsvRecords } from '../../src/import/read-csv';

/** Reading an answers file: BOM, `,` or `;`, quoted cells over lines, comments; every bad row named by line and column. */
const folder = mkdtempSync(join(tmpdir(), 'wtc-import-rows-'));
let files = 0;
const csvFile = (text: string) => {
  const path = join(folder, `file-${(files += 1)}.csv`);
  writeFileSync(path, text);
  return path;
};
const recordsOf = async (text: string) => {
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(csvFile(text))) records.push(record);
  return records;
};

const OPTIONS = defaultTagOptions();
const HEADER: Header = {
  matchBy: 'id',
  columns: [
    'company_id',
    'bucket',
    'answer',
    'answered_by',
    'role',
    'asked_on',
    'required_outcome',
    'appropriate_experience',
    'themes_or_concerns',
  ],
};
const row = (cells: string[], line = 2): CsvRecord => ({ line, cells });
const GOOD = [
  '1001',
  'Who are you?',
  'We forgot why we bought it',
  'Dana',
  'COO',
  '2026-10-14',
  'Fewer outages',
  'Self-serve',
  'Price; low adoption',
];

describe('reading the file', () => {
  it('reads UTF-8 with a BOM and `;` separators, quoted cells over several lines, skipping blanks and # comments', async () => {
    const text =
      '\ufeff# company_id: the record id\ncompany_id;bucket;answer\n\n1001;need_you;"Line one;\nline two"\n# a note\n1002;its_ok;Plain, with a comma\n';
    expect(await recordsOf(text)).toEqual([
      { line: 2, cells: ['company_id', 'bucket', 'answer'] },
      { line: 4, cells: ['1001', 'need_you', 'Line one;\nline two'] },
      { line: 7, cells: ['1002', 'its_ok', 'Plain, with a comma'] },
    ]);
  });

  it('reads `,` files without a BOM, CRLF line ends, and "" as a quote inside a quoted cell', async () => {
    const text = 'company_id,bucket,answer\r\n1001,need_you,"They said ""indispensable"", twice"\r\n';
    expect(await recordsOf(text)).toEqual([
      { line: 1, cells: ['company_id', 'bucket', 'answer'] },
      { line: 2, cells: ['1001', 'need_you', 'They said "indispensable", twice'] },
    ]);
  });

  it('detects the separator from the header line, ignoring separators inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('"a;b";c,d,e\n')).toBe(',');
    expect(detectDelimiter('\ufeff# a, b, c, d\ncompany_id;bucket\n')).toBe(';');
    expect(detectDelimiter('company_id\n')).toBe(',');
  });

  it('stops on a malformed file with the line, before any row is handed over for writing', async () => {
    await expect(
      recordsOf('company_id,bucket,answer\n1001,need_you,"never closed\n1002,its_ok,x\n'),
    ).rejects.toMatchObject({
      code: 'IMPORT_CSV_MALFORMED',
      message: expect.stringMatching(/line \d/),
    });
  });
});

describe('the header', () => {
  it('reads headers case-insensitively with spaces, and matches by id when there is a company_id column', () => {
    expect(readHeader(row(['Company ID', 'Bucket', 'Asked on'], 1), undefined)).toEqual({
      matchBy: 'id',
      columns: ['company_id', 'bucket', 'asked_on'],
    });
    expect(readHeader(row(['domain', 'bucket'], 1), undefined).matchBy).toBe('domain');
  });

  it.each([
    [['company_id', 'bucket', 'mood'], undefined, /unknown column "mood"/],
    [['company_id', 'bucket', 'bucket'], undefined, /"bucket" appears twice/],
    [['company_id', 'bucket'], 'domain', /--match domain needs a "domain" column/],
    [['company_id', 'answer'], undefined, /"bucket" column is required/],
  ] as const)('refuses %j (--match %s) before reading anything from HubSpot', (cells, matchBy, message) => {
    expect(() => readHeader(row([...cells], 1), matchBy)).toThrow(message);
  });
});

describe('each row, held to the domain schema', () => {
  it('keeps what the filled cells set, by bucket label or value, and leaves empty cells out', () => {
    const check = checkRow(row(['1001', 'who_are_you', 'We forgot', '', '', '', '', '', '']), HEADER, OPTIONS);
    expect(check).toEqual({
      ok: true,
      row: {
        line: 2,
        match: '1001',
        fields: { whyTheyCare: { bucket: 'who_are_you', answer: 'We forgot' }, desiredOutcome: {} },
      },
    });
    const full = checkRow(row(GOOD), HEADER, OPTIONS);
    expect(full.ok && full.row.fields).toEqual({
      whyTheyCare: {
        bucket: 'who_are_you',
        answer: 'We forgot why we bought it',
        answeredByName: 'Dana',
        answeredByRole: 'COO',
        askedOn: '2026-10-14',
        concerns: ['price', 'adoption'],
      },
      desiredOutcome: { requiredOutcome: 'Fewer outages', appropriateExperience: 'Self-serve' },
    });
  });

  const bad = (index: number, value: string) => GOOD.map((cell, position) => (position === index ? value : cell));

  it.each([
    ['no company id', bad(0, ''), 'company_id', /Required/],
    ['a company id that is not one', bad(0, '12ab'), 'company_id', /positive whole number/],
    ['no bucket', bad(1, ''), 'bucket', /Required/],
    ['an unknown bucket', bad(1, 'Maybe'), 'bucket', /"Maybe" is not a bucket/],
    ['a date that is not one', bad(5, '2026-02-30'), 'asked_on', /real date/],
    ['a date in another form', bad(5, '14/10/2026'), 'asked_on', /YYYY-MM-DD/],
    ['an answer over the limit', bad(2, 'x'.repeat(5_001)), 'answer', /at most 5000/],
    ['a name over the limit', bad(3, 'x'.repeat(201)), 'answered_by', /at most 200/],
    ['a concern not in the lists', bad(8, 'Price | Weather'), 'themes_or_concerns', /"What worries them": "Weather"/],
    ['a value theme on a "Who are you?" answer', bad(8, 'saves_time'), 'themes_or_concerns', /"saves_time"/],
  ])('names the line, column and reason for %s', (_kind, cells, column, reason) => {
    const check = checkRow(row(cells, 9), HEADER, OPTIONS);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toEqual([{ line: 9, column, reason: expect.stringMatching(reason) }]);
  });

  it('reads themes for a "We need you" answer by label or value, each once, separated by ; or |', () => {
    const themes = GOOD.map((cell, index) =>
      index === 1 ? 'We need you' : index === 8 ? 'our people|SAVES THEM TIME;our_people' : cell,
    );
    const check = checkRow(row(themes), HEADER, OPTIONS);
    expect(check.ok && check.row.fields.whyTheyCare).toMatchObject({
      bucket: 'need_you',
      valueThemes: ['our_people', 'saves_time'],
    });
  });

  it('names every problem of a row, and a row whose cells do not fit the header', () => {
    const many = checkRow(row(['x', 'Maybe', '', '', '', 'yesterday', '', '', ''], 4), HEADER, OPTIONS);
    expect(!many.ok && many.problems.map((problem) => problem.column)).toEqual(['company_id', 'bucket', 'asked_on']);
    const short = checkRow(row(['1001', 'need_you'], 5), HEADER, OPTIONS);
    expect(!short.ok && short.problems).toEqual([
      { line: 5, column: 'row', reason: expect.stringMatching(/2 cells, the header has 9/) },
    ]);
  });

  it('matches by domain as HubSpot stores it, refusing what is not a domain', () => {
    expect(normaliseDomain('https://www.Acme.com/about?x=1')).toBe('acme.com');
    expect(normaliseDomain('sub.acme.co.uk.')).toBe('sub.acme.co.uk');
    expect(normaliseDomain('not a domain')).toBeNull();
    expect(normaliseDomain('localhost')).toBeNull();
    const byDomain: Header = { matchBy: 'domain', columns: ['domain', 'bucket'] };
    expect(checkRow(row(['WWW.ACME.COM', "It's OK"]), byDomain, OPTIONS)).toMatchObject({
      ok: true,
      row: { match: 'acme.com' },
    });
    expect(checkRow(row(['acme', 'its_ok']), byDomain, OPTIONS)).toMatchObject({
      ok: false,
      problems: [{ column: 'domain', reason: '"acme" is not a domain (like acme.com)' }],
    });
  });
});

describe('the template (docs/import-template.csv)', () => {
  it('documents every column in a comment, has them all in its header, and its example row imports', async () => {
    const path = join(process.cwd(), 'docs', 'import-template.csv');
    const text = readFileSync(path, 'utf8');
    for (const column of IMPORT_COLUMNS) expect(text).toContain(`# ${column.name}: ${column.meaning}`);
    const records: CsvRecord[] = [];
    for await (const record of readCsvRecords(path)) records.push(record);
    const [headerRecord, example] = records;
    if (!headerRecord || !example) throw new Error('the template needs a header and an example row');
    const header = readHeader(headerRecord, undefined);
    expect(header.columns).toEqual(IMPORT_COLUMNS.map((column) => column.name));
    expect(checkRow(example, header, OPTIONS)).toMatchObject({ ok: true });
  });
});
