import type { CaseEvent, CaseOrigin, CaseRecord, EscalationLevel, EscalationTrigger, ResolutionCriterion, ResolutionMethod } from './events';
import { ESCALATION_LEVELS } from './events';
import type { Severity } from './severity';

/** Where a case stands. A reopened case goes back to investigating, in a new cycle. */
export const CASE_STATUSES = ['new', 'investigating', 'waitingOnCustomer', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export type SeverityChange = {
  at: string;
  severity: Severity;
  /** Null for the severity the case was logged with. */
  from: Severity | null;
  reason: string | null;
  businessImpact: string | null;
  actor: string;
};

export type EscalationRecord = { at: string; cycle: number; trigger: EscalationTrigger; level: EscalationLevel; justification: string; actor: string };

export type CycleRecord = { cycle: number; startedAt: string; resolvedAt: string | null; closedAt: string | null };

export type CaseState = {
  id: string;
  title: string;
  customer: string;
  plan: string;
  description: string;
  /** The service desk an imported case came from; null for a case logged here. */
  origin: CaseOrigin | null;
  loggedAt: string;
  severity: Severity;
  severityDefaulted: boolean;
  /** Every severity the case has had, oldest first, starting with the logged one. */
  severityHistory: SeverityChange[];
  status: CaseStatus;
  owner: string | null;
  /** Highest escalation level ever reached, and the one reached in the current cycle. */
  escalationLevel: EscalationLevel | null;
  cycleEscalationLevel: EscalationLevel | null;
  escalations: EscalationRecord[];
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  resolutionCriterion: ResolutionCriterion | null;
  resolutionMethod: ResolutionMethod | null;
  resolutionSummary: string | null;
  closedAt: string | null;
  cycle: number;
  cycles: CycleRecord[];
  reopenCount: number;
  waitingOnCustomer: boolean;
  informationRequestedAt: string | null;
  workaroundProvided: boolean;
  workaroundProvidedAt: string | null;
  feedback: Array<{ at: string; rating: number; comment: string }>;
  lastCustomerUpdateAt: string | null;
  lastEventAt: string;
  /** Seq of the last event, so the next event is lastSeq + 1. */
  lastSeq: number;
};

export class CaseFoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaseFoldError';
  }
}

/** Higher rank = higher escalation. */
export function escalationRank(level: EscalationLevel | null): number {
  return level === null ? -1 : ESCALATION_LEVELS.indexOf(level);
}

function higher(a: EscalationLevel | null, b: EscalationLevel): EscalationLevel {
  return escalationRank(b) > escalationRank(a) ? b : (a ?? b);
}

function initialState(event: Extract<CaseEvent, { type: 'logged' }>, id: string): CaseState {
  const d = event.data;
  return {
    id,
    title: d.title,
    customer: d.customer,
    plan: d.plan,
    description: d.description,
    origin: d.origin ?? null,
    loggedAt: event.at,
    severity: d.severity,
    severityDefaulted: d.severityDefaulted,
    severityHistory: [{ at: event.at, severity: d.severity, from: null, reason: null, businessImpact: null, actor: event.actor }],
    status: 'new',
    owner: d.owner ? d.owner : null,
    escalationLevel: null,
    cycleEscalationLevel: null,
    escalations: [],
    acknowledgedAt: null,
    resolvedAt: null,
    resolutionCriterion: null,
    resolutionMethod: null,
    resolutionSummary: null,
    closedAt: null,
    cycle: 1,
    cycles: [{ cycle: 1, startedAt: event.at, resolvedAt: null, closedAt: null }],
    reopenCount: 0,
    waitingOnCustomer: false,
    informationRequestedAt: null,
    workaroundProvided: false,
    workaroundProvidedAt: null,
    feedback: [],
    lastCustomerUpdateAt: null,
    lastEventAt: event.at,
    lastSeq: event.seq,
  };
}

