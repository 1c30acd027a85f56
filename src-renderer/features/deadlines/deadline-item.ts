import type { Severity } from '../../../src-shared/domain';
import { lackOfProgressEscalation, type ClockKind } from '../../../src-shared/sla';
import { CLOCK_LABEL } from '../../components/labels';
import { compareIds, type CaseView } from '../../state';

/**
 * One thing owed to a customer or to the framework, from any source: the case clocks give
 * initial responses, customer updates, escalations and reviews; reviews add their action items.
 */
export interface DeadlineItem {
  /** Unique across every source. */
  readonly key: string;
  readonly kind: ClockKind | 'reviewActionItem';
  /** What is owed, in the framework's words. */
  readonly label: string;
  readonly caseId: string;
  readonly caseTitle: string;
  readonly customer: string;
  readonly severity: Severity;
  /** Null while paused (waiting on the customer): owed, but not yet at a known time. */
  readonly dueAt: string | null;
  /** An item due on a day (an action item): shown as that date, never as the instant it ends. */
  readonly dueDate?: string;
  /** A lack-of-progress clock whose period already escalated the case: it reads "Escalated". */
  readonly escalated?: boolean;
  /** How this item reads as a clock (state, countdown); absent for items that are not clocks. */
  readonly clock?: CaseView['clocks'][number];
  /** What a click opens: the case's review, else the case itself. */
  readonly opens?: 'review';
}

const dueMsOf = (item: DeadlineItem) => (item.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(item.dueAt));

/** Every source merged in time order: the earliest due first (so overdue first), paused last. */
export function mergeDeadlines(sources: ReadonlyArray<readonly DeadlineItem[]>): DeadlineItem[] {
  const all = sources.flat();
  const due = new Map(all.map((item) => [item, dueMsOf(item)]));
  return all.sort((a, b) => {
    const da = due.get(a)!;
    const db = due.get(b)!;
    if (da !== db) return da < db ? -1 : 1;
    return compareIds(a.caseId, b.caseId) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
}

/**
 * The open clocks of the open cases as deadlines. Review clocks are left to the reviews'
 * source: only it knows which reviews have been published.
 */
export function clockDeadlines(cases: Iterable<CaseView>): DeadlineItem[] {
  const items: DeadlineItem[] = [];
  for (const view of cases) {
    for (const clock of view.clocks) {
      if (clock.endedAt !== null || clock.kind === 'reviewDue') continue;
      items.push({
        key: `${view.state.id}:${clock.id}`,
        kind: clock.kind,
        label: CLOCK_LABEL[clock.kind],
        caseId: view.state.id,
        caseTitle: view.state.title,
        customer: view.state.customer,
        severity: clock.severity,
        dueAt: clock.dueAt,
        clock,
        escalated: clock.kind === 'lackOfProgress' && lackOfProgressEscalation(view.state, clock) !== null,
      });
    }
  }
  return items;
}
