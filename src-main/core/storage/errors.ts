/** Why a store operation was refused; `code` is stable, `message` is a sentence a person can act on. */
export type StoreErrorCode =
  | 'STORE_CORRUPT'
  | 'STORE_NOT_OPEN'
  | 'STORE_CLOSED'
  | 'CASE_NOT_FOUND'
  | 'CASE_EXISTS'
  | 'EVENT_INVALID'
  | 'EVENT_OUT_OF_SEQUENCE'
  | 'IMPORT_INVALID'
  | 'CASE_NUMBERS_EXHAUSTED';

export class StoreError extends Error {
  override readonly name: string = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A part of the data that cannot be read: found damaged (kept aside, in the storage report) or
 * missing though the rest of the data names it. Reads that need it fail with this rather than
 * answer as if it were empty, so nothing (a list, an export) is silently incomplete.
 */
export class StorageDamageError extends StoreError {
  override readonly name: string = 'StorageDamageError';
  constructor(
    /** The damaged file, relative to the data directory ("history/2026-11.001.json"). */
    readonly file: string,
    /** Why it cannot be read, e.g. "is not valid JSON (...)". */
    readonly reason: string,
  ) {
    super('STORE_CORRUPT', `${file} cannot be read: ${reason}. It is listed under data problems, with its latest backup where there is one.`);
  }
}
