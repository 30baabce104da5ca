import { AppError } from '../lib/app-error';

/** A file that cannot be imported at all (unreadable, malformed CSV, a bad header), or an account without the app. */
export type ImportErrorCode =
  'IMPORT_FILE_UNREADABLE' | 'IMPORT_CSV_MALFORMED' | 'IMPORT_HEADER_INVALID' | 'IMPORT_APP_NOT_SET_UP';

export class ImportError extends AppError<ImportErrorCode> {}
