import { Menu, Tray, app, nativeImage, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Attention, UrgentItem } from '../../src-shared/contract';
import { formatMinutes } from '../core/runtime';

export interface DeskTrayDeps {
  readonly openCase: (caseId: string) => void;
  readonly showWindow: () => void;
  readonly quit: () => void;
  readonly now: () => number;
  /** The console window: on Windows the overdue count is its taskbar button's overlay icon. */
  readonly window?: () => BrowserWindow | null;
}

export interface DeskTray {
  update(attention: Attention): void;
  refreshBadge(): void;
  destroy(): void;
}

// A 16x16 red dot: the taskbar overlay on Windows, where setBadgeCount does nothing.
const OVERLAY = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAN0lEQVR42mNgoAW4o6b2HxumSDNRhhDSjNcQYjVjNYRUzRiGjBpABQMojkaqJCSqJGWqZCZSAQASKE/UCaPI8AAAAABJRU5ErkJggg==';

// A 16x16 filled circle: the tray needs an image and the console ships no icon file yet.
const ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAN0lEQVR42mNgoAVQCT/6HxumSDNRhhDSjNcQYjVjNYRUzRiGjBpABQMojkaqJCSqJGWqZCZSAQD/GF50kjxUqgAAAABJRU5ErkJggg==';

function itemLabel(item: UrgentItem, now: number): string {
  const what = item.due === 'initialResponse' ? 'initial response' : 'customer update';
  const minutes = (Date.parse(item.dueAt) - now) / 60_000;
  const when = item.overdue ? `overdue ${formatMinutes(-minutes)}` : `due in ${formatMinutes(minutes)}`;
  return `${item.severity} ${item.caseId} ${item.title} — ${what} ${when}`;
}

export function trayTooltip(attention: Attention): string {
  return attention.overdueCount === 0 ? 'Response Desk: nothing overdue' : `Response Desk: ${attention.overdueCount} overdue`;
}

export function trayMenu(attention: Attention, deps: DeskTrayDeps): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = attention.urgent.map((item) => ({ label: itemLabel(item, deps.now()), click: () => deps.openCase(item.caseId) }));
  return [
    { label: attention.overdueCount === 0 ? 'Nothing overdue' : `${attention.overdueCount} overdue`, enabled: false },
    ...(items.length > 0 ? [{ type: 'separator' as const }, ...items] : []),
    { type: 'separator' },
    { label: 'Open Response Desk', click: deps.showWindow },
    { label: 'Quit', click: deps.quit },
  ];
}

/**
 * The overdue count where the system shows one: the Dock badge on macOS, the launcher badge on
 * Linux (docks that support the LauncherEntry API, matched by desktopName), and on Windows,
 * where setBadgeCount does nothing, an overlay icon on the taskbar button with the count as
 * its accessible description.
 */
export function showOverdueCount(count: number, window: BrowserWindow | null): void {
  if (process.platform !== 'win32') {
    app.setBadgeCount(count);
    return;
  }
  if (!window || window.isDestroyed()) return;
  window.setOverlayIcon(count === 0 ? null : nativeImage.createFromDataURL(OVERLAY), count === 0 ? '' : `${count} overdue`);
}

/** The tray icon and the dock/taskbar badge: the overdue count and the five most urgent items. */
export function createDeskTray(deps: DeskTrayDeps): DeskTray {
  const tray = new Tray(nativeImage.createFromDataURL(ICON));
  tray.on('click', deps.showWindow);
  let last: Attention | undefined;
  const update = (attention: Attention) => {
    last = attention;
    // An update that arrives while quitting finds the tray gone: nothing is left to show it on.
    if (tray.isDestroyed()) return;
    tray.setToolTip(trayTooltip(attention));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenu(attention, deps)));
    showOverdueCount(attention.overdueCount, deps.window?.() ?? null);
  };
  return {
    update,
    /** A re-created window gets the overlay again (Windows keeps it per window). */
    refreshBadge: () => {
      if (last && !tray.isDestroyed()) showOverdueCount(last.overdueCount, deps.window?.() ?? null);
    },
    destroy: () => {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
