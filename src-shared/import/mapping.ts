import {
  DEFAULT_SEVERITY,
  caseRecordSchema,
  foldCase,
  type CaseEvent,
  type CaseEventType,
  type CaseRecord,
  type CaseState,
  type EventData,
  type ImportSource,
  type Severity,
} from '../domain';
import type { ImportProblem, SourceComment, SourceTicket } from './ticket';

/**
 * How a service desk's ticket becomes a case (docs/import.md has the tables): priority to
 * severity, organization to customer, a plan per customer by rule, status to the case's
 * status, comments to customer updates, replies and internal notes, each at its original time,
 * so the clocks judge the imported history by what really happened. Pure.
 */

/** Where a ticket stands in its desk, in the case's terms. */
export const IMPORT_STATUSES = ['open', 'waiting', 'resolved', 'closed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const SOURCE_LABEL: Readonly<Record<ImportSource, string>> = { zendesk: 'Zendesk', jsm: 'Jira Service Management' };

/** Priority names (lower case) to severities. Zendesk has four; Jira's default schemes, old and new, below. */
export const PRIORITY_TABLE: Readonly<Record<ImportSource, Readonly<Record<string, Severity>>>> = {
  zendesk: { urgent: 'P1', high: 'P2', normal: 'P3', low: 'P4' },
  jsm: { highest: 'P1', blocker: 'P1', critical: 'P1', high: 'P2', major: 'P2', medium: 'P3', minor: 'P3', low: 'P4', lowest: 'P4', trivial: 'P4' },
};

/** Status names (lower case) to where the case stands. Jira statuses not listed count as open (or resolved when the issue has a Resolved date). */
export const STATUS_TABLE: Readonly<Record<ImportSource, Readonly<Record<string, ImportStatus>>>> = {
  zendesk: { new: 'open', open: 'open', pending: 'waiting', hold: 'waiting', solved: 'resolved', closed: 'closed' },
  jsm: {
    open: 'open',
    'to do': 'open',
    'waiting for support': 'open',
    'in progress': 'open',
    'work in progress': 'open',
    escalated: 'open',
    reopened: 'open',
    'waiting for customer': 'waiting',
    pending: 'waiting',
    resolved: 'resolved',
    done: 'resolved',
    completed: 'resolved',
    closed: 'closed',
    canceled: 'closed',
    cancelled: 'closed',
    declined: 'closed',
  },
};

export interface PlanRule {
  /** The customer's name as the import maps it (organization or customer), compared without case. */
  readonly customer: string;
  /** A plan id of the policy. */
  readonly plan: string;
}

export interface MappingOptions {
  /** The plan of a customer no rule names: a plan id of the policy. */
  readonly defaultPlan: string;
  readonly planRules?: readonly PlanRule[];
  /** Extra or different priority names (any case) to severities, e.g. a custom Jira "Sev 1". */
  readonly priorities?: Readonly<Record<string, Severity>>;
  /** Extra or different status names (any case), e.g. a custom Jira "With vendor": waiting. */
  readonly statuses?: Readonly<Record<string, ImportStatus>>;
}

/** The policy's plans, as the mapping needs them. */
export type PlanNames = ReadonlyArray<{ readonly id: string; readonly name: string }>;

export type Mapped<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const lower = (text: string) => text.trim().toLowerCase();
function lowerKeys<T>(table: Readonly<Record<string, T>> | undefined): Record<string, T> {
  return Object.fromEntries(Object.entries(table ?? {}).map(([key, value]) => [lower(key), value]));
}

/** No priority means P3, as the framework says; a name neither the source's table nor the options know is refused. */
export function severityOf(ticket: Pick<SourceTicket, 'source' | 'priority'>, options: Pick<MappingOptions, 'priorities'>): Mapped<{ severity: Severity; defaulted: boolean }> {
  if (ticket.priority === null || ticket.priority.trim() === '') return { ok: true, value: { severity: DEFAULT_SEVERITY, defaulted: true } };
  const name = lower(ticket.priority);
  const severity = lowerKeys(options.priorities)[name] ?? PRIORITY_TABLE[ticket.source][name];
  if (!severity) {
    const known = [...Object.keys(PRIORITY_TABLE[ticket.source]), ...Object.keys(lowerKeys(options.priorities))].join(', ');
    return { ok: false, message: `priority "${ticket.priority}" has no severity in the mapping table (known: ${known}); add it to the table` };
  }
  return { ok: true, value: { severity, defaulted: false } };
}

export function statusOf(ticket: Pick<SourceTicket, 'source' | 'status' | 'resolvedAt'>, options: Pick<MappingOptions, 'statuses'>): Mapped<ImportStatus> {
  const name = lower(ticket.status);
  const status = lowerKeys(options.statuses)[name] ?? STATUS_TABLE[ticket.source][name];
  if (status) return { ok: true, value: status };
  if (ticket.source === 'jsm') return { ok: true, value: ticket.resolvedAt ? 'resolved' : 'open' };
  return { ok: false, message: `status "${ticket.status}" is not a Zendesk status (new, open, pending, hold, solved, closed)` };
}

/** The organization, else the requester: whoever the case is for. */
export function customerOf(ticket: Pick<SourceTicket, 'organization' | 'requester'>): string {
  return ticket.organization?.trim() || ticket.requester.trim() || 'Unknown customer';
}

/**
 * A rule naming the customer wins; then a tag of the ticket that is a plan's id or name
 * ("premium"); then the default.
 */
export function planOf(customer: string, tags: readonly string[], plans: PlanNames, options: Pick<MappingOptions, 'defaultPlan' | 'planRules'>): string {
  const rule = options.planRules?.find((candidate) => lower(candidate.customer) === lower(customer));
  if (rule) return rule.plan;
  const tagged = new Set(tags.map(lower));
  const byTag = plans.find((plan) => tagged.has(lower(plan.id)) || tagged.has(lower(plan.name)));
  return byTag?.id ?? options.defaultPlan;
}

/** The plan ids the options name that the policy lacks, as one sentence; undefined when all are known. */
export function unknownPlans(plans: PlanNames, options: Pick<MappingOptions, 'defaultPlan' | 'planRules'>): string | undefined {
  const known = new Set(plans.map((plan) => plan.id));
  const named = [options.defaultPlan, ...(options.planRules ?? []).map((rule) => rule.plan)];
  const missing = [...new Set(named.filter((plan) => !known.has(plan)))];
  if (missing.length === 0) return undefined;
  return `the plan${missing.length === 1 ? '' : 's'} ${missing.map((plan) => `"${plan}"`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the policy (plans: ${[...known].join(', ')})`;
}

/** What one row maps to, for the preview. */
export interface MappedRow {
  readonly where: string;
  readonly externalId: string;
  readonly title: string;
  readonly customer: string;
  readonly plan: string;
  readonly priority: string | null;
  readonly severity: Severity;
  readonly status: ImportStatus;
  readonly sourceStatus: string;
  readonly comments: number;
}

export interface CaseContext {
  /** The id a new case gets (ignored when the case exists). */
  readonly id: string;
  /** When the import runs: every event's recordedAt. */
  readonly now: string;
  readonly plans: PlanNames;
}

export interface PlannedTimeline {
  readonly row: MappedRow;
  /** The whole timeline after the import: the existing events, then the new ones. */
  readonly record: CaseRecord;
  /** How many events the import adds (0: nothing changed). */
  readonly added: number;
  /** Comments that could not be placed (older than the case's newest event), each said once. */
  readonly notPlaced: readonly ImportProblem[];
}

const MAX_TEXT = 20_000;
function clip(text: string, max = MAX_TEXT): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const note = ' […cut on import]';
  return `${trimmed.slice(0, max - note.length)}${note}`;
}
const orNone = (text: string) => clip(text) || '(no text in the export)';
const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

