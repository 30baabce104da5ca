import { AppError } from '../lib/app-error';

/**
 * What can go wrong when instances coordinate through Redis: it does not answer (a save is refused rather
 * than risk a lost edit), a lock stays held by another holder for too long, or a lock was lost before the
 * write it guarded (the write is not made).
 */
export type CoordinationErrorCode = 'COORDINATION_UNAVAILABLE' | 'LOCK_BUSY' | 'LOCK_LOST';

export class CoordinationError extends AppError<CoordinationErrorCode> {}
