/** The main-process runtime: deadlines, reminders, automatic escalation, notifications, backups. */
export { Runtime, SUMMARY_THRESHOLD, type RuntimeDeps } from './runtime';
export {
  NotificationCenter,
  RECENT_NOTIFICATIONS,
  NOTIFICATIONS_VERSION,
  emptyNotificationsFile,
  notificationsFileSchema,
  volatileNotificationsFile,
  type NotificationsFile,
} from './notification-center';
export { attentionOf, attentionFrom, owedBy, URGENT_ITEMS, type Owed } from './attention';
export { planCase, lackOfProgressLevel, type CasePlan, type CasePlanInput, type Due } from './plan';
export { type ActionItem, type ActionItemSource } from './action-items';
export { runtimeStateSchema, emptyRuntimeState, volatileRuntimeState, RUNTIME_STATE_VERSION, type RuntimeState } from './runtime-state';
export { formatMinutes } from './notification-text';
