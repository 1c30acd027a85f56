import type { z } from 'zod';
import { camelToWords, issueSentence } from './issue-words';

/** One request of the contract: its input schema and (as a type only) its result. */
export interface RequestSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly summary: string;
  /** Phantom field: carries the result type; never set at run time. */
  readonly __result?: O;
}

/** `request(schema, 'what it does').returns<Result>()` */
export function request<I extends z.ZodType>(input: I, summary: string) {
  return { returns: <O>(): RequestSpec<I, O> => ({ input, summary }) };
}

/** A typed error that crosses the contract: a code and a sentence a person can act on. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_REQUEST',
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_ALLOWED',
  'CONFLICT',
  'STORAGE',
  'INTERNAL',
  /** The host could not be reached (the browser host's connection is lost) or did not answer in time. */
  'UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What each code means, in words a person can act on (a result's message says more). */
export const ERROR_CODE_MEANINGS: Readonly<Record<ErrorCode, string>> = {
  INVALID_INPUT: 'Something in the request is not valid; the message says what.',
  UNKNOWN_REQUEST: 'This console asked for something the running Response Desk does not know; restart it.',
  FORBIDDEN: 'This request is not allowed from here.',
  NOT_FOUND: 'What was asked for does not exist.',
  NOT_ALLOWED: 'This is not allowed in the current state; the message says why.',
  CONFLICT: 'It changed meanwhile; reload it and try again.',
  STORAGE: 'The data on disk could not be read or written; nothing more was changed.',
  INTERNAL: 'Something went wrong inside Response Desk; the details are in its log.',
  UNAVAILABLE: 'The console could not reach Response Desk, so this may not have been done; check once it is back.',
};

export interface ErrorIssue {
  /** Dotted path of the offending field, e.g. "plans.1.targets.P2.updateCadence". Empty for the whole input. */
  readonly path: string;
  readonly message: string;
}

export interface DeskError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly issues?: readonly ErrorIssue[];
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DeskError };

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => String(part)).join('.');
}

/**
 * Turns zod issues into contract issues (the path stays the field's own, so a form can place the
 * message next to it) and one sentence in words: `lead` ("The settings were not saved."), then up
 * to three fields as "Title: must not be empty".
 */
export function invalidInput(lead: string, error: z.ZodError): DeskError {
  const issues = error.issues.map((issue) => ({ path: formatPath(issue.path), message: camelToWords(issue.message) }));
  const shown = error.issues.slice(0, 3).map((issue) => issueSentence(issue.path, issue.message));
  const more = error.issues.length - shown.length;
  const sentences = shown.map((sentence) => (/[.!?]$/.test(sentence) ? sentence : `${sentence}.`));
  if (more > 0) sentences.push(`And ${more} more.`);
  return { code: 'INVALID_INPUT', message: [lead, ...sentences].join(' '), issues };
}
