import { type CaseState, type CaseStatus, escalationRank } from './case-state';
import { type CaseAction, type CaseCommand, type CaseCommandOf, CASE_ACTIONS, type LogCaseCommand, caseCommandSchema, logCaseCommandSchema } from './commands';
import { type CaseEvent, type CaseEventType, type EscalationLevel, type EventData, SYSTEM_ACTOR, isoInstantSchema } from './events';
import { DEFAULT_SEVERITY, SEVERITY_INFO, type Severity } from './severity';
import { LEVEL_LABEL, STATUS_LABEL, inSentence } from '../words/labels';

/** Which actions each status allows; the rule behind every disabled button. */
export type RefusalIssue = { path: string; message: string };
/** `issues` name the command's fields at fault ("nextSteps"), so a form can mark them. */
export type Refusal = { ok: false; code: string; reason: string; issues?: RefusalIssue[] };
export type Allowed = { ok: true };

/** The escalation the policy makes by itself when a case has this plan and severity (Premium P1). */
export type AutoEscalation = (plan: string, severity: Severity) => EscalationLevel | null;

/** `planName` gives a plan's name for the words written on events (the id when left out). */
export type DecideContext = { now: string; actor: string; autoEscalation?: AutoEscalation; planName?: (planId: string) => string };

function automaticJustification(severity: Severity, plan: string, ctx: DecideContext): string {
  return `${SEVERITY_INFO[severity].label} under the ${ctx.planName?.(plan) ?? plan} plan is escalated automatically`;
}
export type Decision = { ok: true; events: CaseEvent[] } | Refusal;

const refuse = (code: string, reason: string, issues?: RefusalIssue[]): Refusal => (issues ? { ok: false, code, reason, issues } : { ok: false, code, reason });
const statusWord = (status: CaseStatus) => inSentence(STATUS_LABEL[status]);
const OK: Allowed = { ok: true };

const OPEN: readonly CaseStatus[] = ['investigating', 'waitingOnCustomer'];

const STATUS_RULES: Record<CaseAction, { allowed: readonly CaseStatus[]; why: (status: CaseStatus) => string }> = {
  acknowledge: { allowed: ['new'], why: () => 'the case is already acknowledged' },
  postUpdate: {
    allowed: ['investigating', 'waitingOnCustomer', 'resolved'],
    why: (s) => (s === 'new' ? 'acknowledge the case before posting updates' : 'the case is closed; reopen it to update the customer'),
  },
  addNote: { allowed: ['new', 'investigating', 'waitingOnCustomer', 'resolved', 'closed'], why: () => '' },
  requestInformation: {
    allowed: ['investigating'],
    why: (s) => (s === 'new' ? 'acknowledge the case before requesting information' : s === 'waitingOnCustomer' ? 'information is already requested; wait for the customer' : `the case is ${statusWord(s)}; reopen it first`),
  },
  // A customer may write at any time before closure; a reply to a request ends the wait.
  customerReplied: { allowed: ['new', 'investigating', 'waitingOnCustomer', 'resolved'], why: () => 'the case is closed; reopen it to record what the customer wrote' },
  adjustSeverity: { allowed: ['new', 'investigating', 'waitingOnCustomer'], why: (s) => `the case is ${statusWord(s)}; reopen it to change its severity` },
  escalate: { allowed: ['new', 'investigating', 'waitingOnCustomer'], why: (s) => `the case is ${statusWord(s)}; reopen it to escalate` },
  provideWorkaround: { allowed: OPEN, why: (s) => (s === 'new' ? 'acknowledge the case first' : `the case is ${statusWord(s)}`) },
  resolve: { allowed: OPEN, why: (s) => (s === 'new' ? 'acknowledge the case before resolving it' : `the case is already ${statusWord(s)}`) },
  close: { allowed: ['resolved'], why: (s) => (s === 'closed' ? 'the case is already closed' : 'resolve the case before closing it') },
  reopen: { allowed: ['resolved', 'closed'], why: () => 'only a resolved or closed case can be reopened' },
  // "Feedback during and after case resolution is welcomed" (framework section 7).
  recordFeedback: { allowed: ['new', 'investigating', 'waitingOnCustomer', 'resolved', 'closed'], why: () => '' },
  assignOwner: { allowed: ['new', 'investigating', 'waitingOnCustomer', 'resolved'], why: () => 'the case is closed' },
};

