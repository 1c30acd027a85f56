import { Notification } from 'electron';
import type { DeskNotification } from '../../src-shared/contract';
import type { Notifier } from '../core/ports';

export interface ElectronNotifierDeps {
  /** A click focuses the console and opens the case. */
  readonly openCase: (caseId: string) => void;
  readonly log: (message: string) => void;
}

/** How many shown notifications are held for their click (older ones have left the screen). */
export const HELD_NOTIFICATIONS = 100;

const LAUNCH_PREFIX = 'response-desk:open-case?id=';

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/**
 * A Windows toast that carries the case in its launch arguments, so a click from the Action
 * Center (after the toast timed out, the app restarted or the object was collected) still says
 * which case to open. P1 stays on screen until dismissed (the reminder scenario).
 */
export function windowsToastXml(n: DeskNotification): string {
  const scenario = n.urgency === 'critical' ? ' scenario="reminder"' : '';
  return (
    `<toast launch="${escapeXml(LAUNCH_PREFIX + encodeURIComponent(n.caseId))}" activationType="foreground"${scenario}>` +
    `<visual><binding template="ToastGeneric"><text>${escapeXml(n.title)}</text><text>${escapeXml(n.body)}</text></binding></visual>` +
    (n.urgency === 'critical' ? '<actions><action content="Open case" arguments="' + escapeXml(LAUNCH_PREFIX + encodeURIComponent(n.caseId)) + '" activationType="foreground"/></actions>' : '') +
    '</toast>'
  );
}

/** The case a toast's launch arguments name, or undefined. */
export function caseFromActivation(args: string): string | undefined {
  if (!args.startsWith(LAUNCH_PREFIX)) return undefined;
  try {
    const id = decodeURIComponent(args.slice(LAUNCH_PREFIX.length));
    return id === '' ? undefined : id;
  } catch {
    return undefined;
  }
}

/**
 * Desktop notifications through Electron. P1 is shown with critical urgency (Linux keeps it on
 * screen). On Windows a toast's click may come from the Action Center long after the toast's
 * 'close' (which also fires on timeout), so clicks arrive through Notification.handleActivation
 * and the toast's launch arguments; elsewhere a shown notification is held for its click (one
 * that is garbage collected loses its click handler), the most recent HELD_NOTIFICATIONS of them.
 */
export function createElectronNotifier(deps: ElectronNotifierDeps): Notifier {
  const windows = process.platform === 'win32';
  if (windows) {
    Notification.handleActivation((details) => {
      const caseId = caseFromActivation(details.arguments);
      if (caseId) deps.openCase(caseId);
    });
  }
  const held = new Set<Notification>();
  return {
    notify(n: DeskNotification) {
      if (!Notification.isSupported()) {
        deps.log(`desktop notifications are not supported here; ${n.id} is only in the console`);
        return;
      }
      const critical = n.urgency === 'critical';
      const shown = new Notification({
        title: n.title,
        body: n.body,
        urgency: critical ? 'critical' : 'normal',
        timeoutType: critical ? 'never' : 'default',
        ...(windows ? { toastXml: windowsToastXml(n) } : {}),
      });
      held.add(shown);
      if (held.size > HELD_NOTIFICATIONS) {
        const oldest = held.values().next().value;
        if (oldest) held.delete(oldest);
      }
      if (!windows) {
        shown.on('click', () => {
          held.delete(shown);
          deps.openCase(n.caseId);
        });
      }
      shown.on('failed', (_event, error) => {
        held.delete(shown);
        deps.log(`the desktop could not show the notification for ${n.caseId}: ${error}`);
      });
      shown.show();
    },
  };
}
