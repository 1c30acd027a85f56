import type { CaseState, EscalationRecord } from '../domain/case-state';
import type { AutoEscalation } from '../domain/decide';
import { addBusinessTime } from './business-time';
import type { Clock } from './clocks';
import { type Policy, calendarOf, planOf } from './policy';

/** The policy's automatic escalations (Premium P1 at logging), in the shape `decide` takes. */
export function autoEscalationOf(policy: Policy): AutoEscalation {
  return (plan, severity) => planOf(policy, plan).targets[severity].autoEscalation;
}

/** Whether management should see the case: by its severity's rule, or once escalated to management. */
export function isManagementVisible(state: CaseState, policy: Policy): boolean {
  const rule = planOf(policy, state.plan).targets[state.severity].managementVisibility;
  if (rule === 'always') return true;
  if (rule === 'never') return false;
  return state.escalationLevel === 'management';
}

/**
 * Lack of progress also covers a case nobody picked up: while its initial response is still
 * open, escalation for lack of progress is due once the initial-response target plus the
 * severity's lack-of-progress threshold (on the threshold's calendar) have passed. Null for any
 * other clock, or a clock without a due time.
 */
export function unacknowledgedEscalationDue(clock: Clock, policy: Policy, plan: string): string | null {
  if (clock.kind !== 'initialResponse' || clock.endedAt !== null || clock.dueAt === null) return null;
  const found = planOf(policy, plan);
  const threshold = found.targets[clock.severity].lackOfProgressThreshold;
  return addBusinessTime(clock.dueAt, threshold.minutes, calendarOf(policy, found, threshold.calendar));
}

/**
 * The escalation for lack of progress this clock's period already made, if any: one in the
 * clock's cycle after the clock started (one at its very start belongs to the period before).
 * For an initial-response clock, the escalation of a case nobody acknowledged.
 */
export function lackOfProgressEscalation(state: Pick<CaseState, 'escalations'>, clock: Pick<Clock, 'cycle' | 'startedAt'>): EscalationRecord | null {
  const started = Date.parse(clock.startedAt);
  return state.escalations.find((e) => e.trigger === 'lackOfProgress' && e.cycle === clock.cycle && Date.parse(e.at) > started) ?? null;
}
