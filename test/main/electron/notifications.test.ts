import { Notification } from '../electron-mock';
import type { DeskNotification } from '../../../src-shared/contract';
import { createElectronNotifier } from '../../../src-main/electron/notifications';

const note = (severity: 'P1' | 'P3', urgency: 'critical' | 'normal'): DeskNotification => ({
  id: `n-${severity}`,
  caseId: 'RD-1001',
  severity,
  kind: 'initialResponseOverdue',
  title: `${severity} · RD-1001 Payments down`,
  body: 'Initial response overdue by 5 min.',
  at: '2026-11-26T10:00:00.000Z',
  urgency,
});

describe('desktop notifications in Electron', () => {
  beforeEach(() => {
    Notification.shown.length = 0;
  });

  it('shows P1 with critical urgency, kept on screen, and the others with normal urgency', () => {
    const notifier = createElectronNotifier({ openCase: () => undefined, log: () => undefined });
    notifier.notify(note('P1', 'critical'));
    notifier.notify(note('P3', 'normal'));
    expect(Notification.shown.map((n) => [n.options.urgency, n.options.timeoutType])).toEqual([
      ['critical', 'never'],
      ['normal', 'default'],
    ]);
    expect(Notification.shown[0]?.options).toMatchObject({ title: 'P1 · RD-1001 Payments down', body: 'Initial response overdue by 5 min.' });
  });

  it('opens the case when the notification is clicked', () => {
    const opened: string[] = [];
    const notifier = createElectronNotifier({ openCase: (id) => opened.push(id), log: () => undefined });
    notifier.notify(note('P1', 'critical'));
    Notification.shown[0]?.emit('click');
    expect(opened).toEqual(['RD-1001']);
  });

  it('says so in the log when the desktop cannot show notifications', () => {
    const logged: string[] = [];
    const supported = vi.spyOn(Notification, 'isSupported').mockReturnValue(false);
    createElectronNotifier({ openCase: () => undefined, log: (m) => logged.push(m) }).notify(note('P3', 'normal'));
    supported.mockRestore();
    expect(Notification.shown).toEqual([]);
    expect(logged).toEqual(['desktop notifications are not supported here; n-P3 is only in the console']);
  });
});
