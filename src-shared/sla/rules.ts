import type { CaseState } from '../domain/case-state';
import type { AutoEscalation } from '../domain/decide';
import { type Policy, planOf } from './policy';

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
