import { ERROR_CODE_MEANINGS, type DeskError, type ErrorCode, type ErrorIssue } from '../../src-shared/contract';
import { CaseFoldError } from '../../src-shared/domain';
import { PolicyError } from '../../src-shared/sla';
import { StoreError, type StoreErrorCode } from './storage';
import { ConsoleLockError, describeHolder } from './console-lock';

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

/** Longest message (or file name inside one) a result or a log line carries: inputs can be huge. */
const MAX_TEXT = 300;

export function clip(text: string, max = MAX_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * What the operating system says when a file operation fails, and what it means to the person
 * using the console: the cause, whether a change that failed was lost, and what to do. Every one
 * is a STORAGE error: the data is fine in memory, the disk or the folder is not.
 */
interface SystemErrorRow {
  readonly cause: string;
  /** Only a write fails this way: the change was not saved. */
  readonly write?: true;
  readonly advice: string;
}

export const SYSTEM_ERROR_ROWS: Readonly<Record<string, SystemErrorRow>> = {
  ENOSPC: { cause: 'The disk is full', write: true, advice: 'Free some space and try again.' },
  EDQUOT: { cause: 'The disk quota is used up', write: true, advice: 'Free some space and try again.' },
  EROFS: { cause: 'The data folder is on a read-only disk', write: true, advice: 'Make the disk writable, or start with another data folder (--data-dir).' },
  EACCES: { cause: 'Response Desk is not allowed to use a file of its data folder', advice: 'Check the folder’s permissions, then try again.' },
  EPERM: { cause: 'The system refused an operation on the data folder', advice: 'Check the folder’s permissions (and that no other program locks it), then try again.' },
  EIO: { cause: 'The disk reported an error reading or writing the data', advice: 'Check the disk, then try again.' },
  EMFILE: { cause: 'Response Desk has too many files open', advice: 'Try again; if it goes on, restart Response Desk.' },
  ENFILE: { cause: 'The system has too many files open', advice: 'Close other programs and try again.' },
  ENOTDIR: { cause: 'A file stands where a folder of the data should be', advice: 'Move that file away, then try again.' },
  EEXIST: { cause: 'A file stands where a folder of the data should be', advice: 'Move that file away, then try again.' },
  EISDIR: { cause: 'A folder stands where a file of the data should be', advice: 'Move that folder away, then try again.' },
  ENOENT: { cause: 'A file or folder of the data is missing', advice: 'Was it moved or deleted while Response Desk ran? Restart it.' },
  ENAMETOOLONG: { cause: 'A file name of the data would be longer than the system allows', advice: 'Nothing was changed.' },
};

/** The sentence for a command that failed with this system error. */
export function systemErrorSentence(code: string): string {
  const row = SYSTEM_ERROR_ROWS[code]!;
  return `${row.cause}${row.write ? ': the change was not saved.' : '.'} ${row.advice}`;
}

function systemDetail(error: NodeJS.ErrnoException, code: string): string {
  return error.path ? `${code} on ${clip(error.path, 160)}` : code;
}

/** What each of the store's own refusals means at the contract. */
export const STORE_ERRORS: Readonly<Record<StoreErrorCode, ErrorCode>> = {
  STORE_CORRUPT: 'STORAGE',
  STORE_NOT_OPEN: 'STORAGE',
  STORE_CLOSED: 'STORAGE',
  CASE_NOT_FOUND: 'NOT_FOUND',
  CASE_EXISTS: 'CONFLICT',
  EVENT_INVALID: 'INVALID_INPUT',
  EVENT_OUT_OF_SEQUENCE: 'CONFLICT',
  IMPORT_INVALID: 'INVALID_INPUT',
  CASE_NUMBERS_EXHAUSTED: 'NOT_ALLOWED',
};

export interface MappedError {
  readonly error: DeskError;
  /** INTERNAL is a defect: logged with its stack. Anything else is logged as one line. */
  readonly defect: boolean;
}

function systemCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' && Object.hasOwn(SYSTEM_ERROR_ROWS, code) ? code : undefined;
}

/**
 * The one table from what a handler threw to what crosses the contract:
 *
 * | thrown                                   | code                                   |
 * |------------------------------------------|----------------------------------------|
 * | DeskFailure                              | its own code                           |
 * | StoreError (and StorageDamageError)      | STORE_ERRORS by its code               |
 * | a system error (ENOSPC, EROFS, EACCES…)  | STORAGE, SYSTEM_ERROR_ROWS' sentence   |
 * | PolicyError (unknown plan or calendar)   | INVALID_INPUT                          |
 * | CaseFoldError (a stored timeline)        | STORAGE                                |
 * | anything else                            | INTERNAL (a defect: logged with stack) |
 */
export function toDeskError(error: unknown, request: string): MappedError {
  if (error instanceof DeskFailure) return { error: error.toPayload(), defect: false };
  if (error instanceof StoreError) return { error: { code: STORE_ERRORS[error.code], message: clip(error.message) }, defect: false };
  const system = systemCode(error);
  if (system) return { error: { code: 'STORAGE', message: `${systemErrorSentence(system)} (${systemDetail(error as NodeJS.ErrnoException, system)})` }, defect: false };
  if (error instanceof PolicyError) return { error: { code: 'INVALID_INPUT', message: clip(`The policy cannot serve this: ${error.message}.`) }, defect: false };
  if (error instanceof CaseFoldError) {
    return { error: { code: 'STORAGE', message: clip(`A stored case timeline cannot be read: ${error.message}.`) }, defect: false };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { error: { code: 'INTERNAL', message: `${ERROR_CODE_MEANINGS.INTERNAL} (${request}: ${clip(detail, 160)})` }, defect: true };
}

/** An error as a few short lines for the log: never a whole input. */
export function forLog(error: unknown): string {
  if (!(error instanceof Error)) return clip(String(error));
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 12);
  return [`${error.name}: ${clip(error.message)}`, ...frames].join('\n');
}

/**
 * Why the console could not start, as one line, when the cause is the data folder or its disk
 * (read-only, full, a file where a folder should be...); undefined for anything else.
 */
export function startFailureLine(error: unknown, dataDir: string): string | undefined {
  const system = systemCode(error);
  if (system) {
    const row = SYSTEM_ERROR_ROWS[system]!;
    return `cannot open the data folder ${dataDir}: ${row.cause}. ${row.advice} (${systemDetail(error as NodeJS.ErrnoException, system)})`;
  }
  if (error instanceof StoreError) return `cannot open the data folder ${dataDir}: ${clip(error.message)}`;
  if (error instanceof ConsoleLockError) return `cannot open the data folder ${dataDir}: ${describeHolder(error.holder)} is using it; close that first.`;
  return undefined;
}
