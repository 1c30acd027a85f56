import { z } from 'zod';
import { caseCommandSchema, caseRecordSchema, isoInstantSchema, severitySchema, type CaseRecord } from '../domain';
import { caseQuerySchema, type CaseQueryResult } from './case-query';
import { request } from './define';

export const caseIdSchema = caseRecordSchema.shape.id;

export const newCaseSchema = z.object({
  title: z.string().trim().min(1, 'title is required').max(300, 'title is longer than 300 characters'),
  customer: z.string().trim().min(1, 'customer is required').max(200, 'customer is longer than 200 characters'),
  plan: z.string().trim().min(1, 'plan is required').max(100).default('standard'),
  /** Omitted: the framework's default, P3 Medium. */
  severity: severitySchema.optional(),
  description: z.string().max(20_000, 'description is longer than 20000 characters').default(''),
  reportedBy: z.string().trim().max(200, 'reported by is longer than 200 characters').default(''),
  /** Who owns it: omitted, the engineer logging it; empty, nobody yet (in a team, the team's queue). */
  owner: z.string().trim().max(200, 'owner is longer than 200 characters').optional(),
  /** When the request was properly submitted; defaults to now and may be back-dated. */
  loggedAt: isoInstantSchema.optional(),
});
export type NewCase = z.input<typeof newCaseSchema>;

export const caseRequests = {
  'cases.list': request(z.object({}).strict(), 'All open cases with their timelines.').returns<CaseRecord[]>(),
  'cases.get': request(z.object({ id: caseIdSchema }).strict(), 'One case, open or closed.').returns<CaseRecord>(),
  'cases.create': request(newCaseSchema.strict(), 'Log a new case.').returns<CaseRecord>(),
  'cases.act': request(
    z.object({ id: caseIdSchema, command: caseCommandSchema }).strict(),
    'Apply one workflow action (acknowledge, post update, escalate, resolve...) to a case.',
  ).returns<CaseRecord>(),
  'cases.history': request(
    z.object({ limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) }).strict(),
    'Closed cases, newest closure first, a page at a time.',
  ).returns<{ total: number; cases: CaseRecord[] }>(),
  'cases.query': request(caseQuerySchema, 'Open and closed cases together: search, filters, order, one page at a time.').returns<CaseQueryResult>(),
};

export const caseEvents = {
  /** Carries only the changed case, never the full list. */
  'cases.changed': z.object({ record: caseRecordSchema }),
  /**
   * Team mode: case `id` is gone from this console, merged into `into`, the team's case of the
   * same service desk ticket (imported on two consoles while offline; docs/team.md).
   */
  'cases.merged': z.object({ id: caseIdSchema, into: caseRecordSchema }),
};
