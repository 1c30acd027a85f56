import { z } from 'zod';
import { eventBodySchemas, escalationLevelSchema, isoInstantSchema } from './events';
import { severitySchema } from './severity';

/**
 * What an engineer asks to do to a case. These schemas are the command inputs of the IPC
 * contract; `decide` turns an accepted command into the events to append.
 */

const optionalText = (what: string, max = 20_000) => z.string().trim().max(max, `${what} is longer than ${max} characters`).default('');
/** Text a command may leave out altogether (older callers do not know the field). */
const omittableText = (what: string, max = 20_000) => z.string().trim().max(max, `${what} is longer than ${max} characters`).optional();

export const commandSchemas = {
  acknowledge: z.object({
    type: z.literal('acknowledge'),
    checklist: eventBodySchemas.acknowledged.shape.checklist,
    response: eventBodySchemas.acknowledged.shape.response,
    nextSteps: optionalText('next steps'),
    /** With "Request additional information" ticked: what is requested, in the same step. */
    informationRequest: omittableText('what is requested'),
  }),
  postUpdate: z.object({ type: z.literal('postUpdate'), ...eventBodySchemas.customerUpdatePosted.shape }),
  addNote: z.object({ type: z.literal('addNote'), ...eventBodySchemas.noteAdded.shape }),
  requestInformation: z.object({ type: z.literal('requestInformation'), ...eventBodySchemas.informationRequested.shape }),
  customerReplied: z.object({ type: z.literal('customerReplied'), text: optionalText('reply') }),
  adjustSeverity: z.object({
    type: z.literal('adjustSeverity'),
    to: severitySchema,
    reason: eventBodySchemas.severityAdjusted.shape.reason,
    businessImpact: optionalText('business impact'),
  }),
  escalate: z.object({
    type: z.literal('escalate'),
    // "automatic" is reserved for escalations the policy makes by itself.
    trigger: z.enum(['businessImpact', 'lackOfProgress', 'customerRequest'], { error: 'choose business impact, lack of progress or customer request' }),
    level: escalationLevelSchema,
    justification: optionalText('justification'),
  }),
  provideWorkaround: z.object({ type: z.literal('provideWorkaround'), text: eventBodySchemas.workaroundProvided.shape.text, message: omittableText('message to the customer') }),
  resolve: z.object({
    type: z.literal('resolve'),
    criterion: eventBodySchemas.resolved.shape.criterion,
    method: eventBodySchemas.resolved.shape.method,
    summary: eventBodySchemas.resolved.shape.summary,
    message: omittableText('message to the customer'),
  }),
  close: z.object({ type: z.literal('close'), customerConfirmation: optionalText('customer confirmation') }),
  reopen: z.object({ type: z.literal('reopen'), ...eventBodySchemas.reopened.shape }),
  recordFeedback: z.object({ type: z.literal('recordFeedback'), rating: eventBodySchemas.feedbackReceived.shape.rating, comment: optionalText('comment') }),
  assignOwner: z.object({ type: z.literal('assignOwner'), ...eventBodySchemas.ownerAssigned.shape }),
} as const;

export type CaseAction = keyof typeof commandSchemas;
export const CASE_ACTIONS = Object.keys(commandSchemas) as CaseAction[];

export const caseCommandSchema = z.discriminatedUnion('type', [
  commandSchemas.acknowledge,
  commandSchemas.postUpdate,
  commandSchemas.addNote,
  commandSchemas.requestInformation,
  commandSchemas.customerReplied,
  commandSchemas.adjustSeverity,
  commandSchemas.escalate,
  commandSchemas.provideWorkaround,
  commandSchemas.resolve,
  commandSchemas.close,
  commandSchemas.reopen,
  commandSchemas.recordFeedback,
  commandSchemas.assignOwner,
]);
export type CaseCommand = z.infer<typeof caseCommandSchema>;
export type CaseCommandOf<A extends CaseAction> = Extract<CaseCommand, { type: A }>;

/** Logging a new case. Without a severity the case is P3; `at` may back-date the logging. */
export const logCaseCommandSchema = z.object({
  title: eventBodySchemas.logged.shape.title,
  customer: eventBodySchemas.logged.shape.customer,
  plan: eventBodySchemas.logged.shape.plan,
  severity: severitySchema.optional(),
  description: optionalText('description'),
  reportedBy: optionalText('reported by', 200),
  owner: optionalText('owner', 200),
  at: isoInstantSchema.optional(),
});
export type LogCaseCommand = z.infer<typeof logCaseCommandSchema>;

