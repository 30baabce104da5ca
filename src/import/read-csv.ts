import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

import { CsvError, parse } from 'csv-parse';

import { ImportError } from './import.errors';

export type Delimiter = ',' | ';';

/** One record of the file: its cells, and the line it starts on (1-based, as an editor shows it). */
export type CsvRecord = { line: number; cells: string[] };

const SNIFF_BYTES = 64 * 1024;
const BOM = '\ufeff';

/** The separators outside quotes on one line. */
const countOutsideQuotes = (line: string, char: string) => {
  let inQuotes = false;
  let count = 0;
  for (const current of line) {
    if (current === '"') inQuotes = !inQuotes;
    else if (current === char && !inQuotes) count += 1;
  }
  return count;
};

/**
 * `,` or `;`, whichever the header line holds more of outside quotes (spreadsheets in many European locales
 * save CSV with `;`); `,` when neither appears. The header is the first line that is not blank or a comment.
 */
export const detectDelimiter = (start: string): Delimiter => {
  const header = start
    .replace(BOM, '')
    .split(/\r?\n/)
    .find((line) => line.trim() !== '' && !line.startsWith('#'));
  if (!header) return ',';
  return countOutsideQuotes(header, ';') > countOutsideQuotes(header, ',') ? ';' : ',';
};

const readStart = async (path: string): Promise<string> => {
  const file = await open(path, 'r').catch((error: unknown) => {
    throw new ImportError('IMPORT_FILE_UNREADABLE', `Cannot read ${path}: ${(error as Error).message}`);
  });
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await file.close();
  }
};

/** Newlines inside quoted cells: a record ends on the line csv-parse reports, it starts that many lines before. */
const newlinesIn = (cells: readonly string[]) => cells.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);

/**
 * The file's records, streamed (csv-parse): UTF-8 with or without a byte-order mark, `,` or `;` (detected),
 * quoted cells over several lines, blank lines and `#` comment lines (the template's documentation)
 * skipped, cells trimmed. A record with more or fewer cells than the header is handed over as it is, for
 * the caller to refuse; a malformed file (an unclosed quote) stops with the line it was found on.
 */
export async function* readCsvRecords(path: string): AsyncGenerator<CsvRecord> {
  const delimiter = detectDelimiter(await readStart(path));
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
      trim: true,
      info: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines - newlinesIn(record), cells: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new ImportError('IMPORT_CSV_MALFORMED', `${path}${line ? `, line ${line}` : ''}: ${error.message}`);
    }
    throw new ImportError('IMPORT_FILE_UNREADABLE', `Cannot read ${path}: ${(error as Error).message}`);
  }
}
