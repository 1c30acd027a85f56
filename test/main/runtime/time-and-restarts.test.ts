import { createManualClock } from '../../../src-main/core/testing/manual-clock';
import { boot, HOUR, MINUTE, T0 } from './boot';

const at = (offsetMs: number) => new Date(Date.parse(T0) + offsetMs).toISOString();
const reminders = (kinds: string[]) => kinds.filter((kind) => !kind.endsWith(':escalated'));

describe('sleep, clock jumps and catch-up', () => {
  it('after a 3-hour sleep, fires what was missed once, on resume (monotonic time stopped)', async () => {
    const { core, clock, logCase, kinds } = await boot();
    const id = await logCase('premium', 'P1');
    clock.sleep(3 * HOUR);
    clock.advance(0);
    expect(reminders(kinds())).toEqual([]);
    core.runtime.resume();
    await core.runtime.idle();
    // Not the due-soon warning, not twelve reminders: one overdue notification.
    expect(reminders(kinds())).toEqual([`${id}:initialResponseOverdue`]);
  });

  it('after a 3-hour sleep on an OS whose monotonic time counts sleep, fires the missed ones once', async () => {
    const { core, clock, logCase, kinds } = await boot();
    const id = await logCase('premium', 'P1');
    clock.sleep(3 * HOUR, { monotonicAdvances: true });
    clock.advance(0);
    core.runtime.resume();
    await core.runtime.idle();
    expect(reminders(kinds())).toEqual([`${id}:initialResponseOverdue`]);
  });

  it('goes on reminding on the usual interval after the sleep', async () => {
    const { core, clock, logCase, shown } = await boot();
    await logCase('premium', 'P1');
    clock.sleep(3 * HOUR);
    core.runtime.resume();
    await core.runtime.idle();
    clock.advance(15 * MINUTE);
    await core.runtime.idle();
    expect(shown.filter((n) => n.kind === 'initialResponseOverdue').map((n) => n.at)).toEqual([at(3 * HOUR), at(3 * HOUR + 15 * MINUTE)]);
  });

  it('fires nothing early when the wall clock jumps back an hour; the warning comes at its wall time', async () => {
    const { clock, advance, logCase, shown } = await boot();
    await logCase('premium', 'P1');
    await advance(30 * MINUTE);
    clock.jumpWall(-HOUR);
    await advance(15 * MINUTE);
    expect(shown.filter((n) => n.kind !== 'escalated')).toEqual([]);
    await advance(60 * MINUTE);
    expect(shown.filter((n) => n.kind !== 'escalated').map((n) => [n.kind, n.at])).toEqual([['initialResponseDueSoon', at(45 * MINUTE)]]);
  });

  it('recomputes at once when the wall clock jumps forward and the host checks the clock', async () => {
    const { core, clock, logCase, kinds } = await boot();
    const id = await logCase('premium', 'P1');
    clock.jumpWall(2 * HOUR);
    expect(core.runtime.checkClock()).toBe(true);
    await core.runtime.idle();
    expect(reminders(kinds())).toEqual([`${id}:initialResponseOverdue`]);
  });

  it('catches up on start with one summary when more than three things fell due while closed', async () => {
    const first = await boot();
    for (let i = 0; i < 5; i++) await first.logCase('premium', 'P1', `Outage ${i + 1}`);
    await first.core.close();
    // 110 minutes: each initial response is 50 minutes overdue, none is escalated yet (at 2 h)
    const second = await boot({ clock: createManualClock(at(110 * MINUTE)), store: first.store, stateFile: first.stateFile });
    expect(second.shown).toHaveLength(1);
    expect(second.shown[0]).toMatchObject({ kind: 'summary', caseId: 'RD-1001', severity: 'P1', urgency: 'critical', title: '5 things need attention (worst: P1 Critical)' });
    expect(second.shown[0]!.body.split('\n')).toEqual([
      'RD-1001 P1: Initial response overdue by 50 minutes.',
      'RD-1002 P1: Initial response overdue by 50 minutes.',
      'RD-1003 P1: Initial response overdue by 50 minutes.',
      'RD-1004 P1: Initial response overdue by 50 minutes.',
      'RD-1005 P1: Initial response overdue by 50 minutes.',
    ]);
  });

  it('catches up on start one by one when three or fewer things fell due', async () => {
    const first = await boot();
    await first.logCase('premium', 'P1');
    await first.logCase('premium', 'P2');
    await first.core.close();
    const second = await boot({ clock: createManualClock(at(3 * HOUR)), store: first.store, stateFile: first.stateFile });
    // the P1 nobody acknowledged is also escalated for lack of progress (1 h target + 1 h threshold)
    expect(second.kinds()).toEqual(['RD-1001:initialResponseOverdue', 'RD-1002:initialResponseOverdue', 'RD-1001:escalated']);
  });

  it('does not notify again after a restart what was already notified; the next reminder keeps its time', async () => {
    const first = await boot();
    await first.logCase('premium', 'P1');
    await first.advance(HOUR);
    await first.core.close();
    const second = await boot({ clock: createManualClock(at(70 * MINUTE)), store: first.store, stateFile: first.stateFile });
    expect(second.shown).toEqual([]);
    await second.advance(5 * MINUTE);
    expect(second.shown.map((n) => [n.kind, n.at])).toEqual([['initialResponseOverdue', at(75 * MINUTE)]]);
  });

  it('does not notify an acknowledged case after a restart', async () => {
    const first = await boot();
    const id = await first.logCase('premium', 'P1');
    await first.advance(HOUR);
    await first.core.handlers['cases.act']({
      id,
      command: { type: 'acknowledge', checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it.', nextSteps: 'Collect the logs.' },
    });
    await first.core.close();
    const second = await boot({ clock: createManualClock(at(90 * MINUTE)), store: first.store, stateFile: first.stateFile });
    expect(second.shown.filter((n) => n.kind.startsWith('initialResponse'))).toEqual([]);
  });

  it('does not notify the logging escalation of a Premium P1 again after a restart', async () => {
    const first = await boot();
    await first.logCase('premium', 'P1');
    await first.core.close();
    const second = await boot({ clock: createManualClock(at(MINUTE)), store: first.store, stateFile: first.stateFile });
    expect(second.shown).toEqual([]);
  });
});

describe('snooze', () => {
  it('suppresses the reminders of a snoozed case until the snooze ends, then notifies what is due', async () => {
    const { core, advance, logCase, shown } = await boot();
    const id = await logCase('premium', 'P1');
    const snooze = await core.handlers['runtime.snooze']({ caseId: id, minutes: 70 });
    expect(snooze).toEqual({ caseId: id, until: at(70 * MINUTE) });
    await advance(70 * MINUTE - 1);
    expect(shown.filter((n) => n.kind !== 'escalated')).toEqual([]);
    await advance(1);
    expect(shown.filter((n) => n.kind !== 'escalated').map((n) => [n.kind, n.at])).toEqual([['initialResponseOverdue', at(70 * MINUTE)]]);
    await advance(15 * MINUTE);
    expect(shown.filter((n) => n.kind === 'initialResponseOverdue')).toHaveLength(2);
  });

  it('silences only the snoozed case', async () => {
    const { core, advance, logCase, kinds } = await boot();
    const snoozed = await logCase('premium', 'P1');
    const other = await logCase('premium', 'P1');
    await core.handlers['runtime.snooze']({ caseId: snoozed, minutes: 120 });
    await advance(HOUR);
    expect(reminders(kinds())).toEqual([`${other}:initialResponseDueSoon`, `${other}:initialResponseOverdue`]);
  });

  it('notifies what is due at once when a snooze is ended early', async () => {
    const { core, advance, logCase, shown } = await boot();
    const id = await logCase('premium', 'P1');
    await core.handlers['runtime.snooze']({ caseId: id, minutes: 120 });
    await advance(50 * MINUTE);
    await core.handlers['runtime.unsnooze']({ caseId: id });
    await advance(0);
    expect(shown.filter((n) => n.kind !== 'escalated').map((n) => [n.kind, n.at])).toEqual([['initialResponseDueSoon', at(50 * MINUTE)]]);
  });

  it('keeps a snooze across a restart', async () => {
    const first = await boot();
    const id = await first.logCase('premium', 'P1');
    await first.core.handlers['runtime.snooze']({ caseId: id, minutes: 100 });
    await first.core.close();
    const second = await boot({ clock: createManualClock(at(90 * MINUTE)), store: first.store, stateFile: first.stateFile });
    expect(second.shown).toEqual([]);
    expect((await second.core.handlers['runtime.status']({})).snoozed).toEqual([{ caseId: id, until: at(100 * MINUTE) }]);
    await second.advance(10 * MINUTE);
    expect(second.kinds()).toEqual([`${id}:initialResponseOverdue`]);
  });

  it('refuses to snooze a case that is not open, naming it', async () => {
    const { core } = await boot();
    await expect(core.handlers['runtime.snooze']({ caseId: 'RD-4242', minutes: 10 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Open case RD-4242 does not exist.' });
  });
});
