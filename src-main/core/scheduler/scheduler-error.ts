export type SchedulerErrorCode = 'invalid_key' | 'invalid_due_at' | 'invalid_option';

/** A caller handed the scheduler something it cannot arm or run with. */
export class SchedulerError extends Error {
  readonly code: SchedulerErrorCode;

  constructor(code: SchedulerErrorCode, message: string) {
    super(message);
    this.name = 'SchedulerError';
    this.code = code;
  }
}
