import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Desk } from '../../api';
import { formatDateTime } from '../../components/time-format';
import type { DesktopNotifications, DesktopPermission } from './desktop-notifications';
import { unreadOf, type NotificationsStore } from './notifications-store';

export interface NotificationCenterProps {
  readonly desk: Desk;
  readonly store: NotificationsStore;
  /** The browser's notifications; absent where the host shows them itself (Electron). */
  readonly desktop?: DesktopNotifications;
  readonly onOpenCase: (caseId: string) => void;
}

/**
 * The bell with the unread count, the list of notifications, and the desktop permission button.
 * The list closes with Escape, a click outside it, or once a notification is chosen, so it never
 * stays over the case it opened.
 */
export function NotificationCenter({ desk, store, desktop, onOpenCase }: NotificationCenterProps) {
  const items = useStore(store, (state) => state.items);
  const unread = useStore(store, unreadOf);
  const error = useStore(store, (state) => state.error);
  const [open, setOpen] = useState(false);
  const [permission, setPermission] = useState<DesktopPermission | undefined>(() => desktop?.permission());
  const openCase = useRef(onOpenCase);
  openCase.current = onOpenCase;
  const root = useRef<HTMLDivElement>(null);
  const bell = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void store.getState().load();
    const offNew = desk.events.on('notifications.new', ({ notification }) => {
      store.getState().receive(notification);
      if (desktop?.permission() === 'granted') desktop.show(notification, () => openCase.current(notification.caseId));
    });
    // Read in another page (or this one): the count and the list follow without a reload.
    const offRead = desk.events.on('notifications.read', ({ ids }) => store.getState().markedRead(ids));
    const offOpen = desk.events.on('ui.openCase', ({ caseId }) => openCase.current(caseId));
    return () => {
      offNew();
      offRead();
      offOpen();
    };
  }, [desk, store, desktop]);

  useEffect(() => {
    if (!open) return;
    // Capture, and marked handled: the Escape that closes the list does not also close the case panel.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      bell.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false);
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [open]);

  const toggle = () => {
    setOpen(!open);
    if (!open) void store.getState().markAllRead();
  };

  return (
    <div className="notification-center" ref={root}>
      {desktop && permission === 'default' ? (
        <button type="button" onClick={() => void desktop.requestPermission().then(setPermission)}>
          Enable desktop notifications
        </button>
      ) : null}
      <button type="button" ref={bell} aria-expanded={open} aria-controls="notification-panel" aria-label={`Notifications, ${unread} unread`} onClick={toggle}>
        <span aria-hidden="true">Notifications</span> {unread > 0 ? <span className="badge">{unread}</span> : null}
      </button>
      {open ? (
        <div className="notification-panel" id="notification-panel">
          {error ? (
            <p role="alert" className="form-error">
              {error}
            </p>
          ) : null}
          {items.length === 0 ? <p className="empty">No notifications yet.</p> : null}
          <ul aria-label="Notifications">
            {items.map((n) => (
              <li key={n.id} className={[n.urgency === 'critical' ? 'critical' : '', n.read ? '' : 'unread'].join(' ').trim() || undefined}>
                <button
                  type="button"
                  onClick={() => {
                    setOpen(false);
                    openCase.current(n.caseId);
                  }}
                >
                  {n.read ? null : <span className="visually-hidden">Unread: </span>}
                  <strong>{n.title}</strong> <span>{n.body}</span> <time dateTime={n.at}>{formatDateTime(n.at)}</time>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
