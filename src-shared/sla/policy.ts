import { z } from 'zod';
import { SEVERITIES } from '../domain/severity';
import { escalationLevelSchema } from '../domain/events';
import { CALENDAR_24X7, CALENDAR_24X7_ID, type Calendar, type Validated, calendarSchema, issuesToErrors } from './calendar';

/**
 * The response policy as plain data: calendars plus plans, each plan holding per-severity
 * targets. Everything here is editable in settings and validated before it is applied.
 */

/** "business" means the plan's business calendar; "24x7" the built-in one; anything else a calendar id. */
export const BUSINESS = 'business';

export const durationSchema = z.object({
  minutes: z.number({ error: 'must be a number of minutes' }).finite('must be a finite number').positive('must be more than 0 minutes').max(527_040, 'must be at most a year (527040 minutes)'),
  calendar: z.string().trim().min(1, 'names a calendar: "business", "24x7" or a calendar id'),
});
export type Duration = z.infer<typeof durationSchema>;

export const MANAGEMENT_VISIBILITY = ['always', 'onManagementEscalation', 'never'] as const;

export const severityTargetSchema = z.object({
  initialResponse: durationSchema,
  updateCadence: durationSchema,
  /** Extra time past a missed update before escalation for lack of progress is due. */
  lackOfProgressThreshold: durationSchema,
  autoEscalation: escalationLevelSchema.nullable(),
  managementVisibility: z.enum(MANAGEMENT_VISIBILITY),
  reviewRequired: z.boolean(),
  reviewDue: durationSchema,
});
export type SeverityTarget = z.infer<typeof severityTargetSchema>;

const targetsSchema = z.object({ P1: severityTargetSchema, P2: severityTargetSchema, P3: severityTargetSchema, P4: severityTargetSchema });

export const planSchema = z.object({
  id: z.string().trim().min(1, 'id is required').max(100, 'id is longer than 100 characters'),
  name: z.string().trim().min(1, 'name is required').max(200, 'name is longer than 200 characters'),
  businessCalendarId: z.string().trim().min(1, 'names the calendar that "business" durations use'),
  targets: targetsSchema,
});
export type Plan = z.infer<typeof planSchema>;

export const POLICY_SCHEMA_VERSION = 1;

export const policySchema = z
  .object({
    schemaVersion: z.literal(POLICY_SCHEMA_VERSION, { error: `must be ${POLICY_SCHEMA_VERSION}` }),
    calendars: z.array(calendarSchema),
    plans: z.array(planSchema).min(1, 'at least one plan is required'),
  })
  .superRefine((policy, ctx) => {
    const ids = new Set<string>();
    policy.calendars.forEach((calendar, i) => {
      if (calendar.id === CALENDAR_24X7_ID) ctx.addIssue({ code: 'custom', path: ['calendars', i, 'id'], message: `"${CALENDAR_24X7_ID}" is the built-in calendar's id` });
      else if (ids.has(calendar.id)) ctx.addIssue({ code: 'custom', path: ['calendars', i, 'id'], message: `calendar id "${calendar.id}" is used twice` });
      ids.add(calendar.id);
    });
    const known = (id: string) => id === CALENDAR_24X7_ID || ids.has(id);
    const planIds = new Set<string>();
    policy.plans.forEach((plan, p) => {
      if (planIds.has(plan.id)) ctx.addIssue({ code: 'custom', path: ['plans', p, 'id'], message: `plan id "${plan.id}" is used twice` });
      planIds.add(plan.id);
      if (!known(plan.businessCalendarId)) {
        ctx.addIssue({ code: 'custom', path: ['plans', p, 'businessCalendarId'], message: `no calendar has id "${plan.businessCalendarId}"` });
      }
      for (const severity of SEVERITIES) {
        const target = plan.targets[severity];
        for (const field of ['initialResponse', 'updateCadence', 'lackOfProgressThreshold', 'reviewDue'] as const) {
          const ref = target[field].calendar;
          if (ref !== BUSINESS && !known(ref)) {
            ctx.addIssue({ code: 'custom', path: ['plans', p, 'targets', severity, field, 'calendar'], message: `no calendar has id "${ref}" (use "business", "24x7" or a calendar id)` });
          }
        }
        const cadence = resolveRef(plan, target.updateCadence.calendar);
        const threshold = resolveRef(plan, target.lackOfProgressThreshold.calendar);
        if (cadence !== threshold) {
          ctx.addIssue({
            code: 'custom',
            path: ['plans', p, 'targets', severity, 'lackOfProgressThreshold', 'calendar'],
            message: 'must use the same calendar as updateCadence, since it extends the update clock',
          });
        }
      }
    });
  });
export type Policy = z.infer<typeof policySchema>;

function resolveRef(plan: Plan, ref: string): string {
  return ref === BUSINESS ? plan.businessCalendarId : ref;
}

/** Validates a policy; an invalid one comes back as errors and must not be applied. */
export function parsePolicy(input: unknown): Validated<'policy', Policy> {
  const parsed = policySchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };
  return { ok: true, policy: parsed.data };
}

export class PolicyError extends Error {
  constructor(
    readonly code: 'unknownPlan' | 'unknownCalendar',
    message: string,
  ) {
    super(message);
    this.name = 'PolicyError';
  }
}

/** The plan a case names, by id or (case-insensitively) by name; undefined when the policy has none such. */
export function findPlan(policy: Policy, plan: string): Plan | undefined {
  const wanted = plan.trim().toLowerCase();
  return policy.plans.find((p) => p.id === plan) ?? policy.plans.find((p) => p.name.toLowerCase() === wanted || p.id.toLowerCase() === wanted);
}

/** The plan a case names, as `findPlan`; a plan the policy does not have is a PolicyError naming it and the known ones. */
export function planOf(policy: Policy, plan: string): Plan {
  const found = findPlan(policy, plan);
  if (!found) throw new PolicyError('unknownPlan', `plan "${plan}" is not in the policy (known: ${policy.plans.map((p) => p.id).join(', ')})`);
  return found;
}

/** The calendar a duration of this plan runs on. */
export function calendarOf(policy: Policy, plan: Plan, ref: string): Calendar {
  const id = resolveRef(plan, ref);
  if (id === CALENDAR_24X7_ID) return CALENDAR_24X7;
  const calendar = policy.calendars.find((c) => c.id === id);
  if (!calendar) throw new PolicyError('unknownCalendar', `plan "${plan.id}" names calendar "${id}", which is not in the policy`);
  return calendar;
}
