import type { DeskNotification } from '../../../src-shared/contract';
import { SEVERITY_INFO, severityRank, type CaseState, type EscalationLevel } from '../../../src-shared/domain';
import { LEVEL_LABEL, count, formatMinutes, inSentence } from '../../../src-shared/words';

/** "5 minutes", "2 hours 5 minutes", "less than a minute": the console's one way to write a span. */
export { formatMinutes };

/** What is due, in a sentence: the body of a notification. */
export type Subject =
  | { readonly kind: 'initialResponseDueSoon' | 'updateDueSoon' | 'initialResponseOverdue' | 'updateOverdue'; readonly dueAt: number }
  | { readonly kind: 'escalated'; readonly level: EscalationLevel; readonly reason: 'automatic' | 'lackOfProgress' }
  | { readonly kind: 'actionItemDue'; readonly title: string; readonly dueAt: number };

function bodyOf(subject: Subject, now: number, planName: string): string {
  const minutesTo = (at: number) => (at - now) / 60_000;
  switch (subject.kind) {
    case 'initialResponseDueSoon':
      return `Initial response due in ${formatMinutes(minutesTo(subject.dueAt))}.`;
    case 'updateDueSoon':
      return `Customer update due in ${formatMinutes(minutesTo(subject.dueAt))}.`;
    case 'initialResponseOverdue':
      return -minutesTo(subject.dueAt) < 1 ? 'Initial response is due now.' : `Initial response overdue by ${formatMinutes(-minutesTo(subject.dueAt))}.`;
    case 'updateOverdue':
      return -minutesTo(subject.dueAt) < 1 ? 'Customer update is due now.' : `Customer update overdue by ${formatMinutes(-minutesTo(subject.dueAt))}.`;
    case 'escalated':
      return subject.reason === 'automatic'
        ? `Escalated to ${inSentence(LEVEL_LABEL[subject.level])} automatically under the ${planName} plan.`
        : `Escalated to ${inSentence(LEVEL_LABEL[subject.level])} for lack of progress.`;
    case 'actionItemDue':
      return subject.dueAt <= now ? `Review action item due: ${subject.title}.` : `Review action item due in ${formatMinutes(minutesTo(subject.dueAt))}: ${subject.title}.`;
  }
}

/** A notification that names the case (id and title), its severity and what is due. P1 is critical. */
export function caseNotification(state: CaseState, subject: Subject, now: number, id: string, planName = state.plan): DeskNotification {
  return {
    id,
    caseId: state.id,
    severity: state.severity,
    kind: subject.kind,
    title: `${SEVERITY_INFO[state.severity].label} · ${state.id} ${state.title}`,
    body: bodyOf(subject, now, planName),
    at: new Date(now).toISOString(),
    urgency: state.severity === 'P1' ? 'critical' : 'normal',
  };
}

const SUMMARY_LINES = 5;

/**
 * Many notifications at once (after sleep, or what fell due while the console was closed)
 * become one. It takes the most severe case (earliest first among equals), so a click opens it.
 */
export function summaryNotification(notes: readonly DeskNotification[], now: number, id: string): DeskNotification {
  const worst = notes.reduce((best, n) => (severityRank(n.severity) < severityRank(best.severity) ? n : best));
  const lines = notes.slice(0, SUMMARY_LINES).map((n) => `${n.caseId} ${n.severity}: ${n.body}`);
  if (notes.length > SUMMARY_LINES) lines.push(`and ${notes.length - SUMMARY_LINES} more.`);
  return {
    id,
    caseId: worst.caseId,
    severity: worst.severity,
    kind: 'summary',
    title: `${count(notes.length, 'thing')} need${notes.length === 1 ? 's' : ''} attention (worst: ${SEVERITY_INFO[worst.severity].label})`,
    body: lines.join('\n'),
    at: new Date(now).toISOString(),
    urgency: notes.some((n) => n.urgency === 'critical') ? 'critical' : 'normal',
  };
}
