import { DEFAULT_POLICY, clocksOf, policyInForce, withPolicyApplied, type Clock, type ClockKind, type Policy } from '../../../src-shared/sla';
import { timeline } from './events';

const P = DEFAULT_POLICY;
const last = (clocks: Clock[], kind: ClockKind, cycle = 1) => clocks.filter((c) => c.kind === kind && c.cycle === cycle).at(-1)!;

/** DEFAULT_POLICY with Premium P2's initial response set to `minutes` (24x7). */
function premiumP2InitialResponse(minutes: number): Policy {
  const policy = structuredClone(P);
  const premium = policy.plans.find((plan) => plan.id === 'premium')!;
  premium.targets.P2.initialResponse = { minutes, calendar: '24x7' };
  return policy;
}

describe('a breach stays a breach when the severity is lowered afterwards', () => {
  it('a Premium P1 logged 10:00, lowered to P3 at 11:30 and acknowledged at 12:00 was breached at 11:00 as P1', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z').severity('2026-11-23T11:30:00Z', 'P1', 'P3').ack('2026-11-23T12:00:00Z');
    const clock = last(clocksOf(t.events, P, '2026-11-23T13:00:00Z'), 'initialResponse');
    expect(clock).toMatchObject({ state: 'met', severity: 'P3', breachedAt: '2026-11-23T11:00:00.000Z', breachedAs: 'P1', dueAt: '2026-11-23T14:00:00.000Z' });
  });

  it('an open clock breached before the lowering stays breached, and keeps the new due time for what is still owed', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z').severity('2026-11-23T11:30:00Z', 'P1', 'P3');
    const clock = last(clocksOf(t.events, P, '2026-11-23T11:45:00Z'), 'initialResponse');
    expect(clock).toMatchObject({ state: 'breached', breachedAt: '2026-11-23T11:00:00.000Z', breachedAs: 'P1', dueAt: '2026-11-23T14:00:00.000Z', endedAt: null });
  });

  it('a severity lowered before its target passed leaves no breach', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z').severity('2026-11-23T10:30:00Z', 'P1', 'P3').ack('2026-11-23T12:00:00Z');
    const clock = last(clocksOf(t.events, P, '2026-11-23T13:00:00Z'), 'initialResponse');
    expect(clock).toMatchObject({ state: 'met', breachedAt: null, breachedAs: null });
  });

  it('the first breach is the one kept: raised to P1 past its target, then lowered, it breached when the P1 target passed', () => {
    const t = timeline('premium', 'P3', '2026-11-23T10:00:00Z').severity('2026-11-23T11:30:00Z', 'P3', 'P1').severity('2026-11-23T11:40:00Z', 'P1', 'P4');
    const clock = last(clocksOf(t.events, P, '2026-11-23T11:50:00Z'), 'initialResponse');
    expect(clock).toMatchObject({ state: 'breached', breachedAt: '2026-11-23T11:00:00.000Z', breachedAs: 'P1', severity: 'P4' });
  });

  it('a clock stopped by resolution after a breach-then-lowering reads breached, not stopped', () => {
    const t = timeline('premium', 'P1', '2026-11-23T10:00:00Z').ack('2026-11-23T10:05:00Z').severity('2026-11-23T11:30:00Z', 'P1', 'P3').resolve('2026-11-23T11:40:00Z');
    const update = last(clocksOf(t.events, P, '2026-11-23T12:00:00Z'), 'customerUpdate');
    expect(update).toMatchObject({ state: 'breached', breachedAt: '2026-11-23T11:05:00.000Z', breachedAs: 'P1' });
  });
});

