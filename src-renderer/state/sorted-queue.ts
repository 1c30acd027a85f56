import type { Severity } from '../../src-shared/domain';
import type { CaseView } from './case-view';

/** "RD-999" before "RD-1001": ids of one prefix compare by length, then by text. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Nearest due first; cases with nothing due last; ties by id so the order is total. */
export function byDue(a: CaseView, b: CaseView): number {
  if (a.dueMs !== b.dueMs) return a.dueMs < b.dueMs ? -1 : 1;
  return compareIds(a.state.id, b.state.id);
}

export type Queues = Readonly<Record<Severity, readonly CaseView[]>>;

/** Where `view` stands, or would stand, in a queue ordered by `byDue`. */
function lowerBound(queue: readonly CaseView[], view: CaseView): number {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byDue(queue[mid]!, view) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The position of this case (by its due time and id) in an ordered queue, or -1. */
export function indexByDue(queue: readonly CaseView[], view: CaseView): number {
  const at = lowerBound(queue, view);
  return queue[at]?.state.id === view.state.id ? at : -1;
}

/**
 * One case leaves its old place and, if `keep` says so, takes its new one: two binary searches
 * and at most two array copies, instead of sorting the queue again. Queues the change does not
 * touch keep their identity, so what shows them does not render again.
 */
export function patchQueues(queues: Queues, before: CaseView | null, after: CaseView | null, keep: (view: CaseView) => boolean): Queues {
  const next: Record<Severity, readonly CaseView[]> = { ...queues };
  let changed = false;
  if (before) {
    const queue = next[before.state.severity];
    const at = indexByDue(queue, before);
    if (at >= 0) {
      next[before.state.severity] = [...queue.slice(0, at), ...queue.slice(at + 1)];
      changed = true;
    }
  }
  if (after && keep(after)) {
    const queue = next[after.state.severity];
    const at = lowerBound(queue, after);
    next[after.state.severity] = [...queue.slice(0, at), after, ...queue.slice(at)];
    changed = true;
  }
  return changed ? next : queues;
}

