import { createCore } from '../../../src-main/core/core';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';
import { createMemoryCaseStore, createMemoryDocument } from '../../../src-main/core/testing/memory-store';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';
import { foldCase } from '../../../src-shared/domain';

async function core() {
  const clock = createManualClock('2026-11-26T10:00:00.000Z');
  const store = createMemoryCaseStore();
  const c = await createCore({
    host: 'browser', version: 't', dataDir: '/tmp', clock, store,
    settingsFile: createMemoryDocument({ ...DEFAULT_SETTINGS, engineerName: 'Ana' }),
  });
  return { c, clock, store };
}

const ack = { type: 'acknowledge', checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it.', nextSteps: 'Collect the logs.' } as const;

describe('case commands in the core', () => {
  it('logs a case without severity as P3, owned by and recorded as the engineer', async () => {
    const { c } = await core();
    const record = await c.handlers['cases.create']({ title: 'Slow search', customer: 'Acme', plan: 'standard', description: '', reportedBy: '' });
    const state = foldCase(record);
    expect(state.severity).toBe('P3');
    expect(state.severityDefaulted).toBe(true);
    expect(record.events[0]?.actor).toBe('Ana');
    expect(state.owner).toBe('Ana');
  });

  it('logs a case for another owner, or for nobody yet, when the form names one; still recorded as the engineer', async () => {
    const { c } = await core();
    const handed = await c.handlers['cases.create']({ title: 'Slow search', customer: 'Acme', plan: 'standard', description: '', reportedBy: '', owner: 'Ben Ode' });
    const queued = await c.handlers['cases.create']({ title: 'Slow login', customer: 'Acme', plan: 'standard', description: '', reportedBy: '', owner: '' });
    expect([foldCase(handed).owner, foldCase(queued).owner]).toEqual(['Ben Ode', null]);
    expect([handed.events[0]?.actor, queued.events[0]?.actor]).toEqual(['Ana', 'Ana']);
  });

  it('escalates a Premium P1 to senior engineering when it is logged', async () => {
    const { c } = await core();
    const record = await c.handlers['cases.create']({ title: 'Outage', customer: 'Acme', plan: 'premium', severity: 'P1', description: '', reportedBy: '' });
    expect(record.events.map((event) => event.type)).toEqual(['logged', 'escalated']);
    expect(foldCase(record).escalationLevel).toBe('seniorEngineering');
  });

  it('refuses closing before resolution with the reason, and appends nothing', async () => {
    const { c, store } = await core();
    const { id } = await c.handlers['cases.create']({ title: 'x', customer: 'y', plan: 'standard', description: '', reportedBy: '' });
    const writes = store.writes;
    await expect(c.handlers['cases.act']({ id, command: { type: 'close', customerConfirmation: '' } })).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(/resol/i) });
    expect(store.writes).toBe(writes);
  });

  it('serializes racing commands on one case so neither is lost', async () => {
    const { c } = await core();
    const { id } = await c.handlers['cases.create']({ title: 'x', customer: 'y', plan: 'standard', description: '', reportedBy: '' });
    await c.handlers['cases.act']({ id, command: ack });
    await Promise.all([
      c.handlers['cases.act']({ id, command: { type: 'postUpdate', channel: 'email', text: 'first' } }),
      c.handlers['cases.act']({ id, command: { type: 'addNote', text: 'second' } }),
      c.handlers['cases.act']({ id, command: { type: 'postUpdate', channel: 'portal', text: 'third' } }),
    ]);
    const record = await c.handlers['cases.get']({ id });
    expect(record.events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('pushes the changed case after each command', async () => {
    const { c } = await core();
    const pushed: string[] = [];
    c.bus.on('cases.changed', ({ record }) => pushed.push(`${record.id}:${record.events.length}`));
    const { id } = await c.handlers['cases.create']({ title: 'x', customer: 'y', plan: 'standard', description: '', reportedBy: '' });
    await c.handlers['cases.act']({ id, command: ack });
    expect(pushed).toEqual([`${id}:1`, `${id}:2`]);
  });

  it('refuses a case that does not exist', async () => {
    const { c } = await core();
    await expect(c.handlers['cases.act']({ id: 'RD-9999', command: ack })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects invalid policy in settings, naming the field, and keeps the old settings', async () => {
    const { c } = await core();
    const settings = await c.handlers['settings.get']({});
    const broken = structuredClone(settings.policy);
    broken.plans[0]!.targets.P2.updateCadence.minutes = -5;
    await expect(c.handlers['settings.update']({ policy: broken })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      issues: expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^policy\.plans\.0\.targets\.P2\.updateCadence/) })]),
    });
    expect((await c.handlers['settings.get']({})).policy).toEqual(settings.policy);
  });
});
