import { planCase } from '../../../src-main/core/runtime/plan';
import { applyEvent, decide, decideLog, foldCase, type CaseCommand, type CaseEvent, type CaseState } from '../../../src-shared/domain';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';
import { DEFAULT_POLICY, withPolicyApplied, type Policy } from '../../../src-shared/sla';

const at = (hhmm: string) => `2026-11-26T${hhmm}:00.000Z`;

/** Premium P1 logged 10:00, acknowledged 10:05 (its first update due 11:05 under the default policy), lowered to P3 at 11:30. */
function loweredAfterItsP1UpdateWasDue(): { id: string; events: CaseEvent[] } {
  const events: CaseEvent[] = [];
  let state: CaseState | undefined;
  const logged = decideLog('RD-1001', { title: 'Checkout down', customer: 'Acme', plan: 'premium', severity: 'P1', description: '', reportedBy: '' }, { now: at('10:00'), actor: 'Ana' });
  if (!logged.ok) throw new Error(logged.reason);
  events.push(...logged.events);
  state = foldCase(events);
  const act = (now: string, command: CaseCommand) => {
    const decision = decide(state!, command, { now, actor: 'Ana' });
    if (!decision.ok) throw new Error(decision.reason);
    events.push(...decision.events);
    for (const event of decision.events) state = applyEvent(state!, event);
  };
  act(at('10:05'), { type: 'acknowledge', checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it.', nextSteps: 'Logs.' });
  act(at('11:30'), { type: 'adjustSeverity', to: 'P3', reason: 'Only one region is affected.', businessImpact: '' });
  return { id: 'RD-1001', events };
}

describe("a case's deadlines judge its past by the policy in force then", () => {
  it('a P1 update that was overdue before the case was lowered stays breached as P1 when the P1 target is relaxed afterwards', () => {
    const record = loweredAfterItsP1UpdateWasDue();
    // at 11:40 the Premium P1 update cadence becomes 3 hours: under it, the P1 stretch (10:05-11:30) would not have breached
    const relaxed: Policy = structuredClone(DEFAULT_POLICY);
    relaxed.plans.find((plan) => plan.id === 'premium')!.targets.P1.updateCadence = { minutes: 180, calendar: '24x7' };
    const policyHistory = withPolicyApplied([], DEFAULT_POLICY, relaxed, at('11:40'));
    const plan = planCase({ record, policy: relaxed, policyHistory, notifications: DEFAULT_SETTINGS.notifications, now: Date.parse(at('11:45')), notifiedAt: () => undefined });
    const update = plan.dues.find((due) => due.type === 'notify' && due.clock.kind === 'customerUpdate');
    expect(update?.type === 'notify' ? [update.clock.state, update.clock.breachedAt, update.clock.breachedAs] : null).toEqual(['breached', at('11:05'), 'P1']);
  });

});
