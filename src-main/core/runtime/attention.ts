import type { Attention, Snooze, UrgentItem } from '../../../src-shared/contract';
import { foldCase, type CaseRecord, type CaseState } from '../../../src-shared/domain';
import { clocksOf, type Clock as SlaClock, type Policy, type PolicyHistory } from '../../../src-shared/sla';

export const URGENT_ITEMS = 5;

/** An initial response or customer update a case owes, before it is judged against now. */
export type Owed = Omit<UrgentItem, 'overdue'>;

/** What one open case owes: its open initial-response and customer-update deadlines. */
export function owedBy(state: CaseState, openClocks: ReadonlyArray<SlaClock & { dueAt: string }>): Owed[] {
  if (state.status === 'closed') return [];
  return openClocks
    .filter((clock) => clock.kind === 'initialResponse' || clock.kind === 'customerUpdate')
    .map((clock) => ({ caseId: state.id, title: state.title, severity: state.severity, due: clock.kind as Owed['due'], dueAt: clock.dueAt }));
}

/**
 * The tray's view: how many initial responses and customer updates are overdue, and the five
 * due soonest (overdue ones first, as they are due earliest).
 */
export function attentionFrom(owed: Iterable<Owed>, now: number, snoozed: readonly Snooze[] = []): Attention {
  const items: UrgentItem[] = [];
  for (const item of owed) items.push({ ...item, overdue: Date.parse(item.dueAt) <= now });
  items.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.severity.localeCompare(b.severity) || a.caseId.localeCompare(b.caseId));
  return { overdueCount: items.filter((item) => item.overdue).length, urgent: items.slice(0, URGENT_ITEMS), snoozed };
}

/** The same view computed from the cases themselves, their past clocks judged by the policy in force then. */
export function attentionOf(records: readonly CaseRecord[], policy: Policy, now: number, snoozed: readonly Snooze[] = [], policyHistory: PolicyHistory = []): Attention {
  const nowIso = new Date(now).toISOString();
  const owed = records.flatMap((record) => {
    const open = clocksOf(record.events, policy, nowIso, { policyHistory }).filter((c): c is SlaClock & { dueAt: string } => c.endedAt === null && c.dueAt !== null);
    return owedBy(foldCase(record), open);
  });
  return attentionFrom(owed, now, snoozed);
}
