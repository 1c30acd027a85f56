import { dispatch } from '../../../src-main/core/dispatch';
import type { Policy } from '../../../src-shared/sla';
import { HOUR, T0, boot } from '../runtime/boot';

const quiet = { warn: () => undefined, error: () => undefined };

function withPremiumP1InitialResponse(policy: Policy, minutes: number): Policy {
  const next = structuredClone(policy);
  next.plans.find((plan) => plan.id === 'premium')!.targets.P1.initialResponse = { minutes, calendar: '24x7' };
  return next;
}

describe('the core keeps every applied policy with the instant it came into force', () => {
  it('a policy edit adds an era at the core clock, the first one keeping the policy it replaced', async () => {
    const { core, advance } = await boot();
    const first = (await core.handlers['settings.get']({})).policy;
    await advance(HOUR);
    const saved = await core.handlers['settings.update']({ policy: withPremiumP1InitialResponse(first, 30) });
    expect(saved.policyHistory.map((era) => era.since)).toEqual(['1970-01-01T00:00:00.000Z', new Date(Date.parse(T0) + HOUR).toISOString()]);
    expect(saved.policyHistory[0]!.policy).toEqual(first);
    expect(saved.policyHistory[1]!.policy).toEqual(saved.policy);
  });

  it('saving other sections, or the same policy again, adds no era', async () => {
    const { core } = await boot();
    const { policy } = await core.handlers['settings.get']({});
    expect((await core.handlers['settings.update']({ engineerName: 'Bo' })).policyHistory).toEqual([]);
    expect((await core.handlers['settings.update']({ policy })).policyHistory).toEqual([]);
  });

  it('a save that leaves the policy alone hands listeners the same policy object, so they need not re-judge', async () => {
    const { core } = await boot();
    const seen: unknown[] = [];
    core.bus.on('settings.changed', ({ settings }) => seen.push(settings.policy));
    const { policy } = await core.handlers['settings.update']({ engineerName: 'Bo' });
    await core.handlers['settings.update']({ engineerName: 'Al', policy: structuredClone(policy) });
    const edited = await core.handlers['settings.update']({ policy: withPremiumP1InitialResponse(policy, 30) });
    expect(seen).toHaveLength(3);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[1]);
    expect(seen[2]).toBe(edited.policy);
  });

  it('a patch cannot write the history itself', async () => {
    const { core } = await boot();
    const result = await dispatch(core.handlers, 'settings.update', { policyHistory: [] }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
