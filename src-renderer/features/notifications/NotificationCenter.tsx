import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Desk } from '../../api';
import type { DesktopNotifications, DesktopPermission } from './desktop-notifications';
import type { NotificationsStore } from './notifications-store';

export interface NotificationCenterProps {
  readonly desk: Desk;
  readonly store: NotificationsStore;
  /** The browser's notifications; absent where the host shows them itself (Electron). */
  readonly desktop?: DesktopNotifications;
  readonly onOpenCase: (caseId: string) => void;
}

/** The bell with the unread count, the list of notifications, and the desktop permission button. */
export function NotificationCenter({ desk, store, desktop, onOpenCase }: NotificationCenterProps) {
  const items = useStore(store, (state) => state.items);
  const unread = useStore(store, (state) => state.unread);
  const [open, setOpen] = useState(false);
  const [permission, setPermission] = useState<DesktopPermission | undefined>(() => desktop?.permission());
  const openCase = useRef(onOpenCase);
  openCase.current = onOpenCase;

  useEffect(() => {
    void store.getState().load();
    const offNew = desk.events.on('notifications.new', ({ notification }) => {
      store.getState().receive(notification);
      if (desktop?.permission() === 'granted') desktop.show(notification, () => openCase.current(notification.caseId));
    });
    const offOpen = desk.events.on('ui.openCase', ({ caseId }) => openCase.current(caseId));
    return () => {
      offNew();
      offOpen();
    };
  }, [desk, store, desktop]);

  const toggle = () => {
    setOpen(!open);
    if (!open) store.getState().markAllRead();
  };

  return (
    <div className="notification-center">
      {desktop && permission === 'default' ? (
        <button type="button" onClick={() => void desktop.requestPermission().then(setPermission)}>
          Enable desktop notifications
        </button>
      ) : null}
      <button type="button" aria-expanded={open} aria-label={`Notifications, ${unread} unread`} onClick={toggle}>
        <span aria-hidden="true">Notifications</span> {unread > 0 ? <span className="badge">{unread}</span> : null}
      </button>
      {open ? (
        <div className="notification-panel">
          {items.length === 0 ? <p className="empty">No notifications yet.</p> : null}
          <ul aria-label="Notifications">
            {items.map((n) => (
              <li key={n.id} className={n.urgency === 'critical' ? 'critical' : undefined}>
                <button type="button" onClick={() => openCase.current(n.caseId)}>
                  <strong>{n.title}</strong> <span>{n.body}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
