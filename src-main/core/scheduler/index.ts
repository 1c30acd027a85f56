export { createScheduler, type ClockChange, type Scheduler, type SchedulerOptions } from './scheduler';
export type { DueItem } from './deadline-queue';
export { SchedulerError, type SchedulerErrorCode } from './scheduler-error';
