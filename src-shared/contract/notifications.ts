import { z } from 'zod';
import { isoInstantSchema, severitySchema } from '../domain';
import { caseIdSchema } from './cases';
import { request } from './define';

export const NOTIFICATION_KINDS = [
  'initialResponseDueSoon',
  'initialResponseOverdue',
  'updateDueSoon',
  'updateOverdue',
  'escalated',
  'actionItemDue',
  'summary',
] as const;

/**
 * One notification of the console. It names the case (id and title), its severity and what is
 * due. A summary stands for several notifications that fell due at once; its case is the most
 * urgent of them, so a click opens that one.
 */
export const deskNotificationSchema = z.object({
  id: z.string().min(1),
  caseId: caseIdSchema,
  severity: severitySchema,
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  at: isoInstantSchema,
  /** P1 is critical: desktops keep it on screen (Linux honours it). */
  urgency: z.enum(['critical', 'normal']),
});
export type DeskNotification = z.infer<typeof deskNotificationSchema>;
export type NotificationKind = DeskNotification['kind'];

/** A notification as the list shows it: with whether the engineer has read it (kept across restarts). */
export type ListedNotification = DeskNotification & { readonly read: boolean };

export const notificationRequests = {
  'notifications.list': request(z.object({}).strict(), 'The most recent notifications, newest first, each with its read state.').returns<ListedNotification[]>(),
  'notifications.markRead': request(
    z.object({ ids: z.array(z.string().min(1, 'a notification id is empty').max(200)).max(500, 'at most 500 notifications at once') }).strict(),
    'Mark notifications read; the read state is kept across reloads and restarts.',
  ).returns<{ unread: number }>(),
};

export const notificationEvents = {
  'notifications.new': z.object({ notification: deskNotificationSchema }),
  /** Notifications were marked read (by any page): every attached page updates its count and list. */
  'notifications.read': z.object({ ids: z.array(z.string()) }),
};
