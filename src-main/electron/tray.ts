import { Menu, Tray, app, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { Attention, UrgentItem } from '../../src-shared/contract';
import { formatMinutes } from '../core/runtime';

export interface DeskTrayDeps {
  readonly openCase: (caseId: string) => void;
  readonly showWindow: () => void;
  readonly quit: () => void;
  readonly now: () => number;
}

export interface DeskTray {
  update(attention: Attention): void;
  destroy(): void;
}

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

/** The tray icon and the dock/taskbar badge: the overdue count and the five most urgent items. */
export function createDeskTray(deps: DeskTrayDeps): DeskTray {
  const tray = new Tray(nativeImage.createFromDataURL(ICON));
  tray.on('click', deps.showWindow);
  const update = (attention: Attention) => {
    tray.setToolTip(trayTooltip(attention));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenu(attention, deps)));
    app.setBadgeCount(attention.overdueCount);
  };
  return { update, destroy: () => tray.destroy() };
}
