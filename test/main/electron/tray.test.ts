import { BrowserWindow, Menu, Tray, app, resetElectron } from '../electron-mock';
import type { Attention } from '../../../src-shared/contract';
import { createDeskTray } from '../../../src-main/electron/tray';

const NOW = Date.parse('2026-11-26T10:00:00.000Z');
const attention: Attention = {
  overdueCount: 1,
  urgent: [
    { caseId: 'RD-1001', title: 'Payments down', severity: 'P1', due: 'initialResponse', dueAt: '2026-11-26T09:40:00.000Z', overdue: true },
    { caseId: 'RD-1002', title: 'Slow search', severity: 'P3', due: 'customerUpdate', dueAt: '2026-11-26T12:00:00.000Z', overdue: false },
  ],
  snoozed: [],
};

function setup() {
  const opened: string[] = [];
  const shown: string[] = [];
  const tray = createDeskTray({ openCase: (id) => opened.push(id), showWindow: () => shown.push('window'), quit: () => undefined, now: () => NOW });
  const icon = Tray.created.at(-1)!;
  const labels = () => (icon.menu as Menu).items.map((item) => item.label ?? `(${item.type})`);
  return { tray, icon, opened, shown, labels };
}

describe('the tray and the badge', () => {
  it('shows the overdue count in the tooltip, the menu and the badge', () => {
    const { tray, icon, labels } = setup();
    tray.update(attention);
    expect(icon.tooltip).toBe('Response Desk: 1 overdue');
    expect(labels()[0]).toBe('1 overdue');
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(1);
  });

  it('lists the most urgent items, each naming the case, its severity and what is due', () => {
    const { tray, labels } = setup();
    tray.update(attention);
    expect(labels()).toEqual([
      '1 overdue',
      '(separator)',
      'P1 RD-1001 Payments down — initial response overdue 20 min',
      'P3 RD-1002 Slow search — customer update due in 2 h',
      '(separator)',
      'Open Response Desk',
      'Quit',
    ]);
  });

  it('opens the case when its menu item is clicked', () => {
    const { tray, icon, opened } = setup();
    tray.update(attention);
    (icon.menu as Menu).items.find((item) => item.label?.includes('RD-1002'))?.click?.();
    expect(opened).toEqual(['RD-1002']);
  });

  it('clears the badge when nothing is overdue', () => {
    const { tray, icon } = setup();
    tray.update({ overdueCount: 0, urgent: [], snoozed: [] });
    expect(icon.tooltip).toBe('Response Desk: nothing overdue');
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(0);
  });
});

describe('the tray and the badge per system', () => {
  afterEach(() => resetElectron());

  it('ignores an update that arrives after the tray was destroyed, as it is while quitting', () => {
    const { tray, icon } = setup();
    tray.destroy();
    expect(icon.isDestroyed()).toBe(true);
    expect(() => icon.setToolTip('x')).toThrow('Tray is destroyed');
    expect(() => tray.update(attention)).not.toThrow();
  });

  it('shows the count as the Dock or launcher badge on macOS and Linux', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      resetElectron({ platform });
      setup().tray.update(attention);
      expect(app.badgeCount).toBe(1);
    }
  });

  it('shows the count as an overlay icon on the taskbar button on Windows, where the badge does nothing', () => {
    resetElectron({ platform: 'win32' });
    const window = new BrowserWindow({ show: false });
    const tray = createDeskTray({ openCase: () => undefined, showWindow: () => undefined, quit: () => undefined, now: () => NOW, window: () => window as never });
    tray.update(attention);
    expect(app.setBadgeCount(1)).toBe(false);
    expect(window.overlay?.description).toBe('1 overdue');
    tray.update({ overdueCount: 0, urgent: [], snoozed: [] });
    expect(window.overlay).toBeNull();
  });
});
