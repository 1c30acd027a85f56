import { z } from 'zod';
import { CASE_STATUSES, isoInstantSchema, severitySchema, type CaseSummary } from '../domain';

/** The columns a list over every case can be ordered by. */
export const CASE_SORT_COLUMNS = ['id', 'title', 'customer', 'severity', 'status', 'owner', 'loggedAt', 'updatedAt'] as const;
export type CaseSortColumn = (typeof CASE_SORT_COLUMNS)[number];

/** At most this many rows per page: a page is what a screen shows, never the whole set. */
export const CASE_QUERY_MAX_LIMIT = 200;

export const caseFiltersSchema = z
  .object({
    /** Any of these statuses; empty for every status. */
    status: z.array(z.enum(CASE_STATUSES)).max(CASE_STATUSES.length).default([]),
    /** Any of these severities; empty for every severity. */
    severity: z.array(severitySchema).max(4).default([]),
    /** A plan id; '' for every plan. */
    plan: z.string().trim().max(100, 'plan is longer than 100 characters').default(''),
    /** The customer's whole name, in any case; '' for every customer. */
    customer: z.string().trim().max(200, 'customer is longer than 200 characters').default(''),
    /** The owner's whole name, in any case; '' for anyone. */
    owner: z.string().trim().max(200, 'owner is longer than 200 characters').default(''),
    /** Logged at or after this instant. */
    loggedFrom: isoInstantSchema.optional(),
    /** Logged before this instant. */
    loggedBefore: isoInstantSchema.optional(),
  })
  .strict()
  .refine((f) => !f.loggedFrom || !f.loggedBefore || f.loggedFrom < f.loggedBefore, { message: 'the logged range ends before it starts', path: ['loggedBefore'] });
export type CaseFilters = z.output<typeof caseFiltersSchema>;

export const caseQuerySchema = z
  .object({
    /** Words matched against id, title and customer; every word must be found. */
    text: z.string().max(200, 'search text is longer than 200 characters').default(''),
    filters: caseFiltersSchema.default({ status: [], severity: [], plan: '', customer: '', owner: '' }),
    sort: z
      .object({ by: z.enum(CASE_SORT_COLUMNS), direction: z.enum(['asc', 'desc']) })
      .strict()
      .default({ by: 'updatedAt', direction: 'desc' }),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(CASE_QUERY_MAX_LIMIT, `limit is at most ${CASE_QUERY_MAX_LIMIT}`).default(50),
  })
  .strict();
export type CaseQuery = z.output<typeof caseQuerySchema>;
export type CaseQueryInput = z.input<typeof caseQuerySchema>;

export interface CaseQueryResult {
  /** Every case that matches, open and closed. */
  readonly total: number;
  /** The page asked for: `offset` to `offset + limit`. */
  readonly rows: CaseSummary[];
}
