import { foldCase } from '../../../src-shared/domain';
import type { CaseStore } from '../../../src-main/core/ports';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';
import { acknowledge, boot, HOUR, T0, update } from './boot';

const at = (offsetMs: number) => new Date(Date.parse(T0) + offsetMs).toISOString();

async function escalationsOf(store: CaseStore, id: string) {
  const record = await store.get(id);
  return foldCase(record!).escalations.map((e) => ({ trigger: e.trigger, level: e.level, actor: e.actor, cycle: e.cycle }));
}

describe('automatic escalation', () => {
  it('notifies the escalation of a Premium P1 to senior engineering when it is logged, as critical', async () => {
    const { logCase, shown, store } = await boot();
    const id = await logCase('premium', 'P1', 'Checkout outage');
    expect(await escalationsOf(store, id)).toEqual([{ trigger: 'automatic', level: 'seniorEngineering', actor: 'system', cycle: 1 }]);
    expect(shown).toEqual([
      expect.objectContaining({
        caseId: id,
        kind: 'escalated',
        urgency: 'critical',
        title: `P1 Critical · ${id} Checkout outage`,
        body: 'Escalated to senior engineering automatically under the Premium plan.',
      }),
    ]);
  });

  it('notifies the automatic escalation when a Premium case is raised to P1', async () => {
    const { core, logCase, shown } = await boot();
    const id = await logCase('premium', 'P3');
    await core.handlers['cases.act']({ id, command: { type: 'adjustSeverity', to: 'P1', reason: 'Production is down', businessImpact: '' } });
    await core.runtime.idle();
    expect(shown.filter((n) => n.kind === 'escalated').map((n) => [n.caseId, n.severity])).toEqual([[id, 'P1']]);
  });

  it('escalates to senior engineering when the lack-of-progress clock falls due, as "system", and notifies it', async () => {
    const { core, advance, logCase, shown, store } = await boot();
    const id = await logCase('premium', 'P2');
    await core.handlers['cases.act']({ id, command: acknowledge });
    // Premium P2: update every 4 h; lack of progress is due 8 h after the last update.
    await advance(8 * HOUR - 1);
    expect(await escalationsOf(store, id)).toEqual([]);
    await advance(1);
    expect(await escalationsOf(store, id)).toEqual([{ trigger: 'lackOfProgress', level: 'seniorEngineering', actor: 'system', cycle: 1 }]);
    const escalated = (await store.get(id))!.events.at(-1)!;
    expect(escalated).toMatchObject({ type: 'escalated', at: at(8 * HOUR) });
    expect(shown.filter((n) => n.kind === 'escalated')).toEqual([
      expect.objectContaining({ caseId: id, body: 'Escalated to senior engineering for lack of progress.', at: at(8 * HOUR) }),
    ]);
  });

  it('escalates once per lack-of-progress period, then to management, then no further', async () => {
    const { core, advance, logCase, store } = await boot();
    const id = await logCase('premium', 'P2');
    await core.handlers['cases.act']({ id, command: acknowledge });
    await advance(8 * HOUR);
    await advance(16 * HOUR);
    expect((await escalationsOf(store, id)).map((e) => e.level)).toEqual(['seniorEngineering']);
    await core.handlers['cases.act']({ id, command: update() });
    await advance(8 * HOUR);
    await advance(16 * HOUR);
    expect((await escalationsOf(store, id)).map((e) => e.level)).toEqual(['seniorEngineering', 'management']);
    await core.handlers['cases.act']({ id, command: update() });
    await advance(24 * HOUR);
    expect((await escalationsOf(store, id)).map((e) => e.level)).toEqual(['seniorEngineering', 'management']);
  });

  it('goes straight to management when the cycle already reached senior engineering (Premium P1)', async () => {
    const { core, advance, logCase, store } = await boot();
    const id = await logCase('premium', 'P1');
    await core.handlers['cases.act']({ id, command: acknowledge });
    await advance(2 * HOUR);
    expect((await escalationsOf(store, id)).map((e) => `${e.trigger}:${e.level}`)).toEqual(['automatic:seniorEngineering', 'lackOfProgress:management']);
  });

  it('does not escalate for lack of progress when an update is posted in time', async () => {
    const { core, advance, logCase, store } = await boot();
    const id = await logCase('premium', 'P2');
    await core.handlers['cases.act']({ id, command: acknowledge });
    await advance(7 * HOUR);
    await core.handlers['cases.act']({ id, command: update() });
    await advance(7 * HOUR);
    expect(await escalationsOf(store, id)).toEqual([]);
  });

  it('escalates a missed lack-of-progress once, even across restarts', async () => {
    const first = await boot();
    const id = await first.logCase('premium', 'P2');
    await first.core.handlers['cases.act']({ id, command: acknowledge });
    await first.advance(HOUR);
    await first.core.close();

    const second = await boot({ clock: createManualClock(at(9 * HOUR)), store: first.store, stateFile: first.stateFile });
    expect(await escalationsOf(first.store, id)).toEqual([{ trigger: 'lackOfProgress', level: 'seniorEngineering', actor: 'system', cycle: 1 }]);
    expect(second.shown.filter((n) => n.kind === 'escalated')).toHaveLength(1);
    await second.core.close();

    const third = await boot({ clock: createManualClock(at(10 * HOUR)), store: first.store, stateFile: first.stateFile });
    await third.advance(HOUR);
    expect(await escalationsOf(first.store, id)).toHaveLength(1);
    expect(third.shown.filter((n) => n.kind === 'escalated')).toEqual([]);
  });

  it('starts a new lack-of-progress period in a reopened cycle', async () => {
    const { core, advance, logCase, store } = await boot();
    const id = await logCase('premium', 'P2');
    await core.handlers['cases.act']({ id, command: acknowledge });
    await advance(9 * HOUR);
    await core.handlers['cases.act']({ id, command: { type: 'resolve', criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed.' } });
    await core.handlers['cases.act']({ id, command: { type: 'reopen', reason: 'It came back.' } });
    await advance(9 * HOUR);
    expect(await escalationsOf(store, id)).toEqual([
      { trigger: 'lackOfProgress', level: 'seniorEngineering', actor: 'system', cycle: 1 },
      { trigger: 'lackOfProgress', level: 'seniorEngineering', actor: 'system', cycle: 2 },
    ]);
  });

  it('escalates a case nobody acknowledged once its initial-response target plus the lack-of-progress threshold has passed', async () => {
    const { advance, logCase, shown, store } = await boot();
    const id = await logCase('premium', 'P2');
    // Premium P2: initial response within 2 h; the lack-of-progress threshold (its cadence) is 4 h more.
    await advance(6 * HOUR - 1);
    expect(await escalationsOf(store, id)).toEqual([]);
    await advance(1);
    expect(await escalationsOf(store, id)).toEqual([{ trigger: 'lackOfProgress', level: 'seniorEngineering', actor: 'system', cycle: 1 }]);
    const escalated = (await store.get(id))!.events.at(-1)!;
    expect(escalated).toMatchObject({ type: 'escalated', at: at(6 * HOUR) });
    expect(escalated.type === 'escalated' && escalated.data.justification).toBe(
      'Nobody acknowledged the case in the 6 hours since it was logged: past its initial-response target and the lack-of-progress threshold.',
    );
    expect(shown.filter((n) => n.kind === 'escalated')).toEqual([expect.objectContaining({ caseId: id, body: 'Escalated to senior engineering for lack of progress.' })]);
    await advance(24 * HOUR);
    expect(await escalationsOf(store, id)).toHaveLength(1);
  });

  it('escalates an unacknowledged case on the business calendar: a Standard P3 logged Thursday 11:00 escalates the next Wednesday, 11:00', async () => {
    const { advance, logCase, store } = await boot();
    const id = await logCase('standard', 'P3');
    // Europe/Berlin 09:00-17:00: 24 business hours from Thu 11:00 reach Tue 11:00, one business day more Wed 11:00 (10:00Z).
    const due = Date.parse('2026-12-02T10:00:00.000Z') - Date.parse(T0);
    await advance(due - 1);
    expect(await escalationsOf(store, id)).toEqual([]);
    await advance(1);
    expect((await escalationsOf(store, id)).map((e) => e.trigger)).toEqual(['lackOfProgress']);
  });

  it('does not escalate an unacknowledged case once it is acknowledged in time for its threshold', async () => {
    const { core, advance, logCase, store } = await boot();
    const id = await logCase('premium', 'P2');
    await advance(5 * HOUR);
    await core.handlers['cases.act']({ id, command: acknowledge });
    await advance(2 * HOUR);
    expect(await escalationsOf(store, id)).toEqual([]);
  });

  it('escalates an unacknowledged Premium P1, already with senior engineering, to management', async () => {
    const { advance, logCase, store } = await boot();
    const id = await logCase('premium', 'P1');
    // Premium P1: 1 h initial response, 2 h threshold.
    await advance(3 * HOUR);
    expect((await escalationsOf(store, id)).map((e) => `${e.trigger}:${e.level}`)).toEqual(['automatic:seniorEngineering', 'lackOfProgress:management']);
  });
});
