import { DEFAULT_SETTINGS } from '../../../src-shared/settings';
import { acknowledge, boot, HOUR, MINUTE, T0, DAY } from './boot';

const at = (offsetMs: number) => new Date(Date.parse(T0) + offsetMs).toISOString();

describe('deadlines armed from every open case', () => {
  it('warns 15 minutes before a Premium P1 initial response is due, then says it is overdue', async () => {
    const { advance, logCase, shown } = await boot();
    const id = await logCase('premium', 'P1', 'Payments down');
    await advance(45 * MINUTE - 1);
    expect(shown.map((n) => n.kind)).toEqual(['escalated']);
    await advance(1);
    expect(shown.at(-1)).toMatchObject({
      caseId: id,
      kind: 'initialResponseDueSoon',
      severity: 'P1',
      title: `P1 Critical · ${id} Payments down`,
      body: 'Initial response due in 15 minutes.',
      at: at(45 * MINUTE),
    });
    await advance(15 * MINUTE);
    expect(shown.at(-1)).toMatchObject({ kind: 'initialResponseOverdue', at: at(HOUR), body: 'Initial response is due now.' });
  });

  it('gives P1 notifications critical urgency and the others normal urgency', async () => {
    const { advance, logCase, shown } = await boot();
    await logCase('premium', 'P1');
    await logCase('premium', 'P2');
    await advance(2 * HOUR);
    const bySeverity = (severity: string) => new Set(shown.filter((n) => n.severity === severity).map((n) => n.urgency));
    expect(bySeverity('P1')).toEqual(new Set(['critical']));
    expect(bySeverity('P2')).toEqual(new Set(['normal']));
  });

  it('uses the lead time of the severity: 30 minutes for P2, 2 hours for P3', async () => {
    const { advance, logCase, shown } = await boot();
    await logCase('premium', 'P2');
    await logCase('premium', 'P3');
    await advance(4 * HOUR);
    const soon = shown.filter((n) => n.kind === 'initialResponseDueSoon').map((n) => [n.severity, n.at]);
    // Premium P2 is due after 2 h, P3 after 4 h.
    expect(soon).toEqual([
      ['P2', at(90 * MINUTE)],
      ['P3', at(2 * HOUR)],
    ]);
  });

  it('reminds every 15 minutes while a P1 initial response stays overdue', async () => {
    const { advance, logCase, shown } = await boot();
    await logCase('premium', 'P1');
    await advance(HOUR + 45 * MINUTE);
    expect(shown.filter((n) => n.kind === 'initialResponseOverdue').map((n) => n.at)).toEqual([at(HOUR), at(75 * MINUTE), at(90 * MINUTE), at(105 * MINUTE)]);
  });

  it('reminds every 2 hours while a P3 initial response stays overdue', async () => {
    const { advance, logCase, shown } = await boot();
    await logCase('premium', 'P3');
    await advance(9 * HOUR);
    expect(shown.filter((n) => n.kind === 'initialResponseOverdue').map((n) => n.at)).toEqual([at(4 * HOUR), at(6 * HOUR), at(8 * HOUR)]);
  });

  it('notifies nothing more about the initial response once the case is acknowledged', async () => {
    const { core, advance, logCase, shown } = await boot();
    const id = await logCase('premium', 'P1');
    await advance(HOUR);
    await core.handlers['cases.act']({ id, command: acknowledge });
    await advance(DAY);
    const afterAck = shown.filter((n) => Date.parse(n.at) > Date.parse(T0) + HOUR);
    expect(afterAck.some((n) => n.kind.startsWith('initialResponse'))).toBe(false);
  });

  it('warns before the customer update is due and reminds while it is overdue, until an update is posted', async () => {
    const { core, advance, logCase, shown } = await boot();
    const id = await logCase('premium', 'P1');
    await core.handlers['cases.act']({ id, command: acknowledge });
    await advance(75 * MINUTE);
    expect(shown.filter((n) => n.kind.startsWith('update')).map((n) => [n.kind, n.at])).toEqual([
      ['updateDueSoon', at(45 * MINUTE)],
      ['updateOverdue', at(HOUR)],
      ['updateOverdue', at(75 * MINUTE)],
    ]);
    await core.handlers['cases.act']({ id, command: { type: 'postUpdate', channel: 'portal', text: 'Still on it.' } });
    const before = shown.length;
    await advance(30 * MINUTE);
    expect(shown.slice(before)).toEqual([]);
  });

  it('arms nothing while the case waits on the customer', async () => {
    const { core, advance, logCase, shown } = await boot();
    const id = await logCase('premium', 'P2');
    await core.handlers['cases.act']({ id, command: acknowledge });
    await core.handlers['cases.act']({ id, command: { type: 'requestInformation', text: 'Logs, please.' } });
    await advance(3 * DAY);
    expect(shown.filter((n) => n.caseId === id)).toEqual([]);
  });

  it('fires a 30-day deadline at its time, though a timer can wait at most about 24.8 days', async () => {
    const settings = structuredClone({ ...DEFAULT_SETTINGS, engineerName: 'Ana' });
    settings.policy.plans.find((plan) => plan.id === 'premium')!.targets.P4.initialResponse = { minutes: 30 * 24 * 60, calendar: '24x7' };
    const { advance, logCase, shown } = await boot({ settings });
    await logCase('premium', 'P4');
    await advance(29 * DAY);
    expect(shown).toEqual([]);
    await advance(DAY);
    expect(shown.map((n) => [n.kind, n.at])).toEqual([
      ['initialResponseDueSoon', at(30 * DAY - 2 * HOUR)],
      ['initialResponseOverdue', at(30 * DAY)],
    ]);
  });

  it('re-arms every case when the notification settings change', async () => {
    const { core, advance, logCase, shown } = await boot();
    await logCase('premium', 'P1');
    const settings = await core.handlers['settings.get']({});
    await core.handlers['settings.update']({ notifications: { ...settings.notifications, leadMinutes: { ...settings.notifications.leadMinutes, P1: 40 } } });
    await advance(HOUR);
    expect(shown.find((n) => n.kind === 'initialResponseDueSoon')?.at).toBe(at(20 * MINUTE));
  });

  it('notifies a review action item once, when it falls due', async () => {
    let items = [{ caseId: 'RD-1001', itemId: 'a1', title: 'Add a disk alert', dueAt: at(3 * HOUR) }];
    const { advance, logCase, shown, core } = await boot({ extra: { actionItems: () => items } });
    await logCase('premium', 'P4');
    await core.runtime.refreshActionItems();
    await advance(4 * HOUR);
    const due = shown.filter((n) => n.kind === 'actionItemDue');
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ caseId: 'RD-1001', at: at(3 * HOUR), body: 'Review action item due: Add a disk alert.' });
    items = [];
    await core.runtime.refreshActionItems();
    await advance(DAY);
    expect(shown.filter((n) => n.kind === 'actionItemDue')).toHaveLength(1);
  });

  it('keeps the most recent notifications for a page that connects later, newest first', async () => {
    const { core, advance, logCase, shown } = await boot();
    await logCase('premium', 'P1');
    await advance(HOUR);
    const recent = await core.handlers['notifications.list']({});
    expect(recent.map((n) => n.id)).toEqual([...shown].reverse().map((n) => n.id));
  });

  it('pushes every notification to attached pages', async () => {
    const { core, advance, logCase, shown } = await boot();
    const pushed: string[] = [];
    core.bus.on('notifications.new', ({ notification }) => pushed.push(notification.id));
    await logCase('premium', 'P1');
    await advance(HOUR);
    expect(pushed).toEqual(shown.map((n) => n.id));
    expect(pushed.length).toBeGreaterThan(0);
  });
});
