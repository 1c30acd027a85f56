import { z } from 'zod';
import { isoInstantSchema, severitySchema } from '../domain';
import { caseIdSchema } from './cases';
import { request } from './define';

const MAX_SNOOZE_MINUTES = 7 * 24 * 60;

/** A case whose reminders are silenced until `until`. */
export interface Snooze {
  readonly caseId: string;
  readonly until: string;
}

/** One open deadline the engineer owes: an initial response or a customer update. */
export const urgentItemSchema = z.object({
  caseId: caseIdSchema,
  title: z.string(),
  severity: severitySchema,
  due: z.enum(['initialResponse', 'customerUpdate']),
  dueAt: isoInstantSchema,
  overdue: z.boolean(),
});
export type UrgentItem = z.infer<typeof urgentItemSchema>;

/** What needs the engineer now: the overdue count and the most urgent items, earliest first. */
export interface Attention {
  readonly overdueCount: number;
  readonly urgent: readonly UrgentItem[];
  readonly snoozed: readonly Snooze[];
}

export const runtimeRequests = {
  'runtime.snooze': request(
    z
      .object({
        caseId: caseIdSchema,
        minutes: z
          .number({ error: 'minutes must be a number' })
          .int('minutes must be a whole number')
          .min(1, 'snooze for at least 1 minute')
          .max(MAX_SNOOZE_MINUTES, `snooze for at most ${MAX_SNOOZE_MINUTES} minutes (7 days)`),
      })
      .strict(),
    "Silence a case's reminders for a while; what falls due meanwhile is notified when the snooze ends.",
  ).returns<Snooze>(),
  'runtime.unsnooze': request(z.object({ caseId: caseIdSchema }).strict(), "End a case's snooze now.").returns<{ caseId: string }>(),
  'runtime.status': request(z.object({}).strict(), 'The overdue count, the five most urgent items and the snoozed cases.').returns<Attention>(),
};
