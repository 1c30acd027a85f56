export { CONNECTION_BANNER_ID, ConnectionBanner, retryText } from './ConnectionBanner';
export { OFFLINE_REASON, OfflineGuard } from './OfflineGuard';
