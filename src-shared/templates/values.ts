import type { CaseState } from '../domain/case-state';
import type { CaseEvent } from '../domain/events';
import { SEVERITY_INFO } from '../domain/severity';
import { caseTimeZone } from '../review/calendar-zone';
import { clocksOf, type Policy } from '../sla';
import { STATUS_LABEL } from '../words/labels';
import { formatDateTime } from '../words/time';
import type { Placeholder, TemplateKind } from './templates';

/** The event each message kind records, as far as the clocks care: sending it may restart the update clock. */
function whatSendingDoes(kind: TemplateKind, state: CaseState, at: string): CaseEvent | null {
  const envelope = { id: `${state.id}#${state.lastSeq + 1}`, seq: state.lastSeq + 1, at, recordedAt: at, actor: 'template' };
  if (kind === 'initialResponse') {
    const checklist = { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true };
    return { ...envelope, type: 'acknowledged', data: { checklist, response: '-' } };
  }
  if (kind === 'progressUpdate') return { ...envelope, type: 'customerUpdatePosted', data: { channel: 'portal', text: '-' } };
  return null;
}

/**
 * When the customer is owed the next update once this message is sent now: an initial response
 * or a progress update starts the next update period; a workaround leaves the running one.
 * Null when none is owed (waiting on the customer, resolved) or the plan is unknown.
 */
export function nextUpdateAfter(kind: TemplateKind, state: CaseState, events: readonly CaseEvent[], policy: Policy, nowIso: string): string | null {
  if (kind === 'informationRequest' || kind === 'resolution') return null;
  const sent = whatSendingDoes(kind, state, nowIso);
  try {
    const clocks = clocksOf(sent ? [...events, sent] : events, policy, nowIso);
    const open = clocks.find((clock) => clock.kind === 'customerUpdate' && clock.endedAt === null);
    return open?.dueAt ?? null;
  } catch {
    return null;
  }
}

export interface TemplateContext {
  readonly kind: TemplateKind;
  readonly state: CaseState;
  readonly events: readonly CaseEvent[];
  readonly policy: Policy;
  readonly now: string;
  readonly engineer: string;
  /** Typed in the dialog, so the message follows them: the next steps, the workaround. */
  readonly nextSteps?: string;
  readonly workaround?: string;
}

function latest<T extends CaseEvent['type']>(events: readonly CaseEvent[], type: T): Extract<CaseEvent, { type: T }> | undefined {
  return [...events].sort((a, b) => b.seq - a.seq).find((event): event is Extract<CaseEvent, { type: T }> => event.type === type);
}

/** Every placeholder's value for this case and message, times in the customer's calendar zone, named. */
export function templateValues(context: TemplateContext): Record<Placeholder, string> {
  const { state, events, policy } = context;
  let zone: string | undefined;
  try {
    zone = caseTimeZone(policy, state.plan);
  } catch {
    zone = undefined;
  }
  const next = nextUpdateAfter(context.kind, state, events, policy, context.now);
  return {
    case: state.id,
    title: state.title,
    customer: state.customer,
    severity: SEVERITY_INFO[state.severity].label,
    status: STATUS_LABEL[state.status],
    'next steps': context.nextSteps ?? latest(events, 'acknowledged')?.data.nextSteps ?? '',
    workaround: context.workaround ?? latest(events, 'workaroundProvided')?.data.text ?? '',
    'next update': next ? formatDateTime(next, { ...(zone ? { zone } : {}), showZone: true }) : '',
    engineer: context.engineer,
  };
}
