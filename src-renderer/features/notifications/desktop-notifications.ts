import type { DeskNotification } from '../../../src-shared/contract';

export type DesktopPermission = 'default' | 'granted' | 'denied';

/** The Web Notifications API, behind a port so tests can stand in for the browser. */
export interface DesktopNotifications {
  permission(): DesktopPermission;
  /** Must be called from a user gesture (a click). */
  requestPermission(): Promise<DesktopPermission>;
  show(notification: DeskNotification, onClick: () => void): void;
}

/** The page's Web Notifications, or undefined where the browser has none. */
export function webDesktopNotifications(): DesktopNotifications | undefined {
  if (typeof Notification === 'undefined') return undefined;
  return {
    permission: () => Notification.permission,
    requestPermission: () => Notification.requestPermission(),
    show(n, onClick) {
      const shown = new Notification(n.title, { body: n.body, tag: n.id, requireInteraction: n.urgency === 'critical' });
      shown.onclick = () => {
        window.focus();
        onClick();
        shown.close();
      };
    },
  };
}
