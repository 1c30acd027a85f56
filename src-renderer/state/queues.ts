import { SEVERITIES, type CaseRecord, type Severity } from '../../src-shared/domain';
import type { Policy } from '../../src-shared/sla';
import { caseViewOf, type CaseView } from './case-view';
import type { Filters } from './ui-store';

export type Queues = Readonly<Record<Severity, readonly CaseView[]>>;

/** "RD-999" before "RD-1001": ids of one prefix compare by length, then by text. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Nearest due first; cases with nothing due last; ties by id so the order is stable. */
export function byDue(a: CaseView, b: CaseView): number {
  if (a.dueMs !== b.dueMs) return a.dueMs < b.dueMs ? -1 : 1;
  return compareIds(a.state.id, b.state.id);
}

/** The four queues: every case not closed, by severity, ordered by the nearest due clock. */
export function buildQueues(byId: Readonly<Record<string, CaseRecord>>, policy: Policy): Queues {
  const queues: Record<Severity, CaseView[]> = { P1: [], P2: [], P3: [], P4: [] };
  for (const id in byId) {
    const view = caseViewOf(byId[id]!, policy);
    if (view.state.status !== 'closed') queues[view.state.severity].push(view);
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

export function filterQueues(queues: Queues, filters: Filters, engineerName: string): Queues {
  const unfiltered = filters.scope === 'all' && !filters.plan && !filters.customer.trim() && !filters.status && !filters.search.trim();
  if (unfiltered) return queues;
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

const queuesMemo = new WeakMap<object, { policy: Policy; queues: Queues }>();
const filteredMemo = new WeakMap<Queues, { filters: Filters; engineerName: string; queues: Queues }>();

/** buildQueues, remembered for the last policy of each case map (a change makes a new map). */
export function queuesOf(byId: Readonly<Record<string, CaseRecord>>, policy: Policy): Queues {
  const hit = queuesMemo.get(byId);
  if (hit?.policy === policy) return hit.queues;
  const queues = buildQueues(byId, policy);
  queuesMemo.set(byId, { policy, queues });
  return queues;
}

/** filterQueues, remembered for the last filters applied to each set of queues. */
export function filteredQueuesOf(queues: Queues, filters: Filters, engineerName: string): Queues {
  const hit = filteredMemo.get(queues);
  if (hit && hit.filters === filters && hit.engineerName === engineerName) return hit.queues;
  const filtered = filterQueues(queues, filters, engineerName);
  filteredMemo.set(queues, { filters, engineerName, queues: filtered });
  return filtered;
}
