import { AppError } from '../lib/app-error';

/** A file that cannot be imported at all (unreadable, malformed CSV, a header that names no company). */
export type ImportErrorCode = 'IMPORT_FILE_UNREADABLE' | 'IMPORT_CSV_MALFORMED' | 'IMPORT_HEADER_INVALID';

export class ImportError extends AppError<ImportErrorCode> {}
