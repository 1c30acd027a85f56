import { dispatch } from '../../../src-main/core/dispatch';
import { EventBus } from '../../../src-main/core/event-bus';
import type { Policy } from '../../../src-shared/sla';
import { HOUR, acknowledge, boot } from '../runtime/boot';

const quiet = { warn: () => undefined, error: () => undefined };

/** The default policy with a third plan, "Gold", on its own calendar. */
function withGold(policy: Policy): Policy {
  const gold = structuredClone(policy.plans[0]!);
  const calendar = { ...structuredClone(policy.calendars[0]!), id: 'gold-hours', name: 'Gold hours' };
  return { ...policy, calendars: [...policy.calendars, calendar], plans: [...policy.plans, { ...gold, id: 'gold', name: 'Gold', businessCalendarId: 'gold-hours' }] };
}

describe('settings cannot break open cases', () => {
  it('refuses a policy that removes a plan open cases use, naming them, and keeps the cases armed', async () => {
    const { core, advance, kinds } = await boot();
    const settings = await core.handlers['settings.get']({});
    await core.handlers['settings.update']({ policy: withGold(settings.policy) });
    const a = await core.handlers['cases.create']({ title: 'A', customer: 'Acme', plan: 'gold', severity: 'P1', description: '', reportedBy: '' });
    const b = await core.handlers['cases.create']({ title: 'B', customer: 'Acme', plan: 'Gold', severity: 'P2', description: '', reportedBy: '' });
    await core.runtime.idle();

    const result = await dispatch(core.handlers, 'settings.update', { policy: settings.policy }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(`used by open cases ${a.id}, ${b.id}`) } });
    expect(result.ok ? '' : result.error.message).toMatch(/plan "Gold" would be removed/);
    expect((await core.handlers['settings.get']({})).policy.plans.map((plan) => plan.id)).toEqual(['standard', 'premium', 'gold']);

    // the cases still run their clocks: the P1's initial response (8 business hours) falls due and is notified
    await core.handlers['cases.act']({ id: b.id, command: acknowledge });
    await advance(3 * 24 * HOUR);
    expect(kinds()).toContain(`${a.id}:initialResponseOverdue`);
  });

  it('refuses a policy that takes away the calendar of a plan in use, naming the calendar', async () => {
    const { core } = await boot();
    const settings = await core.handlers['settings.get']({});
    const gold = withGold(settings.policy);
    await core.handlers['settings.update']({ policy: gold });
    const { id } = await core.handlers['cases.create']({ title: 'A', customer: 'Acme', plan: 'gold', severity: 'P3', description: '', reportedBy: '' });
    const broken = structuredClone(gold);
    broken.calendars = broken.calendars.filter((calendar) => calendar.id !== 'gold-hours');
    const result = await dispatch(core.handlers, 'settings.update', { policy: broken }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('gold-hours') } });
    expect((await core.handlers['settings.get']({})).policy.calendars.map((calendar) => calendar.id)).toContain('gold-hours');
    expect(core.cases.openCase(id)).toBeDefined();
  });

  it('allows removing a plan once no open case uses it', async () => {
    const { core } = await boot();
    const settings = await core.handlers['settings.get']({});
    await core.handlers['settings.update']({ policy: withGold(settings.policy) });
    const saved = await core.handlers['settings.update']({ policy: settings.policy });
    expect(saved.policy.plans.map((plan) => plan.id)).toEqual(['standard', 'premium']);
  });
});

describe('creating a case', () => {
  it('with a plan that is not in the settings is a validation error naming the plan, and uses no case number', async () => {
    const { core } = await boot();
    const result = await dispatch(core.handlers, 'cases.create', { title: 'x', customer: 'y', plan: 'platinum' }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/no plan "platinum".*Standard, Premium/), issues: [{ path: 'plan' }] } });
    const created = await core.handlers['cases.create']({ title: 'x', customer: 'y', plan: 'standard', description: '', reportedBy: '' });
    expect(created.id).toBe('RD-1001');
  });

  it('refused by the rules (logged in the future) uses no case number', async () => {
    const { core } = await boot();
    const result = await dispatch(core.handlers, 'cases.create', { title: 'x', customer: 'y', plan: 'standard', loggedAt: '2027-01-01T00:00:00Z' }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'loggedAt' }] } });
    const created = await core.handlers['cases.create']({ title: 'x', customer: 'y', plan: 'standard', description: '', reportedBy: '' });
    expect(created.id).toBe('RD-1001');
  });
});

describe('the event bus', () => {
  it('keeps calling the other listeners when one throws, and logs the failure', () => {
    const logged: string[] = [];
    const bus = new EventBus((message) => logged.push(message));
    const seen: string[] = [];
    bus.on('reviews.changed', () => seen.push('first'));
    bus.on('reviews.changed', () => {
      throw new Error('boom');
    });
    bus.on('reviews.changed', () => seen.push('third'));
    bus.emit('reviews.changed', { caseId: 'RD-1001', version: 1, status: 'draft', revision: 1 });
    expect(seen).toEqual(['first', 'third']);
    expect(logged).toEqual(['a listener of reviews.changed failed']);
  });
});
