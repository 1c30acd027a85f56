import { z } from 'zod';
import { caseRecordSchema, isoInstantSchema } from '../domain/events';
import { reviewSchema } from '../review/model';
import { settingsSchema } from '../settings/settings';

/**
 * The export of all user data: one JSON document, versioned, that an import reads back whole.
 * Settings carry the policy (plans, targets, calendars with their holidays); the runtime facts
 * are what the console remembers beside the cases (snoozes, reminders already notified).
 */
export const BUNDLE_FORMAT = 'response-desk.bundle';
export const BUNDLE_VERSION = 1;

/**
 * The largest export file an import reads, and the limit of the browser host's upload. The file
 * is parsed as one string, and V8 strings stop a little under 512 MiB, so half of that leaves
 * room for a pretty-printed file and the parsed data beside it.
 */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

/** Case numbers have at most nine digits: a counter past that could hand out no more ids. */
export const MAX_CASE_NUMBER = 999_999_999;
export const CASE_PREFIX_PATTERN = /^[A-Z]{1,10}$/;

export const caseCounterSchema = z
  .object({
    prefix: z.string().regex(CASE_PREFIX_PATTERN, 'prefix is 1 to 10 capital letters, like RD'),
    nextNumber: z
      .number()
      .int('nextNumber must be a whole number')
      .min(1, 'nextNumber must be at least 1')
      .max(MAX_CASE_NUMBER + 1, `nextNumber must be at most ${MAX_CASE_NUMBER + 1}`),
  })
  .strict();
export type CaseCounter = z.infer<typeof caseCounterSchema>;

export const runtimeFactsSchema = z
  .object({
    /** Case id -> end of its snooze. */
    snoozes: z.record(z.string(), isoInstantSchema),
    /** Notification fact -> when it was last notified, so an import does not notify it again. */
    notified: z.record(z.string(), isoInstantSchema),
  })
  .strict();
export type RuntimeFacts = z.infer<typeof runtimeFactsSchema>;

export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT, `must be "${BUNDLE_FORMAT}"`),
    version: z.literal(BUNDLE_VERSION, `must be ${BUNDLE_VERSION}`),
    exportedAt: isoInstantSchema,
    /** The case id counter: the next id handed out is `${prefix}-${nextNumber}`. */
    counter: caseCounterSchema,
    settings: settingsSchema,
    runtime: runtimeFactsSchema,
    reviews: z.array(reviewSchema),
    /** Open and closed, ordered by case number. */
    cases: z.array(caseRecordSchema),
  })
  .strict();
export type Bundle = z.infer<typeof bundleSchema>;

/** The first export format (before the bundle): the cases and the counter only. */
export const LEGACY_CASES_FORMAT = 'response-desk.cases';
export const legacyCasesSchema = z.object({
  format: z.literal(LEGACY_CASES_FORMAT),
  version: z.literal(1),
  exportedAt: isoInstantSchema,
  nextNumber: z.number(),
  cases: z.array(z.unknown()),
});
