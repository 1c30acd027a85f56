import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskNotification, ListedNotification } from '../../../src-shared/contract';
import type { Desk } from '../../api';

const KEPT = 50;

export interface NotificationsState {
  /** Newest first, each with whether it was read (the core keeps that across reloads and restarts). */
  readonly items: readonly ListedNotification[];
  /** Why marking the list read failed, if it did: the count then stays as it was. */
  readonly error: string | null;
  /** Fetches what the core notified before this page connected. */
  load(): Promise<void>;
  receive(notification: DeskNotification): void;
  /** These were marked read, here or in another page (`notifications.read`). */
  markedRead(ids: readonly string[]): void;
  /** Marks every listed notification read, in the core first: the count falls once that is kept. */
  markAllRead(): Promise<void>;
}

export type NotificationsStore = StoreApi<NotificationsState>;

/** How many listed notifications are unread: counted from the list, the one source of the read state. */
export const unreadOf = (state: Pick<NotificationsState, 'items'>): number => state.items.filter((n) => !n.read).length;

/** The page's notifications. Creating it subscribes to nothing; the center attaches it. */
export function createNotificationsStore(desk: Desk): NotificationsStore {
  return createStore<NotificationsState>()((set, get) => ({
    items: [],
    unread: 0,
    error: null,
    async load() {
      const result = await desk.api['notifications.list']({});
      if (!result.ok) return;
      set((state) => {
        const known = new Set(state.items.map((n) => n.id));
        return { items: [...state.items, ...result.value.filter((n) => !known.has(n.id))].slice(0, KEPT) };
      });
    },
    receive(notification) {
      set((state) => {
        if (state.items.some((n) => n.id === notification.id)) return state;
        return { items: [{ ...notification, read: false }, ...state.items].slice(0, KEPT) };
      });
    },
    markedRead(ids) {
      const marked = new Set(ids);
      set((state) => (state.items.some((n) => !n.read && marked.has(n.id)) ? { items: state.items.map((n) => (marked.has(n.id) ? { ...n, read: true } : n)) } : state));
    },
    async markAllRead() {
      const ids = get().items.filter((n) => !n.read).map((n) => n.id);
      if (ids.length === 0) return;
      const result = await desk.api['notifications.markRead']({ ids });
      if (!result.ok) return set({ error: `The notifications could not be marked read: ${result.error.message}` });
      set({ error: null });
      get().markedRead(ids);
    },
  }));
}
