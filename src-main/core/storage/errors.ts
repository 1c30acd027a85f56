/** Why a store operation was refused; `code` is stable, `message` is a sentence a person can act on. */
export type StoreErrorCode =
  | 'STORE_CORRUPT'
  | 'STORE_NOT_OPEN'
  | 'STORE_CLOSED'
  | 'CASE_NOT_FOUND'
  | 'CASE_EXISTS'
  | 'EVENT_INVALID'
  | 'EVENT_OUT_OF_SEQUENCE'
  | 'IMPORT_INVALID';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
