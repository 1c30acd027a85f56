import type { Desk } from './desk';
import { createSocketClient, socketUrlFor } from './socket-client';

export type { ConnectionStatus, Desk, DeskConnection } from './desk';
export { CONNECTION_LOST_MESSAGE, RETRY_DELAYS_MS, createSocketClient, socketUrlFor, type ClientTimers } from './socket-client';

/** The Electron preload's bridge when present, otherwise the browser host's WebSocket. */
export function connectDesk(): Desk {
  if (window.desk) return window.desk;
  return createSocketClient({ url: socketUrlFor(window.location) });
}

/** Electron shows desktop notifications from the main process; the browser host leaves them to the page. */
export function hostShowsDesktopNotifications(): boolean {
  return window.desk !== undefined;
}
export { browserDownload, connectDataTransfer, httpDataTransfer, hostDataTransfer, type DataTransfer, type Download } from './data-transfer';
export { connectServiceDeskFiles, hostServiceDeskFiles, httpServiceDeskFiles, type ServiceDeskFiles } from './service-desk-files';