/** A comment already in the timeline: same time, same words. */
function keyOf(at: string, text: string): string {
  return `${Date.parse(at)}|${clip(text).slice(0, 200)}`;
}
function textOf(event: CaseEvent): string {
  const data = event.data as Partial<Record<'text' | 'response', string>>;
  return data.text ?? data.response ?? '';
}

function statusOfState(state: CaseState): ImportStatus {
  if (state.status === 'closed' || state.status === 'resolved') return state.status;
  return state.status === 'waitingOnCustomer' ? 'waiting' : 'open';
}

class Timeline {
  readonly events: CaseEvent[];
  state: CaseState;

  constructor(
    readonly id: string,
    readonly now: string,
    existing: readonly CaseEvent[],
  ) {
    this.events = [...existing];
    this.state = foldCase(this.events);
  }

  add<T extends CaseEventType>(type: T, at: string, actor: string, data: EventData<T>): void {
    const seq = this.events.length + 1;
    const event = { id: `${this.id}#${seq}`, seq, at, recordedAt: this.now, actor: actor.trim().slice(0, 200) || 'unknown', type, data } as CaseEvent;
    this.events.push(event);
    this.state = foldCase(this.events);
  }
}

/**
 * The ticket's timeline: a new case (logged, then its comments, status and rating), or, for a
 * case imported before, the existing timeline with only what is new appended (comments not yet
 * in it, a status that moved on, a rating). Importing the same ticket again adds nothing.
 */
