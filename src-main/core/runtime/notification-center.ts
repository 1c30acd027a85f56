import type { DeskNotification } from '../../../src-shared/contract';
import type { EventBus } from '../event-bus';
import type { Notifier } from '../ports';

export const RECENT_NOTIFICATIONS = 50;

/**
 * Delivers every notification the same way: kept among the recent ones (a page that connects
 * later fetches them), pushed to attached pages, and shown by the host's notifier if any.
 */
export class NotificationCenter {
  private readonly recentList: DeskNotification[] = [];

  constructor(
    private readonly bus: EventBus,
    private readonly notifier: Notifier | undefined,
    private readonly log: { error(message: string, error: unknown): void },
    private readonly limit = RECENT_NOTIFICATIONS,
  ) {}

  deliver(notification: DeskNotification): void {
    this.recentList.unshift(notification);
    this.recentList.length = Math.min(this.recentList.length, this.limit);
    this.bus.emit('notifications.new', { notification });
    try {
      this.notifier?.notify(notification);
    } catch (error) {
      // A desktop that cannot show notifications must not stop the deadlines.
      this.log.error(`could not show notification ${notification.id}`, error);
    }
  }

  /** Newest first. */
  recent(): DeskNotification[] {
    return [...this.recentList];
  }
}
