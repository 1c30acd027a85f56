import type { DeskApi, DeskEvents } from '../../src-shared/contract';

/** The transport-independent view of a host: typed requests and pushed events. */
export interface Desk {
  readonly api: DeskApi;
  readonly events: DeskEvents;
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host. */
    readonly desk?: Desk;
  }
}
