import { DeskFailure } from '../errors';

/**
 * A file that cannot be imported at all (not JSON or CSV, another tool's export, empty, cut
 * short): nothing is written, and the message says which file, what and where.
 */
export class ImportFileError extends DeskFailure {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly position?: { readonly line: number; readonly column: number },
  ) {
    super('INVALID_INPUT', `${file} cannot be imported: ${reason}. Nothing was changed.`);
    this.name = 'ImportFileError';
  }
}