/** Applies one event to the state; returns a new state and never mutates the old one. */
export function applyEvent(state: CaseState, event: CaseEvent): CaseState {
  const s: CaseState = { ...state, lastEventAt: event.at, lastSeq: event.seq };
  const currentCycle = () => s.cycles[s.cycles.length - 1]!;
  switch (event.type) {
    case 'logged':
      throw new CaseFoldError(`event ${event.seq} logs the case again; a case is logged once`);
    case 'severityAdjusted':
      s.severity = event.data.to;
      s.severityHistory = [
        ...s.severityHistory,
        { at: event.at, severity: event.data.to, from: event.data.from, reason: event.data.reason, businessImpact: event.data.businessImpact || null, actor: event.actor },
      ];
      break;
    case 'ownerAssigned':
      s.owner = event.data.owner;
      break;
    case 'acknowledged':
      s.acknowledgedAt = event.at;
      if (s.status === 'new') s.status = 'investigating';
      break;
    case 'customerUpdatePosted':
      s.lastCustomerUpdateAt = event.at;
      break;
    case 'noteAdded':
      break;
    case 'informationRequested':
      s.waitingOnCustomer = true;
      s.informationRequestedAt = event.at;
      s.status = 'waitingOnCustomer';
      break;
    case 'customerReplied':
      s.waitingOnCustomer = false;
      s.informationRequestedAt = null;
      if (s.status === 'waitingOnCustomer') s.status = 'investigating';
      break;
    case 'escalated': {
      const record = { at: event.at, cycle: s.cycle, actor: event.actor, ...event.data };
      s.escalations = [...s.escalations, record];
      s.escalationLevel = higher(s.escalationLevel, event.data.level);
      s.cycleEscalationLevel = higher(s.cycleEscalationLevel, event.data.level);
      break;
    }
    case 'workaroundProvided':
      s.workaroundProvided = true;
      s.workaroundProvidedAt = event.at;
      break;
    case 'resolved':
      s.status = 'resolved';
      s.resolvedAt = event.at;
      s.resolutionCriterion = event.data.criterion;
      s.resolutionMethod = event.data.method;
      s.resolutionSummary = event.data.summary;
      s.waitingOnCustomer = false;
      s.informationRequestedAt = null;
      s.cycles = [...s.cycles.slice(0, -1), { ...currentCycle(), resolvedAt: event.at }];
      break;
    case 'closed':
      s.status = 'closed';
      s.closedAt = event.at;
      s.cycles = [...s.cycles.slice(0, -1), { ...currentCycle(), closedAt: event.at }];
      break;
    case 'reopened':
      s.status = 'investigating';
      s.cycle += 1;
      s.reopenCount += 1;
      s.cycles = [...s.cycles, { cycle: s.cycle, startedAt: event.at, resolvedAt: null, closedAt: null }];
      s.cycleEscalationLevel = null;
      s.resolvedAt = null;
      s.resolutionCriterion = null;
      s.resolutionMethod = null;
      s.resolutionSummary = null;
      s.closedAt = null;
      s.waitingOnCustomer = false;
      s.informationRequestedAt = null;
      s.workaroundProvided = false;
      s.workaroundProvidedAt = null;
      break;
    case 'feedbackReceived':
      s.feedback = [...s.feedback, { at: event.at, rating: event.data.rating, comment: event.data.comment }];
      break;
  }
  return s;
}

/** The case's current state: a pure fold over its timeline (events in seq order). */
export function foldCase(input: CaseRecord | readonly CaseEvent[]): CaseState {
  const events = Array.isArray(input) ? (input as readonly CaseEvent[]) : (input as CaseRecord).events;
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const first = ordered[0];
  if (!first) throw new CaseFoldError('a case has at least its logged event; the timeline is empty');
  if (first.type !== 'logged') throw new CaseFoldError(`the first event must be "logged", got "${first.type}"`);
  const id = Array.isArray(input) ? first.id.split('#')[0] ?? first.id : (input as CaseRecord).id;
  let state = initialState(first, id);
  for (let i = 1; i < ordered.length; i++) state = applyEvent(state, ordered[i]!);
  return state;
}
