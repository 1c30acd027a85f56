export { QueuesView } from './QueuesView';
export { QUEUE_KEYS } from './QueueTabs';
export { effectiveQueue } from './effective-queue';
