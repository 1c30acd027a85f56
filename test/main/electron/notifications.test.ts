import { Notification, mockEnv, resetElectron } from '../electron-mock';
import type { DeskNotification } from '../../../src-shared/contract';
import { caseFromActivation, createElectronNotifier, windowsToastXml } from '../../../src-main/electron/notifications';

const note = (severity: 'P1' | 'P3', urgency: 'critical' | 'normal', caseId = 'RD-1001'): DeskNotification => ({
  id: `n-${severity}`,
  caseId,
  severity,
  kind: 'initialResponseOverdue',
  title: `${severity} · ${caseId} Payments <down> & out`,
  body: 'Initial response overdue by 5 min.',
  at: '2026-11-26T10:00:00.000Z',
  urgency,
});

describe('desktop notifications in Electron', () => {
  beforeEach(() => resetElectron({ platform: 'linux' }));
  afterAll(() => resetElectron());

  it('shows P1 with critical urgency, kept on screen, and the others with normal urgency', () => {
    const notifier = createElectronNotifier({ openCase: () => undefined, log: () => undefined });
    notifier.notify(note('P1', 'critical'));
    notifier.notify(note('P3', 'normal'));
    expect(Notification.shown.map((n) => [n.options.urgency, n.options.timeoutType])).toEqual([
      ['critical', 'never'],
      ['normal', 'default'],
    ]);
    expect(Notification.shown[0]?.options).toMatchObject({ title: 'P1 · RD-1001 Payments <down> & out', body: 'Initial response overdue by 5 min.' });
  });

  it('opens the case when the notification is clicked, also after it closed (a timed-out banner clicked in the notification centre)', () => {
    const opened: string[] = [];
    const notifier = createElectronNotifier({ openCase: (id) => opened.push(id), log: () => undefined });
    notifier.notify(note('P1', 'critical'));
    const shown = Notification.shown[0]!;
    shown.close();
    shown.emit('click');
    expect(opened).toEqual(['RD-1001']);
  });

  it('says so in the log when the desktop cannot show notifications', () => {
    const logged: string[] = [];
    mockEnv.notificationsSupported = false;
    createElectronNotifier({ openCase: () => undefined, log: (m) => logged.push(m) }).notify(note('P3', 'normal'));
    expect(Notification.shown).toEqual([]);
    expect(logged).toEqual(['desktop notifications are not supported here; n-P3 is only in the console']);
  });

  it("logs a notification the system failed to show ('failed' on macOS and Windows)", async () => {
    resetElectron({ platform: 'darwin' });
    mockEnv.notificationFailure = 'Notifications are turned off for Response Desk';
    const logged: string[] = [];
    createElectronNotifier({ openCase: () => undefined, log: (m) => logged.push(m) }).notify(note('P1', 'critical'));
    await vi.waitFor(() => expect(logged).toEqual(['the desktop could not show the notification for RD-1001: Notifications are turned off for Response Desk']));
  });
});

describe('notifications on Windows', () => {
  beforeEach(() => resetElectron({ platform: 'win32' }));
  afterAll(() => resetElectron());

  it('carries the case in the toast, so a click from the Action Center opens it after the toast timed out', () => {
    const opened: string[] = [];
    createElectronNotifier({ openCase: (id) => opened.push(id), log: () => undefined }).notify(note('P3', 'normal', 'RD-1042'));
    const shown = Notification.shown[0]!;
    shown.close(); // the toast timed out into the Action Center
    const xml = String(shown.options.toastXml);
    const launch = /launch="([^"]*)"/.exec(xml)?.[1]?.replace(/&amp;/g, '&') ?? '';
    Notification.activate({ type: 'click', arguments: launch });
    expect(opened).toEqual(['RD-1042']);
  });

  it('escapes the title and body into the toast XML and keeps P1 on screen', () => {
    const xml = windowsToastXml(note('P1', 'critical'));
    expect(xml).toContain('<text>P1 · RD-1001 Payments &lt;down&gt; &amp; out</text>');
    expect(xml).toContain('scenario="reminder"');
    expect(windowsToastXml(note('P3', 'normal'))).not.toContain('scenario=');
  });

  it('ignores activations that name no case', () => {
    expect(caseFromActivation('')).toBeUndefined();
    expect(caseFromActivation('something-else')).toBeUndefined();
    expect(caseFromActivation('response-desk:open-case?id=%E0%A4%A')).toBeUndefined();
    expect(caseFromActivation('response-desk:open-case?id=RD-7')).toBe('RD-7');
  });
});
