import { z } from 'zod';
import { CASE_STATUSES, foldCase, type CaseState } from './case-state';
import { isoInstantSchema, type CaseRecord } from './events';
import { severitySchema } from './severity';

/**
 * One case as a row of a list over every case, open and closed: what the All cases view shows,
 * filters and sorts by. Small on purpose (the closed history's index keeps one per case).
 */
export const caseSummarySchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  customer: z.string(),
  plan: z.string(),
  severity: severitySchema,
  status: z.enum(CASE_STATUSES),
  owner: z.string().nullable(),
  loggedAt: isoInstantSchema,
  /** The newest event's time. */
  updatedAt: isoInstantSchema,
  closedAt: isoInstantSchema.nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export function summaryOfState(state: CaseState): CaseSummary {
  return {
    id: state.id,
    title: state.title,
    customer: state.customer,
    plan: state.plan,
    severity: state.severity,
    status: state.status,
    owner: state.owner,
    loggedAt: state.loggedAt,
    updatedAt: state.lastEventAt,
    closedAt: state.closedAt,
  };
}

export function summaryOf(record: CaseRecord): CaseSummary {
  return summaryOfState(foldCase(record));
}
