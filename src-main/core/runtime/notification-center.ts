import { z } from 'zod';
import { deskNotificationSchema, type DeskNotification, type ListedNotification } from '../../../src-shared/contract';
import type { EventBus } from '../event-bus';
import type { DocumentPort, Notifier } from '../ports';

export const RECENT_NOTIFICATIONS = 50;

/**
 * The recent notifications and which of them the engineer has read, kept in the data directory
 * (notifications.json), so the list and its unread count are the same after a reload of the
 * page and after a restart of the console.
 */
export const NOTIFICATIONS_VERSION = 1;
export const notificationsFileSchema = z.object({
  schemaVersion: z.literal(NOTIFICATIONS_VERSION),
  /** Newest first, at most RECENT_NOTIFICATIONS. */
  recent: z.array(deskNotificationSchema.extend({ read: z.boolean() })),
});
export type NotificationsFile = z.infer<typeof notificationsFileSchema>;

export const emptyNotificationsFile = (): NotificationsFile => ({ schemaVersion: NOTIFICATIONS_VERSION, recent: [] });

/** Where no file is given (tests, a host without disk): kept as long as the process. */
export function volatileNotificationsFile(): DocumentPort<NotificationsFile> {
  let current = emptyNotificationsFile();
  return {
    load: async () => structuredClone(current),
    save: async (next) => {
      current = structuredClone(next);
    },
  };
}

/**
 * Delivers every notification the same way: kept among the recent ones (a page that connects
 * later fetches them, with their read state), pushed to attached pages, and shown by the host's
 * notifier if any. Writes to the file are made one after another, newest state last.
 */
export class NotificationCenter {
  private recentList: ListedNotification[] = [];
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly bus: EventBus,
    private readonly notifier: Notifier | undefined,
    private readonly log: { error(message: string, error: unknown): void },
    private readonly file: DocumentPort<NotificationsFile> = volatileNotificationsFile(),
    private readonly limit = RECENT_NOTIFICATIONS,
  ) {}

  /** Reads what was kept; before this the list is empty. */
  async load(): Promise<void> {
    const kept = await this.file.load();
    // Anything delivered while loading stays in front of what was kept.
    const known = new Set(this.recentList.map((n) => n.id));
    this.recentList = [...this.recentList, ...kept.recent.filter((n) => !known.has(n.id))].slice(0, this.limit);
  }

  deliver(notification: DeskNotification): void {
    this.recentList.unshift({ ...notification, read: false });
    this.recentList.length = Math.min(this.recentList.length, this.limit);
    // Delivery does not wait for the disk; a failed write is logged by save().
    this.save().catch(() => undefined);
    this.bus.emit('notifications.new', { notification });
    try {
      this.notifier?.notify(notification);
    } catch (error) {
      // A desktop that cannot show notifications must not stop the deadlines.
      this.log.error(`could not show notification ${notification.id}`, error);
    }
  }

  /** Newest first, each with whether the engineer has read it. */
  recent(): ListedNotification[] {
    return this.recentList.map((n) => ({ ...n }));
  }

  /**
   * Marks the named notifications read (unknown ids are ignored: they fell off the list); resolves
   * once kept, and then tells every attached page which ones changed (`notifications.read`).
   */
  async markRead(ids: readonly string[]): Promise<{ unread: number }> {
    const wanted = new Set(ids);
    const marked: string[] = [];
    this.recentList = this.recentList.map((n) => {
      if (n.read || !wanted.has(n.id)) return n;
      marked.push(n.id);
      return { ...n, read: true };
    });
    if (marked.length > 0) {
      await this.save();
      this.bus.emit('notifications.read', { ids: marked });
    }
    return { unread: this.recentList.filter((n) => !n.read).length };
  }

  /** Resolves once this state is on disk; a failure is logged, and also rejects for a caller that waits (markRead). */
  private save(): Promise<void> {
    const snapshot: NotificationsFile = { schemaVersion: NOTIFICATIONS_VERSION, recent: this.recent() };
    const write = this.writes.then(() => this.file.save(snapshot));
    this.writes = write.catch((error: unknown) => this.log.error('could not keep the notifications', error));
    return write;
  }
}
