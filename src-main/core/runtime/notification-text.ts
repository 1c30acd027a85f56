import type { DeskNotification } from '../../../src-shared/contract';
import { SEVERITY_INFO, severityRank, type CaseState, type EscalationLevel } from '../../../src-shared/domain';

const LEVEL_NAMES: Record<EscalationLevel, string> = { seniorEngineering: 'senior engineering', management: 'management' };

/** "5 min", "2 h 5 min", "3 days 4 h": how far a deadline is, for a person. */
export function formatMinutes(totalMinutes: number): string {
  const minutes = Math.max(0, Math.round(totalMinutes));
  if (minutes < 60) return `${minutes} min`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} ${days === 1 ? 'day' : 'days'} ${hours} h` : `${days} ${days === 1 ? 'day' : 'days'}`;
  return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
}

/** What is due, in a sentence: the body of a notification. */
export type Subject =
  | { readonly kind: 'initialResponseDueSoon' | 'updateDueSoon' | 'initialResponseOverdue' | 'updateOverdue'; readonly dueAt: number }
  | { readonly kind: 'escalated'; readonly level: EscalationLevel; readonly reason: 'automatic' | 'lackOfProgress' }
  | { readonly kind: 'actionItemDue'; readonly title: string; readonly dueAt: number };

function bodyOf(subject: Subject, now: number, plan: string): string {
  const minutesTo = (at: number) => (at - now) / 60_000;
  switch (subject.kind) {
    case 'initialResponseDueSoon':
      return `Initial response due in ${formatMinutes(minutesTo(subject.dueAt))}.`;
    case 'updateDueSoon':
      return `Customer update due in ${formatMinutes(minutesTo(subject.dueAt))}.`;
    case 'initialResponseOverdue':
      return `Initial response overdue by ${formatMinutes(-minutesTo(subject.dueAt))}.`;
    case 'updateOverdue':
      return `Customer update overdue by ${formatMinutes(-minutesTo(subject.dueAt))}.`;
    case 'escalated':
      return subject.reason === 'automatic'
        ? `Escalated to ${LEVEL_NAMES[subject.level]} automatically under plan ${plan}.`
        : `Escalated to ${LEVEL_NAMES[subject.level]} for lack of progress.`;
    case 'actionItemDue':
      return subject.dueAt <= now ? `Review action item due: ${subject.title}.` : `Review action item due in ${formatMinutes(minutesTo(subject.dueAt))}: ${subject.title}.`;
  }
}

/** A notification that names the case (id and title), its severity and what is due. P1 is critical. */
export function caseNotification(state: CaseState, subject: Subject, now: number, id: string): DeskNotification {
  return {
    id,
    caseId: state.id,
    severity: state.severity,
    kind: subject.kind,
    title: `${SEVERITY_INFO[state.severity].label} · ${state.id} ${state.title}`,
    body: bodyOf(subject, now, state.plan),
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
    title: `${notes.length} things need attention (worst: ${SEVERITY_INFO[worst.severity].label})`,
    body: lines.join('\n'),
    at: new Date(now).toISOString(),
    urgency: notes.some((n) => n.urgency === 'critical') ? 'critical' : 'normal',
  };
}
