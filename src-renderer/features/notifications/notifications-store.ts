import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeskNotification } from '../../../src-shared/contract';
import type { Desk } from '../../api';

const KEPT = 50;

export interface NotificationsState {
  /** Newest first. */
  readonly items: readonly DeskNotification[];
  readonly unread: number;
  /** Fetches what the core notified before this page connected. */
  load(): Promise<void>;
  receive(notification: DeskNotification): void;
  markAllRead(): void;
}

export type NotificationsStore = StoreApi<NotificationsState>;

/** The page's notifications. Creating it subscribes to nothing; the center attaches it. */
export function createNotificationsStore(desk: Desk): NotificationsStore {
  return createStore<NotificationsState>()((set) => ({
    items: [],
    unread: 0,
    async load() {
      const result = await desk.api['notifications.list']({});
      if (!result.ok) return;
      set((state) => {
        const known = new Set(state.items.map((n) => n.id));
        const earlier = result.value.filter((n) => !known.has(n.id));
        return { items: [...state.items, ...earlier].slice(0, KEPT), unread: state.unread + earlier.length };
      });
    },
    receive(notification) {
      set((state) =>
        state.items.some((n) => n.id === notification.id)
          ? state
          : { items: [notification, ...state.items].slice(0, KEPT), unread: state.unread + 1 },
      );
    },
    markAllRead() {
      set({ unread: 0 });
    },
  }));
}