function statusAllows(state: CaseState, action: CaseAction): Allowed | Refusal {
  const rule = STATUS_RULES[action];
  return rule.allowed.includes(state.status) ? OK : refuse('notAllowedInStatus', rule.why(state.status));
}

/**
 * The initial response as the framework means it (section 2): severity and impact validated,
 * investigation begun and next steps outlined, in words; information requested when ticked.
 */
export function initialResponseIssues(command: CaseCommandOf<'acknowledge'>): RefusalIssue[] {
  const issues: RefusalIssue[] = [];
  const c = command.checklist;
  if (!c.severityValidated) issues.push({ path: 'checklist.severityValidated', message: 'validate severity and impact before acknowledging' });
  if (!c.investigationStarted) issues.push({ path: 'checklist.investigationStarted', message: 'begin the investigation before acknowledging' });
  if (!c.nextStepsOutlined) issues.push({ path: 'checklist.nextStepsOutlined', message: 'outline the next steps before acknowledging' });
  if (!command.nextSteps.trim()) issues.push({ path: 'nextSteps', message: 'write the next steps outlined to the customer' });
  if (c.informationRequested && !command.informationRequest?.trim()) issues.push({ path: 'informationRequest', message: 'say what information is requested' });
  return issues;
}

/** Whether a command may be applied to the case now, with a readable reason when not. */
export function canApply(state: CaseState, command: CaseCommand): Allowed | Refusal {
  const byStatus = statusAllows(state, command.type);
  if (!byStatus.ok) return byStatus;
  switch (command.type) {
    case 'acknowledge': {
      const issues = initialResponseIssues(command);
      return issues.length === 0 ? OK : refuse('initialResponseIncomplete', issues.map((issue) => issue.message).join('; '), issues);
    }
    case 'customerReplied':
      if (!state.waitingOnCustomer && !command.text.trim()) return refuse('replyTextRequired', 'write what the customer said: no information was requested', [{ path: 'text', message: 'write what the customer said' }]);
      return OK;
    case 'adjustSeverity':
      if (command.to === state.severity) return refuse('severityUnchanged', `the case is already ${command.to}`);
      if (!command.reason.trim()) return refuse('reasonRequired', 'a reason is required to adjust severity');
      return OK;
    case 'escalate':
      if (command.trigger === 'customerRequest' && !command.justification.trim()) {
        return refuse('justificationRequired', 'an escalation on customer request needs a justification');
      }
      if (escalationRank(command.level) <= escalationRank(state.cycleEscalationLevel)) {
        return refuse('alreadyEscalated', `this cycle already reached ${inSentence(LEVEL_LABEL[state.cycleEscalationLevel ?? command.level])}`);
      }
      return OK;
    case 'resolve':
      if (command.criterion === 'verifiedWorkaround' && !state.workaroundProvided) {
        return refuse('noWorkaround', 'provide the workaround before resolving by a verified workaround');
      }
      return OK;
    case 'assignOwner':
      if (command.owner.trim() === state.owner) return refuse('ownerUnchanged', `${command.owner} already owns the case`);
      return OK;
    default:
      return OK;
  }
}

/** For each action, whether the UI should offer it in the case's status, and why not. */
export function availableActions(state: CaseState): Record<CaseAction, { allowed: boolean; reason?: string }> {
  const out = {} as Record<CaseAction, { allowed: boolean; reason?: string }>;
  for (const action of CASE_ACTIONS) {
    const check = statusAllows(state, action);
    out[action] = check.ok ? { allowed: true } : { allowed: false, reason: check.reason };
  }
  return out;
}

type Draft = { [T in CaseEventType]: { type: T; data: EventData<T>; actor?: string } }[CaseEventType];

function stamp(caseId: string, firstSeq: number, at: string, recordedAt: string, actor: string, drafts: Draft[]): CaseEvent[] {
  return drafts.map((d, i) => ({ id: `${caseId}#${firstSeq + i}`, seq: firstSeq + i, at, recordedAt, actor: d.actor ?? actor, type: d.type, data: d.data }) as CaseEvent);
}

function checkContext(ctx: { now: string; actor: string }): Refusal | null {
  if (!isoInstantSchema.safeParse(ctx.now).success) return refuse('invalidTime', `now "${ctx.now}" is not a UTC ISO 8601 instant`);
  if (!ctx.actor.trim()) return refuse('actorRequired', 'the engineer acting is required');
  return null;
}

