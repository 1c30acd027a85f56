import type { ConnectionStatus } from '../../api';
import { useConnection, useNow } from '../../state';

export const CONNECTION_BANNER_ID = 'connection-banner';

/** "retrying in 4 s" while waiting, "reconnecting now" while an attempt is under way. */
export function retryText(status: Extract<ConnectionStatus, { state: 'lost' }>, nowMs: number): string {
  if (status.retryAt === null) return 'Reconnecting now…';
  const seconds = Math.max(1, Math.ceil((status.retryAt - nowMs) / 1000));
  return `Retrying in ${seconds} s.`;
}

/**
 * Says when the console has lost its host: what happened, that it is retrying (with growing
 * waits), and that actions are unavailable until it is back. Gone once the connection is back.
 */
export function ConnectionBanner() {
  const status = useConnection((state) => state.status);
  const retryNow = useConnection((state) => state.retryNow);
  const nowMs = useNow();
  if (status.state !== 'lost') return null;
  return (
    <div id={CONNECTION_BANNER_ID} className="connection-banner" role="alert">
      <p>
        <strong>Connection lost.</strong> The console cannot reach its host. {retryText(status, nowMs)} Actions are unavailable
        until the connection is back.
      </p>
      {status.retryAt !== null ? (
        <button type="button" onClick={retryNow}>
          Retry now
        </button>
      ) : null}
    </div>
  );
}
