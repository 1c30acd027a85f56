import { DEFAULT_POLICY, PolicyError, findPlan, parsePolicy, planOf, type Policy } from '../../../src-shared/sla';

const clone = (): Policy => structuredClone(DEFAULT_POLICY);

describe('policy', () => {
  it('the shipped policy is valid and holds Standard and Premium', () => {
    const result = parsePolicy(DEFAULT_POLICY);
    expect(result.ok).toBe(true);
    expect(DEFAULT_POLICY.plans.map((p) => p.name)).toEqual(['Standard', 'Premium']);
  });

  it.each([
    ['Standard', 'P1', 480, 'business'], ['Standard', 'P2', 720, 'business'], ['Standard', 'P3', 1440, 'business'], ['Standard', 'P4', 1440, 'business'],
    ['Premium', 'P1', 60, '24x7'], ['Premium', 'P2', 120, '24x7'], ['Premium', 'P3', 240, '24x7'], ['Premium', 'P4', 480, 'business'],
  ] as const)('%s %s initial response is %i minutes on %s', (plan, severity, minutes, calendar) => {
    const target = DEFAULT_POLICY.plans.find((p) => p.name === plan)!.targets[severity];
    expect(target.initialResponse).toEqual({ minutes, calendar });
  });

  it('escalation for lack of progress is due after two cadences by default', () => {
    for (const plan of DEFAULT_POLICY.plans) for (const t of Object.values(plan.targets)) expect(t.lackOfProgressThreshold).toEqual(t.updateCadence);
  });

  it('Premium P1 escalates to senior engineering at logging; reviews are required for P1 and P2, due in 5 business days', () => {
    const premium = DEFAULT_POLICY.plans[1]!;
    expect(premium.targets.P1.autoEscalation).toBe('seniorEngineering');
    expect(DEFAULT_POLICY.plans[0]!.targets.P1.autoEscalation).toBeNull();
    for (const plan of DEFAULT_POLICY.plans) {
      expect([plan.targets.P1.reviewRequired, plan.targets.P2.reviewRequired, plan.targets.P3.reviewRequired, plan.targets.P4.reviewRequired]).toEqual([true, true, false, false]);
      expect(plan.targets.P1.reviewDue).toEqual({ minutes: 2400, calendar: 'business' });
    }
  });

  it('an invalid figure is an error naming the field, and nothing is applied', () => {
    const policy = clone();
    policy.plans[1]!.targets.P2.updateCadence.minutes = -5;
    const result = parsePolicy(policy);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContainEqual({ path: 'plans[1].targets.P2.updateCadence.minutes', message: 'must be more than 0 minutes' });
  });

  it.each([
    ['an unknown calendar reference', (p: Policy) => { p.plans[0]!.targets.P3.initialResponse.calendar = 'mars'; }, 'plans[0].targets.P3.initialResponse.calendar', /no calendar has id "mars"/],
    ['a duplicate plan id', (p: Policy) => { p.plans[1]!.id = 'standard'; }, 'plans[1].id', /used twice/],
    ['a calendar taking the built-in id', (p: Policy) => { p.calendars[0]!.id = '24x7'; }, 'calendars[0].id', /built-in/],
    ['a threshold on another calendar than its cadence', (p: Policy) => { p.plans[0]!.targets.P1.lackOfProgressThreshold.calendar = '24x7'; }, 'plans[0].targets.P1.lackOfProgressThreshold.calendar', /same calendar as updateCadence/],
    ['a bad calendar inside the policy', (p: Policy) => { p.calendars[0]!.timeZone = 'CET+1'; }, 'calendars[0].timeZone', /IANA/],
    ['a plan whose business calendar is missing', (p: Policy) => { p.plans[0]!.businessCalendarId = 'nowhere'; }, 'plans[0].businessCalendarId', /no calendar has id "nowhere"/],
  ])('rejects %s', (_what, edit, path, message) => {
    const policy = clone();
    edit(policy);
    const result = parsePolicy(policy);
    const hit = !result.ok ? result.errors.find((e) => e.path === path) : undefined;
    expect(hit, JSON.stringify(result)).toBeDefined();
    expect(hit?.message).toMatch(message);
  });

  it('users can add a plan', () => {
    const policy = clone();
    policy.plans.push({ ...structuredClone(policy.plans[0]!), id: 'gold', name: 'Gold' });
    expect(parsePolicy(policy).ok).toBe(true);
  });

  it('rejects something that is not a policy at all, without throwing', () => {
    const result = parsePolicy({ schemaVersion: 1, plans: 'many' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['calendars', 'plans']));
  });
});

describe('the plan a case names', () => {
  it.each([
    ['its id', 'premium', 'premium'],
    ['its name', 'Premium', 'premium'],
    ['its name in any case, with spaces around it', '  sTANDARD ', 'standard'],
    ['its id in upper case', 'PREMIUM', 'premium'],
  ])('is found by %s', (_, named, id) => {
    expect(findPlan(DEFAULT_POLICY, named)?.id).toBe(id);
    expect(planOf(DEFAULT_POLICY, named).id).toBe(id);
  });

  it('an exact id wins over another plan whose name reads the same', () => {
    const policy = clone();
    policy.plans[0]!.name = 'premium';
    expect(findPlan(policy, 'premium')?.id).toBe('premium');
  });

  it('is absent when the policy has no such plan: findPlan says undefined, planOf refuses naming it and the known plans', () => {
    expect(findPlan(DEFAULT_POLICY, 'gold')).toBeUndefined();
    expect(() => planOf(DEFAULT_POLICY, 'gold')).toThrow(new PolicyError('unknownPlan', 'plan "gold" is not in the policy (known: standard, premium)'));
  });
});
