export { NotificationCenter, type NotificationCenterProps } from './NotificationCenter';
export { createNotificationsStore, type NotificationsState, type NotificationsStore } from './notifications-store';
export { webDesktopNotifications, type DesktopNotifications, type DesktopPermission } from './desktop-notifications';
