import { z } from 'zod';
import { caseIdSchema, eventIdSchema } from './ids';
import { OUTSIDE_WINDOW_MESSAGE, inInstantWindow } from './instant-window';
import { severitySchema } from './severity';

/**
 * The case model is event-sourced: a case is its append-only timeline of these events.
 * Every instant is a UTC ISO 8601 string; nothing is updated in place.
 */

export const isoInstantSchema = z.iso
  .datetime({ offset: false, message: 'must be a UTC ISO 8601 instant ending in Z', abort: true })
  .refine((iso) => inInstantWindow(Date.parse(iso)), { message: OUTSIDE_WINDOW_MESSAGE });

const text = (what: string, max = 20_000) =>
  z.string().trim().min(1, `${what} is required`).max(max, `${what} is longer than ${max} characters`);
const optionalText = (what: string, max = 20_000) => z.string().trim().max(max, `${what} is longer than ${max} characters`);

export const UPDATE_CHANNELS = ['portal', 'email', 'phone', 'chat'] as const;
export const ESCALATION_TRIGGERS = ['businessImpact', 'lackOfProgress', 'customerRequest', 'automatic'] as const;
export const ESCALATION_LEVELS = ['seniorEngineering', 'management'] as const;
export const RESOLUTION_CRITERIA = ['serviceRestored', 'verifiedWorkaround', 'customerConfirmed'] as const;
export const RESOLUTION_METHODS = ['configurationChange', 'bugFix', 'vendorCoordination', 'upgradeRecommendation'] as const;

export const updateChannelSchema = z.enum(UPDATE_CHANNELS);
export const escalationTriggerSchema = z.enum(ESCALATION_TRIGGERS);
export const escalationLevelSchema = z.enum(ESCALATION_LEVELS);
export const resolutionCriterionSchema = z.enum(RESOLUTION_CRITERIA);
export const resolutionMethodSchema = z.enum(RESOLUTION_METHODS);

export type UpdateChannel = z.infer<typeof updateChannelSchema>;
export type EscalationTrigger = z.infer<typeof escalationTriggerSchema>;
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;
export type ResolutionCriterion = z.infer<typeof resolutionCriterionSchema>;
export type ResolutionMethod = z.infer<typeof resolutionMethodSchema>;

/** The four things an engineer does during initial response (framework section 2). */
export const initialResponseChecklistSchema = z.object({
  severityValidated: z.boolean(),
  investigationStarted: z.boolean(),
  informationRequested: z.boolean(),
  nextStepsOutlined: z.boolean(),
});
export type InitialResponseChecklist = z.infer<typeof initialResponseChecklistSchema>;

export const IMPORT_SOURCES = ['zendesk', 'jsm'] as const;
export const importSourceSchema = z.enum(IMPORT_SOURCES);
export type ImportSource = z.infer<typeof importSourceSchema>;

/** The service desk a case was imported from and its id there ("35436", "SUP-12"). */
export const caseOriginSchema = z.object({
  source: importSourceSchema,
  externalId: z.string().trim().min(1, 'an external id is required').max(100, 'an external id is at most 100 characters'),
  /** The desk it came from, when the export names it ("acme.zendesk.com"). */
  desk: z.string().max(200, 'a desk name is at most 200 characters').optional(),
});
export type CaseOrigin = z.infer<typeof caseOriginSchema>;

/** What each kind of event carries, besides the common envelope. */
export const eventBodySchemas = {
  logged: z.object({
    title: text('title', 300),
    customer: text('customer', 200),
    plan: text('plan', 100),
    severity: severitySchema,
    /** True when the request came in without a severity and P3 was applied. */
    severityDefaulted: z.boolean(),
    description: optionalText('description'),
    reportedBy: optionalText('reported by', 200),
    owner: optionalText('owner', 200),
    /** Where a case imported from a service desk came from (docs/import.md); absent for a case logged here. */
    origin: caseOriginSchema.optional(),
  }),
  severityAdjusted: z.object({
    from: severitySchema,
    to: severitySchema,
    reason: text('reason'),
    businessImpact: optionalText('business impact'),
  }),
  ownerAssigned: z.object({ owner: text('owner', 200) }),
  acknowledged: z.object({
    checklist: initialResponseChecklistSchema,
    response: text('response text'),
    /** The next steps outlined to the customer (older acknowledgements have none). */
    nextSteps: optionalText('next steps').optional(),
  }),
  customerUpdatePosted: z.object({ channel: updateChannelSchema, text: text('update text') }),
  noteAdded: z.object({ text: text('note') }),
  informationRequested: z.object({ text: text('what is requested') }),
  customerReplied: z.object({ text: optionalText('reply') }),
  escalated: z.object({
    trigger: escalationTriggerSchema,
    level: escalationLevelSchema,
    justification: optionalText('justification'),
  }),
  workaroundProvided: z.object({
    text: text('workaround'),
    /** The message sent to the customer with it, when one was sent. */
    message: optionalText('message to the customer').optional(),
  }),
  resolved: z.object({
    criterion: resolutionCriterionSchema,
    method: resolutionMethodSchema,
    summary: text('resolution summary'),
    /** The message sent to the customer with it, when one was sent. */
    message: optionalText('message to the customer').optional(),
  }),
  closed: z.object({ customerConfirmation: optionalText('customer confirmation') }),
  reopened: z.object({ reason: text('reason') }),
  feedbackReceived: z.object({ rating: z.number().int().min(1, 'rating is 1 to 5').max(5, 'rating is 1 to 5'), comment: optionalText('comment') }),
} as const;

export type CaseEventType = keyof typeof eventBodySchemas;
export const CASE_EVENT_TYPES = Object.keys(eventBodySchemas) as CaseEventType[];

const envelope = {
  /** Unique within the case: `${caseId}#${seq}`. */
  id: eventIdSchema,
  /** 1-based position in the case's timeline. */
  seq: z.number().int().positive(),
  /** When it happened (UTC). For `logged` this may be back-dated. */
  at: isoInstantSchema,
  /** When the console recorded it (UTC). */
  recordedAt: isoInstantSchema,
  /** The engineer's name, or "system" for automatic events. */
  actor: z.string().min(1).max(200),
};

function eventSchema<T extends CaseEventType>(type: T) {
  return z.object({ ...envelope, type: z.literal(type), data: eventBodySchemas[type] });
}

export const caseEventSchema = z.discriminatedUnion('type', [
  eventSchema('logged'),
  eventSchema('severityAdjusted'),
  eventSchema('ownerAssigned'),
  eventSchema('acknowledged'),
  eventSchema('customerUpdatePosted'),
  eventSchema('noteAdded'),
  eventSchema('informationRequested'),
  eventSchema('customerReplied'),
  eventSchema('escalated'),
  eventSchema('workaroundProvided'),
  eventSchema('resolved'),
  eventSchema('closed'),
  eventSchema('reopened'),
  eventSchema('feedbackReceived'),
]);

export type CaseEvent = z.infer<typeof caseEventSchema>;
export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;
export type EventData<T extends CaseEventType> = z.infer<(typeof eventBodySchemas)[T]>;

/** A stored case: its id and its timeline, oldest first. */
export const caseRecordSchema = z.object({
  id: caseIdSchema,
  events: z.array(caseEventSchema).min(1, 'a case has at least its logged event'),
});
export type CaseRecord = z.infer<typeof caseRecordSchema>;

export const SYSTEM_ACTOR = 'system';
