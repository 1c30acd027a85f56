import { Notification } from 'electron';
import type { DeskNotification } from '../../src-shared/contract';
import type { Notifier } from '../core/ports';

export interface ElectronNotifierDeps {
  /** A click focuses the console and opens the case. */
  readonly openCase: (caseId: string) => void;
  readonly log: (message: string) => void;
}

/**
 * Desktop notifications through Electron. P1 is shown with critical urgency (Linux keeps it on
 * screen). A shown notification is held until it closes: one that is garbage collected loses
 * its click handler.
 */
export function createElectronNotifier(deps: ElectronNotifierDeps): Notifier {
  const showing = new Set<Notification>();
  return {
    notify(n: DeskNotification) {
      if (!Notification.isSupported()) {
        deps.log(`desktop notifications are not supported here; ${n.id} is only in the console`);
        return;
      }
      const shown = new Notification({ title: n.title, body: n.body, urgency: n.urgency === 'critical' ? 'critical' : 'normal', timeoutType: n.urgency === 'critical' ? 'never' : 'default' });
      showing.add(shown);
      shown.on('click', () => {
        showing.delete(shown);
        deps.openCase(n.caseId);
      });
      shown.on('close', () => showing.delete(shown));
      shown.show();
    },
  };
}
