import { SEVERITIES, type CaseRecord, type Severity } from '../../src-shared/domain';
import type { Policy } from '../../src-shared/sla';
import { caseViewOf, type CaseView } from './case-view';
import { byDue, type Queues } from './sorted-queue';
import type { Filters } from './ui-store';

/** A queue holds every case that is not closed. */
export function isQueued(view: CaseView): boolean {
  return view.state.status !== 'closed';
}

/** The four queues: every case not closed, by severity, ordered by the nearest due clock. */
export function buildQueues(records: Iterable<CaseRecord>, policy: Policy): Queues {
  const queues: Record<Severity, CaseView[]> = { P1: [], P2: [], P3: [], P4: [] };
  for (const record of records) {
    const view = caseViewOf(record, policy);
    if (isQueued(view)) queues[view.state.severity].push(view);
  }
  for (const severity of SEVERITIES) queues[severity].sort(byDue);
  return queues;
}

export function matchesFilters(view: CaseView, filters: Filters, engineerName: string): boolean {
  const s = view.state;
  if (filters.scope === 'mine' && s.owner !== engineerName) return false;
  if (filters.plan && s.plan !== filters.plan) return false;
  if (filters.customer && !s.customer.toLowerCase().includes(filters.customer.trim().toLowerCase())) return false;
  if (filters.status === 'escalated') {
    if (s.cycleEscalationLevel === null) return false;
  } else if (filters.status && s.status !== filters.status) return false;
  const search = filters.search.trim().toLowerCase();
  if (search && !s.id.toLowerCase().includes(search) && !s.title.toLowerCase().includes(search) && !s.customer.toLowerCase().includes(search)) return false;
  return true;
}

export function hasFilters(filters: Filters): boolean {
  return filters.scope !== 'all' || !!filters.plan || !!filters.customer.trim() || !!filters.status || !!filters.search.trim();
}

export function filterQueues(queues: Queues, filters: Filters, engineerName: string): Queues {
  if (!hasFilters(filters)) return queues;
  const out = {} as Record<Severity, readonly CaseView[]>;
  for (const severity of SEVERITIES) out[severity] = queues[severity].filter((view) => matchesFilters(view, filters, engineerName));
  return out;
}

/** Cases whose next clock is past due (meeting it exactly on time is not late): a prefix of a queue, since it is ordered by due time. */
export function overdueCount(queue: readonly CaseView[], nowMs: number): number {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (queue[mid]!.dueMs < nowMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
