import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionStatus, DeskConnection } from '../api';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** False while the connection is lost: actions are disabled and say why. */
  readonly online: boolean;
  retryNow(): void;
  /** Runs `listener` each time the connection comes back after a loss; returns the unsubscribe. */
  onReconnected(listener: () => void): () => void;
}

export type ConnectionStore = StoreApi<ConnectionState>;

/**
 * The console's view of its connection to the host. Electron's IPC has no outage, so without a
 * connection the console is always online. When the connection comes back after a loss, every
 * store is asked to load again (`reloadAll`, then any listener), since anything may have changed.
 */
export function createConnectionStore(connection: DeskConnection | undefined, reloadAll: () => void): ConnectionStore {
  const listeners = new Set<() => void>();
  const initial: ConnectionStatus = connection?.status() ?? { state: 'open' };
  const store = createStore<ConnectionState>()(() => ({
    status: initial,
    online: initial.state !== 'lost',
    retryNow: () => connection?.retryNow(),
    onReconnected(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  }));
  let lost = initial.state === 'lost';
  connection?.subscribe((status) => {
    store.setState({ status, online: status.state !== 'lost' });
    if (status.state === 'lost') lost = true;
    else if (status.state === 'open' && lost) {
      lost = false;
      reloadAll();
      for (const listener of listeners) listener();
    }
  });
  return store;
}
