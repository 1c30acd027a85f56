import { MAX_TIMER_MS } from '../clock';
import type { Clock, TimerHandle } from '../ports';
import { DeadlineQueue, type DueItem } from './deadline-queue';
import { SchedulerError } from './scheduler-error';

/** Why the scheduler re-evaluated every deadline against a new reading of the wall clock. */
export interface ClockChange {
  /** 'jump': the wall clock moved apart from monotonic time; 'resume': the host reported a wake. */
  readonly reason: 'jump' | 'resume';
  /**
   * Wall time elapsed minus monotonic time elapsed since the scheduler last looked. Positive
   * when the wall clock moved forward or the machine slept with a stopped monotonic clock.
   */
  readonly driftMs: number;
  /** Wall-clock epoch milliseconds when the change was handled. */
  readonly now: number;
}

export interface SchedulerOptions<T> {
  readonly clock: Clock;
  /** Everything that fell due at once, earliest first. Called once per batch; must not throw. */
  readonly onDue: (items: DueItem<T>[]) => void;
  /** The longest delay handed to clock.setTimer; longer waits are taken in steps. */
  readonly maxTimerMs?: number;
  /** Wall/monotonic disagreement beyond which a clock jump is assumed. */
  readonly jumpToleranceMs?: number;
}

export interface Scheduler<T> {
  /** Arms a deadline at wall-clock epoch ms; arming an armed key replaces it. */
  arm(key: string, dueAtMs: number, payload: T): void;
  /** Returns whether the key was armed. */
  disarm(key: string): boolean;
  /** Disarms every key starting with the prefix, or every item the predicate matches; returns how many. */
  disarmWhere(match: string | ((item: DueItem<T>) => boolean)): number;
  has(key: string): boolean;
  readonly size: number;
  /** The earliest armed deadline, or undefined. */
  next(): DueItem<T> | undefined;
  /** Fires, in one batch, everything already due, then keeps a timer for the earliest. */
  start(): void;
  /** Clears the timer; armed deadlines are kept for the next start(). */
  stop(): void;
  /** For the host's system-resume event: fires what fell due while asleep, in one batch. */
  resume(): void;
  /** Cheap check for a wall-clock jump; handles it and returns true if there was one. */
  checkClock(): boolean;
  /** Listens for jumps and resumes; returns the unsubscribe function. */
  onClockChange(listener: (change: ClockChange) => void): () => void;
}

const DEFAULT_JUMP_TOLERANCE_MS = 2000;

function validatedOptions<T>(options: SchedulerOptions<T>): { maxTimerMs: number; jumpToleranceMs: number } {
  const maxTimerMs = options.maxTimerMs ?? MAX_TIMER_MS;
  const jumpToleranceMs = options.jumpToleranceMs ?? DEFAULT_JUMP_TOLERANCE_MS;
  if (!Number.isInteger(maxTimerMs) || maxTimerMs < 1 || maxTimerMs > MAX_TIMER_MS) {
    throw new SchedulerError(
      'invalid_option',
      `maxTimerMs must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}, got ${maxTimerMs}.`,
    );
  }
  if (!Number.isFinite(jumpToleranceMs) || jumpToleranceMs < 0) {
    throw new SchedulerError(
      'invalid_option',
      `jumpToleranceMs must be a finite number of milliseconds >= 0, got ${jumpToleranceMs}.`,
    );
  }
  return { maxTimerMs, jumpToleranceMs };
}

/**
 * One priority queue of deadlines and one timer for the earliest. Deadlines are wall-clock
 * instants but timers run on monotonic time, so every firing double-checks the wall clock.
 */
export function createScheduler<T>(options: SchedulerOptions<T>): Scheduler<T> {
  const { clock, onDue } = options;
  const { maxTimerMs, jumpToleranceMs } = validatedOptions(options);
  const queue = new DeadlineQueue<T>();
  const listeners = new Set<(change: ClockChange) => void>();

  let started = false;
  // While an evaluation runs, onDue and listeners may arm and disarm; the timer is set once after.
  let evaluationDepth = 0;
  let timer: TimerHandle | undefined;
  // The dueAt the timer was set for: it is replaced only when the earliest deadline changes.
  let timerTarget: number | undefined;
  // Wall and monotonic readings at the last evaluation; their elapsed difference is the drift.
  let referenceWall = 0;
  let referenceMono = 0;

  const driftMs = (): number => clock.now() - referenceWall - (clock.monotonic() - referenceMono);

  function clearTimer(): void {
    if (timer !== undefined) clock.clearTimer(timer);
    timer = undefined;
    timerTarget = undefined;
  }

  function rearm(): void {
    if (!started || evaluationDepth > 0) return;
    const earliest = queue.earliestDueAt();
    if (earliest === timerTarget) return;
    clearTimer();
    if (earliest === undefined) return;
    // Waits beyond maxTimerMs are taken in steps; an early firing finds nothing due and re-arms.
    const delay = Math.min(Math.max(0, Math.ceil(earliest - clock.now())), maxTimerMs);
    timerTarget = earliest;
    timer = clock.setTimer(onTimer, delay);
  }

  function evaluate(change?: ClockChange): void {
    evaluationDepth++;
    referenceWall = clock.now();
    referenceMono = clock.monotonic();
    try {
      if (change !== undefined) [...listeners].forEach((listener) => listener(change));
      const due = queue.popDue(clock.now());
      if (due.length > 0) onDue(due);
    } finally {
      evaluationDepth--;
      // The old timer was computed from a wall reading that may no longer hold.
      clearTimer();
      rearm();
    }
  }

  function onTimer(): void {
    timer = undefined;
    timerTarget = undefined;
    const drift = driftMs();
    evaluate(Math.abs(drift) > jumpToleranceMs ? { reason: 'jump', driftMs: drift, now: clock.now() } : undefined);
  }

  return {
    arm(key, dueAtMs, payload) {
      if (typeof key !== 'string' || key.length === 0) {
        throw new SchedulerError('invalid_key', `Cannot arm a deadline without a key (got ${JSON.stringify(key)}).`);
      }
      if (!Number.isFinite(dueAtMs)) {
        throw new SchedulerError(
          'invalid_due_at',
          `Cannot arm deadline '${key}': dueAt must be finite epoch milliseconds, got ${dueAtMs}.`,
        );
      }
      queue.upsert(key, dueAtMs, payload);
      rearm();
    },
    disarm(key) {
      const removed = queue.remove(key);
      if (removed) rearm();
      return removed;
    },
    disarmWhere(match) {
      const removed =
        typeof match === 'string'
          ? queue.removeWhere((item) => item.key.startsWith(match))
          : queue.removeWhere((item) => match({ key: item.key, dueAt: item.dueAt, payload: item.payload }));
      if (removed > 0) rearm();
      return removed;
    },
    has: (key) => queue.has(key),
    get size() {
      return queue.size;
    },
    next: () => queue.peek(),
    start() {
      if (started) return;
      started = true;
      evaluate();
    },
    stop() {
      started = false;
      clearTimer();
    },
    resume() {
      if (!started) return;
      evaluate({ reason: 'resume', driftMs: driftMs(), now: clock.now() });
    },
    checkClock() {
      if (!started) return false;
      const drift = driftMs();
      if (Math.abs(drift) <= jumpToleranceMs) return false;
      evaluate({ reason: 'jump', driftMs: drift, now: clock.now() });
      return true;
    },
    onClockChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
