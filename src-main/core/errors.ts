import type { DeskError, ErrorCode, ErrorIssue } from '../../src-shared/contract';

/** A failure the core reports to the renderer as a typed error result. */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly ErrorIssue[],
  ) {
    super(message);
    this.name = 'DeskFailure';
  }

  toPayload(): DeskError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string) => new DeskFailure('NOT_FOUND', `${what} does not exist.`);
export const notAllowed = (reason: string) => new DeskFailure('NOT_ALLOWED', reason);
