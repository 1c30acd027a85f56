/**
 * Facts about the browser host's WebSocket that both ends must agree on. (Electron's IPC has no
 * such limits: it carries the same contract in process.)
 */

/**
 * The largest request frame the browser host reads: 1 MiB of UTF-8 JSON. A larger frame closes
 * that socket with {@link SOCKET_CLOSE.tooBig}; the client checks a request's size before
 * sending it, so a person sees a clear error instead. Files (export, import) do not travel over
 * the socket.
 */
export const SOCKET_MAX_MESSAGE_BYTES = 1024 * 1024;

/** Close codes the host uses (RFC 6455, section 7.4.1). */
export const SOCKET_CLOSE = {
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  tooBig: 1009,
} as const;
