import type { Attention, Snooze, UrgentItem } from '../../../src-shared/contract';
import { foldCase, type CaseRecord } from '../../../src-shared/domain';
import { clocksOf, type Policy } from '../../../src-shared/sla';
import { openDeadlines } from './plan';

export const URGENT_ITEMS = 5;

/**
 * The tray's view: how many initial responses and customer updates are overdue, and the five
 * due soonest (overdue ones first, as they are due earliest). Closed cases owe nothing.
 */
export function attentionOf(records: readonly CaseRecord[], policy: Policy, now: number, snoozed: readonly Snooze[] = []): Attention {
  const nowIso = new Date(now).toISOString();
  const items: UrgentItem[] = [];
  for (const record of records) {
    const state = foldCase(record);
    if (state.status === 'closed') continue;
    for (const clock of openDeadlines(clocksOf(record.events, policy, nowIso))) {
      if (clock.kind !== 'initialResponse' && clock.kind !== 'customerUpdate') continue;
      items.push({ caseId: state.id, title: state.title, severity: state.severity, due: clock.kind, dueAt: clock.dueAt, overdue: Date.parse(clock.dueAt) <= now });
    }
  }
  items.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.severity.localeCompare(b.severity) || a.caseId.localeCompare(b.caseId));
  return { overdueCount: items.filter((item) => item.overdue).length, urgent: items.slice(0, URGENT_ITEMS), snoozed };
}
