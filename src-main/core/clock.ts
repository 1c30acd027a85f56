import type { Clock, TimerHandle } from './ports';

/**
 * The longest delay a timer may be given. Node's setTimeout treats anything above 2^31-1 ms
 * (about 24.8 days) as 1 ms and fires at once, so the port forbids it.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Rejects a delay the Clock port forbids, naming the value. */
export function assertTimerDelay(delayMs: number): void {
  if (!Number.isFinite(delayMs) || delayMs < 0 || delayMs > MAX_TIMER_MS) {
    throw new RangeError(
      `Timer delay must be a finite number of milliseconds between 0 and ${MAX_TIMER_MS}, got ${delayMs}.`,
    );
  }
}

/**
 * The real clock: wall time from Date.now, monotonic time from performance.now. Globals are
 * read at call time, so a test that installs fake timers drives this clock too.
 */
export function createSystemClock(): Clock {
  const timers = new Map<number, NodeJS.Timeout>();
  let nextId = 1;

  return {
    now: () => Date.now(),
    monotonic: () => performance.now(),
    setTimer(callback, delayMs) {
      assertTimerDelay(delayMs);
      const handle: TimerHandle = { id: nextId++ };
      timers.set(
        handle.id,
        setTimeout(() => {
          timers.delete(handle.id);
          callback();
        }, delayMs),
      );
      return handle;
    },
    clearTimer(handle) {
      const timeout = timers.get(handle.id);
      if (timeout === undefined) return;
      clearTimeout(timeout);
      timers.delete(handle.id);
    },
  };
}
