import { z } from 'zod';

/**
 * Identity rules: every id and counter the console keeps is bounded, so none can grow into a
 * file name the system refuses, a number past what a double counts exactly, or a log of
 * megabytes. A case id is canonical: `RD-1001`, never `RD-01001`, so one case has one name.
 */

/** The highest case number. Far below 2^53, and short enough for any file name. */
export const MAX_CASE_NUMBER = 999_999_999;
/** Capital letters, a dash, a number from 1 to MAX_CASE_NUMBER without leading zeros. */
export const CASE_ID_PATTERN = /^[A-Z]{1,8}-[1-9]\d{0,8}$/;
export const MAX_CASE_ID_LENGTH = 18;
/** Event ids are `${caseId}#${seq}`; a case holds at most this many events. */
export const MAX_EVENT_ID_LENGTH = 40;
/** Ids the review keeps (timeline entries, action items). */
export const MAX_REVIEW_ITEM_ID_LENGTH = 100;

export const caseIdSchema = z
  .string()
  .max(MAX_CASE_ID_LENGTH, `a case id is at most ${MAX_CASE_ID_LENGTH} characters, like RD-1001`)
  .regex(CASE_ID_PATTERN, 'a case id looks like RD-1001: capital letters, a dash, and a number without leading zeros');

export const eventIdSchema = z.string().min(1, 'an event id is required').max(MAX_EVENT_ID_LENGTH, `an event id is at most ${MAX_EVENT_ID_LENGTH} characters`);

/** The next case number to hand out: at most one past the highest, which means none is left. */
export const nextCaseNumberSchema = z
  .number()
  .int()
  .min(1, 'nextNumber must be at least 1')
  .max(MAX_CASE_NUMBER + 1, `nextNumber is at most ${MAX_CASE_NUMBER + 1} (case numbers end at ${MAX_CASE_NUMBER})`);