export function planTimeline(ticket: SourceTicket, existing: CaseRecord | undefined, context: CaseContext, options: MappingOptions): Mapped<PlannedTimeline> {
  const severity = severityOf(ticket, options);
  if (!severity.ok) return severity;
  const status = statusOf(ticket, options);
  if (!status.ok) return status;
  const customer = clip(customerOf(ticket), 200);
  const plan = planOf(customer, ticket.tags, context.plans, options);
  const id = existing?.id ?? context.id;
  const system = SOURCE_LABEL[ticket.source];

  let start = existing?.events;
  if (!start) {
    const logged: CaseEvent = {
      id: `${id}#1`,
      seq: 1,
      at: ticket.createdAt,
      recordedAt: context.now,
      actor: clip(ticket.requester, 200) || system,
      type: 'logged' as const,
      data: {
        title: clip(ticket.title, 300) || `${system} ${ticket.externalId}`,
        customer,
        plan,
        severity: severity.value.severity,
        severityDefaulted: severity.value.defaulted,
        description: clip(ticket.description),
        reportedBy: clip(ticket.requester, 200),
        owner: clip(ticket.assignee ?? '', 200),
        origin: { source: ticket.source, externalId: ticket.externalId, ...(ticket.desk ? { desk: ticket.desk } : {}) },
      },
    };
    start = [logged];
  }
  const timeline = new Timeline(id, context.now, start);

  const seen = new Set(timeline.events.map((event) => keyOf(event.at, textOf(event))));
  const notPlaced: ImportProblem[] = [];
  const comments = [...ticket.comments].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  comments.forEach((comment, index) => {
    // Zendesk's first comment is the description itself.
    if (index === 0 && comment.text.trim() === ticket.description.trim()) return;
    const key = keyOf(comment.at, comment.text);
    if (seen.has(key)) return;
    if (Date.parse(comment.at) < Date.parse(timeline.state.lastEventAt)) {
      notPlaced.push({ where: ticket.where, message: `the comment of ${comment.author} at ${comment.at} is older than the case's newest event; it was left out` });
      return;
    }
    seen.add(key);
    addComment(timeline, comment, ticket.channel);
  });

  moveStatus(timeline, status.value, ticket, system);

  if (ticket.satisfaction) {
    const rating = ticket.satisfaction.score === 'good' ? 5 : 1;
    const comment = clip(ticket.satisfaction.comment);
    if (!timeline.state.feedback.some((given) => given.rating === rating && given.comment === comment)) {
      timeline.add('feedbackReceived', later(ticket.updatedAt, timeline.state.lastEventAt), clip(ticket.requester, 200) || system, { rating, comment });
    }
  }

  const record = { id, events: timeline.events };
  const checked = caseRecordSchema.safeParse(record);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return { ok: false, message: `it does not make a valid case: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown problem'}` };
  }
  const state = timeline.state;
  return {
    ok: true,
    value: {
      row: {
        where: ticket.where,
        externalId: ticket.externalId,
        title: state.title,
        customer: state.customer,
        plan: state.plan,
        priority: ticket.priority,
        severity: state.severity,
        status: status.value,
        sourceStatus: ticket.status,
        comments: ticket.comments.length,
      },
      record,
      added: timeline.events.length - (existing?.events.length ?? 0),
      notPlaced,
    },
  };
}

function addComment(timeline: Timeline, comment: SourceComment, channel: SourceTicket['channel']): void {
  if (!comment.public) return timeline.add('noteAdded', comment.at, comment.author, { text: orNone(comment.text) });
  if (comment.fromRequester) return timeline.add('customerReplied', comment.at, comment.author, { text: clip(comment.text) });
  if (timeline.state.acknowledgedAt === null) {
    // The first public answer of an agent is the initial response.
    return timeline.add('acknowledged', comment.at, comment.author, {
      checklist: { severityValidated: false, investigationStarted: false, informationRequested: false, nextStepsOutlined: false },
      response: orNone(comment.text),
    });
  }
  timeline.add('customerUpdatePosted', comment.at, comment.author, { channel: comment.channel ?? channel, text: orNone(comment.text) });
}

/** Moves the case to where the desk says the ticket stands, at the ticket's own times. */
function moveStatus(timeline: Timeline, target: ImportStatus, ticket: SourceTicket, system: string): void {
  const current = statusOfState(timeline.state);
  if (current === target) return;
  const at = (time: string | null) => later(time ?? ticket.updatedAt, timeline.state.lastEventAt);
  const where = `${system} (status ${ticket.status})`;
  const reopen = () => timeline.add('reopened', at(ticket.updatedAt), system, { reason: `Reopened in ${where}` });
  const resolve = () =>
    timeline.add('resolved', at(ticket.resolvedAt), system, { criterion: 'serviceRestored', method: 'configurationChange', summary: `Resolved in ${where}` });
  switch (target) {
    case 'open':
      if (current === 'waiting') timeline.add('customerReplied', at(ticket.updatedAt), system, { text: '' });
      else reopen();
      return;
    case 'waiting':
      if (current === 'resolved' || current === 'closed') reopen();
      timeline.add('informationRequested', at(ticket.updatedAt), system, { text: `Waiting on the customer in ${where}` });
      return;
    case 'resolved':
      // A case closed here stays closed: the desk's "solved" is behind it.
      if (current !== 'closed') resolve();
      return;
    case 'closed':
      if (current !== 'resolved') resolve();
      timeline.add('closed', at(ticket.updatedAt), system, { customerConfirmation: '' });
  }
}