describe('a clock that ended is judged by the policy in force when it ended', () => {
  const before = premiumP2InitialResponse(120);
  const after = premiumP2InitialResponse(60);
  const history = withPolicyApplied([], before, after, '2026-11-23T13:00:00.000Z');

  it('editing a target after a case closed does not move its clocks', () => {
    const t = timeline('premium', 'P2', '2026-11-23T10:00:00Z').ack('2026-11-23T11:30:00Z').resolve('2026-11-23T12:00:00Z').close('2026-11-23T12:10:00Z');
    const judged = last(clocksOf(t.events, after, '2026-11-24T09:00:00Z', { policyHistory: history }), 'initialResponse');
    expect(judged).toMatchObject({ state: 'met', targetMinutes: 120, dueAt: '2026-11-23T12:00:00.000Z', breachedAt: null });
    // without the history the new target would rewrite it as met late
    expect(last(clocksOf(t.events, after, '2026-11-24T09:00:00Z'), 'initialResponse')).toMatchObject({ targetMinutes: 60, breachedAt: '2026-11-23T11:00:00.000Z' });
  });

  it('a running clock follows the policy as it is now', () => {
    const t = timeline('premium', 'P2', '2026-11-23T10:00:00Z');
    const running = last(clocksOf(t.events, after, '2026-11-23T13:30:00Z', { policyHistory: history }), 'initialResponse');
    expect(running).toMatchObject({ state: 'breached', targetMinutes: 60, dueAt: '2026-11-23T11:00:00.000Z' });
  });

  it('a case whose plan has left the policy keeps its ended clocks from the policy it ran under', () => {
    const withoutPremium: Policy = { ...after, plans: after.plans.filter((plan) => plan.id !== 'premium') };
    const eras = withPolicyApplied(history, after, withoutPremium, '2026-11-25T00:00:00.000Z');
    // P3 needs no review, so no clock of the case runs on
    const t = timeline('premium', 'P3', '2026-11-23T10:00:00Z').ack('2026-11-23T11:30:00Z').resolve('2026-11-23T12:00:00Z').close('2026-11-23T12:10:00Z');
    const clocks = clocksOf(t.events, withoutPremium, '2026-11-26T00:00:00Z', { policyHistory: eras });
    expect(last(clocks, 'initialResponse')).toMatchObject({ state: 'met', targetMinutes: 240 });
    expect(() => clocksOf(t.events, withoutPremium, '2026-11-26T00:00:00Z')).toThrow('plan "premium" is not in the policy');
  });
});

describe('the policy history', () => {
  const a = premiumP2InitialResponse(120);
  const b = premiumP2InitialResponse(90);
  const c = premiumP2InitialResponse(60);

  it('the first edit records the policy it replaced as in force from the start', () => {
    const eras = withPolicyApplied([], a, b, '2026-11-23T13:00:00.000Z');
    expect(eras.map((era) => era.since)).toEqual(['1970-01-01T00:00:00.000Z', '2026-11-23T13:00:00.000Z']);
    expect(eras[0]!.policy).toBe(a);
  });

  it('finds the era in force at an instant, the earliest one before any', () => {
    const eras = withPolicyApplied(withPolicyApplied([], a, b, '2026-11-23T13:00:00.000Z'), b, c, '2026-11-24T13:00:00.000Z');
    expect(policyInForce(eras, c, Date.parse('2026-11-23T12:59:59Z'))).toBe(a);
    expect(policyInForce(eras, c, Date.parse('2026-11-23T13:00:00Z'))).toBe(b);
    expect(policyInForce(eras, c, Date.parse('2026-11-30T00:00:00Z'))).toBe(c);
    expect(policyInForce([], c, 0)).toBe(c);
  });

  it('an edit at or before the last era start replaces that era rather than going back in time', () => {
    const eras = withPolicyApplied(withPolicyApplied([], a, b, '2026-11-23T13:00:00.000Z'), b, c, '2026-11-23T12:00:00.000Z');
    expect(eras.map((era) => [era.since, era.policy])).toEqual([['1970-01-01T00:00:00.000Z', a], ['2026-11-23T13:00:00.000Z', c]]);
  });
});
