import { foldCase, type CaseRecord, type CaseState } from '../../src-shared/domain';
import type { Settings } from '../../src-shared/settings';
import { clocksOf, nextDueClock, type Clock, type Policy, type PolicyHistory } from '../../src-shared/sla';

/** A case as the screens need it: its state and clocks, derived once per record object. */
export interface CaseView {
  readonly record: CaseRecord;
  readonly state: CaseState;
  readonly clocks: readonly Clock[];
  /** What the queue is ordered by: the open clock due soonest, else an open paused clock. */
  readonly next: Clock | null;
  /** `next.dueAt` in ms; Infinity when nothing has a due time (paused, or nothing owed). */
  readonly dueMs: number;
  /** Why the clocks could not be computed (e.g. the case's plan left the policy). */
  readonly problem: string | null;
}

const byPolicy = new WeakMap<Policy, WeakMap<CaseRecord, CaseView>>();
/** The policy history that came with each policy object (both arrive in one settings object). */
const histories = new WeakMap<Policy, PolicyHistory>();

/** Called by the settings store with every settings object it holds, so ended clocks are judged by the policy in force then. */
export function rememberPolicyHistory(settings: Settings): Settings {
  histories.set(settings.policy, settings.policyHistory);
  return settings;
}

function derive(record: CaseRecord, policy: Policy): CaseView {
  const state = foldCase(record);
  try {
    // Due times do not depend on "now" (only the state of a clock does), so the clocks are
    // computed once per record; countdowns and states are read against the shared clock.
    const clocks = clocksOf(record.events, policy, new Date().toISOString(), { policyHistory: histories.get(policy) ?? [] });
    // The review's deadline comes from the reviews store (which knows what was published), not from the case clocks.
    const due = nextDueClock(clocks.filter((clock) => clock.kind !== 'reviewDue'));
    const next = due ?? clocks.find((clock) => clock.endedAt === null && clock.state === 'paused') ?? null;
    return { record, state, clocks, next, dueMs: due?.dueAt ? Date.parse(due.dueAt) : Number.POSITIVE_INFINITY, problem: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { record, state, clocks: [], next: null, dueMs: Number.POSITIVE_INFINITY, problem: `Clocks unavailable: ${message}` };
  }
}

/**
 * Memoized by the record's identity (and the policy's): a pushed change replaces one record
 * object, so only that case is folded and its clocks replayed again.
 */
export function caseViewOf(record: CaseRecord, policy: Policy): CaseView {
  let cache = byPolicy.get(policy);
  if (!cache) byPolicy.set(policy, (cache = new WeakMap()));
  let view = cache.get(record);
  if (!view) cache.set(record, (view = derive(record, policy)));
  return view;
}
