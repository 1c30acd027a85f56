import type { DeskApi, DeskEvents } from '../../src-shared/contract';

/** The transport-independent view of a host: typed requests and pushed events. */
export interface Desk {
  readonly api: DeskApi;
  readonly events: DeskEvents;
  /** Present where the host can go away (the browser host's socket); Electron's IPC cannot. */
  readonly connection?: DeskConnection;
}

/**
 * The state of the connection to the host. `lost`: the socket closed; `retryAt` is when the next
 * attempt starts (epoch ms), null while an attempt is under way; `attempts` counts failed ones.
 */
export type ConnectionStatus =
  | { readonly state: 'connecting' }
  | { readonly state: 'open' }
  | { readonly state: 'lost'; readonly attempts: number; readonly retryAt: number | null };

export interface DeskConnection {
  status(): ConnectionStatus;
  subscribe(listener: (status: ConnectionStatus) => void): () => void;
  /** Tries again at once instead of waiting for the next attempt. */
  retryNow(): void;
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host. */
    readonly desk?: Desk;
  }
}
