import type { ReactNode } from 'react';
import { useConnection } from '../../state';
import { CONNECTION_BANNER_ID } from './ConnectionBanner';

export const OFFLINE_REASON = 'Unavailable: the connection to the console is lost.';

/**
 * Disables every control inside while the connection is lost (a disabled fieldset, laid out as
 * if it were not there), described by the banner that says why.
 */
export function OfflineGuard({ children }: { children: ReactNode }) {
  const online = useConnection((state) => state.online);
  return (
    <fieldset
      className="offline-guard"
      disabled={!online}
      title={online ? undefined : OFFLINE_REASON}
      aria-describedby={online ? undefined : CONNECTION_BANNER_ID}
    >
      {children}
    </fieldset>
  );
}