function autoEscalate(state: CaseState, severity: Severity, ctx: DecideContext): Draft[] {
  const level = ctx.autoEscalation?.(state.plan, severity) ?? null;
  if (!level || escalationRank(level) <= escalationRank(state.cycleEscalationLevel)) return [];
  return [{ type: 'escalated', actor: SYSTEM_ACTOR, data: { trigger: 'automatic', level, justification: automaticJustification(severity, state.plan, ctx) } }];
}

function draftsFor(state: CaseState, c: CaseCommand, ctx: DecideContext): Draft[] {
  switch (c.type) {
    case 'acknowledge': {
      const acknowledged: Draft = { type: 'acknowledged', data: { checklist: c.checklist, response: c.response, nextSteps: c.nextSteps } };
      // Ticking "Request additional information" requests it in the same step: the clocks pause at once.
      return c.checklist.informationRequested ? [acknowledged, { type: 'informationRequested', data: { text: c.informationRequest ?? '' } }] : [acknowledged];
    }
    case 'postUpdate':
      return [{ type: 'customerUpdatePosted', data: { channel: c.channel, text: c.text } }];
    case 'addNote':
      return [{ type: 'noteAdded', data: { text: c.text } }];
    case 'requestInformation':
      return [{ type: 'informationRequested', data: { text: c.text } }];
    case 'customerReplied':
      return [{ type: 'customerReplied', data: { text: c.text } }];
    case 'adjustSeverity':
      return [
        { type: 'severityAdjusted', data: { from: state.severity, to: c.to, reason: c.reason, businessImpact: c.businessImpact } },
        ...autoEscalate(state, c.to, ctx),
      ];
    case 'escalate':
      return [{ type: 'escalated', data: { trigger: c.trigger, level: c.level, justification: c.justification } }];
    case 'provideWorkaround':
      return [{ type: 'workaroundProvided', data: c.message ? { text: c.text, message: c.message } : { text: c.text } }];
    case 'resolve':
      return [{ type: 'resolved', data: { criterion: c.criterion, method: c.method, summary: c.summary, ...(c.message ? { message: c.message } : {}) } }];
    case 'close':
      return [{ type: 'closed', data: { customerConfirmation: c.customerConfirmation } }];
    case 'reopen':
      return [{ type: 'reopened', data: { reason: c.reason } }];
    case 'recordFeedback':
      return [{ type: 'feedbackReceived', data: { rating: c.rating, comment: c.comment } }];
    case 'assignOwner':
      return [{ type: 'ownerAssigned', data: { owner: c.owner } }];
  }
}

/** Bad input: the messages say what is wrong in words; the issues name the fields. */
function invalid(zodIssues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Refusal {
  const issues = zodIssues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  return refuse('invalidCommand', issues.map((issue) => issue.message).join('; ') || 'the command is invalid', issues);
}

/** The events a command appends to the case, or why it is refused. Input is validated here too. */
export function decide(state: CaseState, input: unknown, ctx: DecideContext): Decision {
  const badContext = checkContext(ctx);
  if (badContext) return badContext;
  const parsed = caseCommandSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const allowed = canApply(state, parsed.data);
  if (!allowed.ok) return allowed;
  return { ok: true, events: stamp(state.id, state.lastSeq + 1, ctx.now, ctx.now, ctx.actor, draftsFor(state, parsed.data, ctx)) };
}

/** The events that log a new case: the logged event, plus any automatic escalation (Premium P1). */
export function decideLog(caseId: string, input: unknown, ctx: DecideContext): Decision {
  const badContext = checkContext(ctx);
  if (badContext) return badContext;
  const parsed = logCaseCommandSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const c: LogCaseCommand = parsed.data;
  const at = c.at ?? ctx.now;
  if (Date.parse(at) > Date.parse(ctx.now)) return refuse('loggedInFuture', 'a case cannot be logged in the future');
  const severity = c.severity ?? DEFAULT_SEVERITY;
  const logged: Draft = {
    type: 'logged',
    data: { title: c.title, customer: c.customer, plan: c.plan, severity, severityDefaulted: c.severity === undefined, description: c.description, reportedBy: c.reportedBy, owner: c.owner },
  };
  const level = ctx.autoEscalation?.(c.plan, severity) ?? null;
  const drafts: Draft[] = [logged];
  if (level) drafts.push({ type: 'escalated', actor: SYSTEM_ACTOR, data: { trigger: 'automatic', level, justification: `${automaticJustification(severity, c.plan, ctx)} when logged` } });
  // the events carry the (possibly back-dated) time the request came in
  return { ok: true, events: stamp(caseId, 1, at, ctx.now, ctx.actor, drafts) };
}
