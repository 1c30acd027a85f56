import { assertTimerDelay } from '../clock';
import type { Clock, TimerHandle } from '../ports';

export interface SleepOptions {
  /**
   * Whether monotonic time counts the time asleep. It depends on the OS: Linux's
   * CLOCK_MONOTONIC stops while suspended (the default here); Windows'
   * QueryPerformanceCounter keeps counting, so timers are overdue on wake.
   */
  readonly monotonicAdvances?: boolean;
}

/** A Clock that tests drive by hand. Timers run on monotonic time, as Node's do. */
export interface ManualClock extends Clock {
  /** Moves wall and monotonic time forward together, firing due timers in order. */
  advance(ms: number): void;
  /** Moves only wall time, by a positive or negative amount: a clock jump. No timer fires. */
  jumpWall(ms: number): void;
  /**
   * Models system sleep: wall time moves; monotonic time moves only if the OS counts sleep.
   * No timer fires while asleep; overdue ones fire at the next advance (advance(0) included),
   * and the host is expected to call the scheduler's resume() on wake.
   */
  sleep(ms: number, options?: SleepOptions): void;
  /** How many timers are set and not yet fired or cleared. */
  pendingTimers(): number;
}

type PendingTimer = { readonly id: number; readonly dueMono: number; readonly callback: () => void };

// A timer that re-arms itself with no delay would spin advance() forever; fail loudly instead.
const MAX_FIRINGS_PER_ADVANCE = 1_000_000;

function assertDuration(method: string, ms: number, allowNegative: boolean): void {
  if (!Number.isFinite(ms) || (!allowNegative && ms < 0)) {
    const expected = allowNegative ? 'a finite number' : 'a finite number >= 0';
    throw new RangeError(`ManualClock.${method}: ms must be ${expected}, got ${ms}.`);
  }
}

export function createManualClock(startIso: string): ManualClock {
  let wall = Date.parse(startIso);
  if (!Number.isFinite(wall)) {
    throw new RangeError(`createManualClock: '${startIso}' is not an ISO date-time.`);
  }
  let mono = 0;
  let nextId = 1;
  const timers = new Map<number, PendingTimer>();

  // Ties fire in the order they were set, as Node's timer lists do.
  const earliestDueBy = (limit: number): PendingTimer | undefined => {
    let earliest: PendingTimer | undefined;
    for (const timer of timers.values()) {
      if (timer.dueMono > limit) continue;
      if (earliest === undefined || timer.dueMono < earliest.dueMono) earliest = timer;
    }
    return earliest;
  };

  return {
    now: () => wall,
    monotonic: () => mono,
    setTimer(callback, delayMs) {
      assertTimerDelay(delayMs);
      const handle: TimerHandle = { id: nextId++ };
      timers.set(handle.id, { id: handle.id, dueMono: mono + delayMs, callback });
      return handle;
    },
    clearTimer(handle) {
      timers.delete(handle.id);
    },
    advance(ms) {
      assertDuration('advance', ms, false);
      const target = mono + ms;
      let firings = 0;
      for (let timer = earliestDueBy(target); timer; timer = earliestDueBy(target)) {
        if (++firings > MAX_FIRINGS_PER_ADVANCE) {
          throw new Error(
            `ManualClock.advance: more than ${MAX_FIRINGS_PER_ADVANCE} timers fired in one advance; a timer keeps re-arming itself with no delay.`,
          );
        }
        if (timer.dueMono > mono) {
          wall += timer.dueMono - mono;
          mono = timer.dueMono;
        }
        timers.delete(timer.id);
        timer.callback();
      }
      wall += target - mono;
      mono = target;
    },
    jumpWall(ms) {
      assertDuration('jumpWall', ms, true);
      wall += ms;
    },
    sleep(ms, options = {}) {
      assertDuration('sleep', ms, false);
      wall += ms;
      if (options.monotonicAdvances === true) mono += ms;
    },
    pendingTimers: () => timers.size,
  };
}
