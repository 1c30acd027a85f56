import { MAX_TIMER_MS } from '../../../src-main/core/clock';
import { createScheduler, type ClockChange, type DueItem } from '../../../src-main/core/scheduler';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';

const START = '2026-03-02T09:00:00Z';
const T0 = Date.parse(START);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Options = { maxTimerMs?: number; jumpToleranceMs?: number };

function setup(options: Options = {}) {
  const clock = createManualClock(START);
  const setTimer = vi.spyOn(clock, 'setTimer');
  const batches: Array<Array<DueItem<string>>> = [];
  const firedAt = new Map<string, number>();
  const changes: ClockChange[] = [];
  const scheduler = createScheduler<string>({
    clock,
    onDue: (items) => {
      batches.push(items);
      for (const item of items) firedAt.set(item.key, clock.now());
    },
    ...options,
  });
  scheduler.onClockChange((change) => changes.push(change));
  const keysOf = (batch: Array<DueItem<string>> | undefined) => batch?.map((item) => item.key);
  return { clock, setTimer, scheduler, batches, firedAt, changes, keysOf };
}

describe('one timer for every deadline', () => {
  it('keeps a single timer however many deadlines are armed', () => {
    const { clock, scheduler, setTimer } = setup();
    scheduler.start();
    for (let i = 0; i < 1000; i++) {
      scheduler.arm(`case:${i}`, T0 + ((i * 7919) % 1000) * MINUTE + MINUTE, 'p');
      expect(clock.pendingTimers()).toBe(1);
    }
    // Only a new earliest deadline replaces the timer.
    expect(setTimer.mock.calls.length).toBeLessThan(10);
  });

  it('replaces the timer only when the earliest deadline changes', () => {
    const { scheduler, setTimer } = setup();
    scheduler.start();
    scheduler.arm('a', T0 + 10 * MINUTE, 'a');
    scheduler.arm('b', T0 + 20 * MINUTE, 'b');
    expect(setTimer).toHaveBeenCalledTimes(1);
    scheduler.arm('c', T0 + 5 * MINUTE, 'c');
    expect(setTimer).toHaveBeenCalledTimes(2);
    scheduler.disarm('b');
    expect(setTimer).toHaveBeenCalledTimes(2);
    scheduler.disarm('c');
    expect(setTimer).toHaveBeenCalledTimes(3);
    expect(setTimer.mock.lastCall?.[1]).toBe(10 * MINUTE);
  });

  it('re-arming one of 100k deadlines keeps one timer and moves only that deadline', () => {
    const { clock, scheduler, batches, keysOf } = setup();
    for (let i = 0; i < 100_000; i++) scheduler.arm(`k-${i}`, T0 + HOUR + i * SECOND, `p-${i}`);
    scheduler.start();
    scheduler.arm('k-50000', T0 + MINUTE, 'moved');

    expect(clock.pendingTimers()).toBe(1);
    expect(scheduler.size).toBe(100_000);
    expect(scheduler.next()).toEqual({ key: 'k-50000', dueAt: T0 + MINUTE, payload: 'moved' });
    clock.advance(MINUTE);
    expect(batches.map(keysOf)).toEqual([['k-50000']]);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('leaves no timer once the last deadline is disarmed', () => {
    const { clock, scheduler } = setup();
    scheduler.start();
    scheduler.arm('a', T0 + MINUTE, 'a');
    scheduler.disarm('a');
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('long waits', () => {
  it('a 30-day deadline fires at day 30, not at once, and no timer exceeds 2^31-1 ms', () => {
    const { clock, scheduler, batches, firedAt, setTimer } = setup();
    scheduler.start();
    scheduler.arm('case:RD-1001:resolution', T0 + 30 * DAY, 'resolution');

    clock.advance(0);
    expect(batches).toHaveLength(0);
    clock.advance(30 * DAY - 1);
    expect(batches).toHaveLength(0);
    clock.advance(1);

    expect(firedAt.get('case:RD-1001:resolution')).toBe(T0 + 30 * DAY);
    const delays = setTimer.mock.calls.map((call) => call[1]);
    expect(delays.length).toBeGreaterThan(1);
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_TIMER_MS);
  });

  it('takes a long wait in steps of maxTimerMs and fires only at the due time', () => {
    const { clock, scheduler, batches, setTimer } = setup({ maxTimerMs: 1000 });
    scheduler.start();
    scheduler.arm('a', T0 + 3500, 'a');
    clock.advance(3499);
    expect(batches).toHaveLength(0);
    clock.advance(1);
    expect(batches).toHaveLength(1);
    expect(setTimer.mock.calls.map((call) => call[1])).toEqual([1000, 1000, 1000, 500]);
  });
});

describe('firing', () => {
  it('fires deadlines due together in one batch, ties in the order they were armed', () => {
    const { clock, scheduler, batches, keysOf } = setup();
    scheduler.start();
    scheduler.arm('b', T0 + MINUTE, 'b');
    scheduler.arm('a', T0 + MINUTE, 'a');
    scheduler.arm('c', T0 + 2 * MINUTE, 'c');
    clock.advance(MINUTE);
    expect(batches.map(keysOf)).toEqual([['b', 'a']]);
    clock.advance(MINUTE);
    expect(batches.map(keysOf)).toEqual([['b', 'a'], ['c']]);
    expect(scheduler.size).toBe(0);
  });

  it('hands each due item its key, due time and payload', () => {
    const { clock, scheduler, batches } = setup();
    scheduler.start();
    scheduler.arm('case:RD-1001:ack', T0 + MINUTE, 'acknowledgement');
    clock.advance(MINUTE);
    expect(batches).toEqual([[{ key: 'case:RD-1001:ack', dueAt: T0 + MINUTE, payload: 'acknowledgement' }]]);
  });

  it('a disarmed deadline never fires', () => {
    const { clock, scheduler, batches } = setup();
    scheduler.start();
    scheduler.arm('a', T0 + MINUTE, 'a');
    expect(scheduler.disarm('a')).toBe(true);
    expect(scheduler.disarm('a')).toBe(false);
    clock.advance(HOUR);
    expect(batches).toHaveLength(0);
  });

  it('disarmWhere removes every key with a prefix, or every item a predicate matches', () => {
    const { clock, scheduler, batches, keysOf } = setup();
    scheduler.start();
    scheduler.arm('case:RD-1:ack', T0 + MINUTE, 'ack');
    scheduler.arm('case:RD-1:update', T0 + 2 * MINUTE, 'update');
    scheduler.arm('case:RD-2:ack', T0 + 3 * MINUTE, 'ack');
    scheduler.arm('case:RD-2:update', T0 + 4 * MINUTE, 'update');

    expect(scheduler.disarmWhere('case:RD-1:')).toBe(2);
    expect(scheduler.disarmWhere((item) => item.payload === 'update')).toBe(1);
    expect(scheduler.has('case:RD-2:ack')).toBe(true);
    clock.advance(HOUR);
    expect(batches.map(keysOf)).toEqual([['case:RD-2:ack']]);
  });

  it('re-arming a key later moves its deadline later, with the new payload', () => {
    const { clock, scheduler, batches, firedAt } = setup();
    scheduler.start();
    scheduler.arm('a', T0 + MINUTE, 'old');
    scheduler.arm('a', T0 + 5 * MINUTE, 'new');
    clock.advance(MINUTE);
    expect(batches).toHaveLength(0);
    clock.advance(4 * MINUTE);
    expect(batches).toEqual([[{ key: 'a', dueAt: T0 + 5 * MINUTE, payload: 'new' }]]);
    expect(firedAt.get('a')).toBe(T0 + 5 * MINUTE);
  });

  it('re-arming a key earlier moves its deadline earlier', () => {
    const { clock, scheduler, firedAt } = setup();
    scheduler.start();
    scheduler.arm('a', T0 + 10 * MINUTE, 'a');
    scheduler.arm('b', T0 + 5 * MINUTE, 'b');
    scheduler.arm('a', T0 + 2 * MINUTE, 'a');
    clock.advance(HOUR);
    expect(firedAt.get('a')).toBe(T0 + 2 * MINUTE);
    expect(firedAt.get('b')).toBe(T0 + 5 * MINUTE);
  });

  it('a deadline armed in the past fires on the next timer turn, not inside arm()', () => {
    const { clock, scheduler, batches } = setup();
    scheduler.start();
    scheduler.arm('late', T0 - MINUTE, 'late');
    expect(batches).toHaveLength(0);
    clock.advance(0);
    expect(batches).toHaveLength(1);
  });

  it('onDue may arm and disarm; the scheduler still keeps one timer for the earliest', () => {
    const clock = createManualClock(START);
    const fired: string[] = [];
    const chained = createScheduler<number>({
      clock,
      onDue: (items) => {
        for (const item of items) {
          fired.push(item.key);
          if (item.payload < 3) chained.arm(`step-${item.payload + 1}`, clock.now() + MINUTE, item.payload + 1);
        }
        chained.disarm('never');
      },
    });
    chained.arm('step-1', T0 + MINUTE, 1);
    chained.arm('never', T0 + HOUR, 0);
    chained.start();
    clock.advance(MINUTE);
    expect(clock.pendingTimers()).toBe(1);
    clock.advance(2 * HOUR);
    expect(fired).toEqual(['step-1', 'step-2', 'step-3']);
    expect(clock.pendingTimers()).toBe(0);
    expect(chained.size).toBe(0);
  });

  it('an onDue that throws does not leave later deadlines without a timer', () => {
    const clock = createManualClock(START);
    const fired: string[] = [];
    const scheduler = createScheduler<string>({
      clock,
      onDue: (items) => {
        fired.push(...items.map((item) => item.key));
        if (items[0]?.key === 'a') throw new Error('notifier down');
      },
    });
    scheduler.start();
    scheduler.arm('a', T0 + MINUTE, 'a');
    scheduler.arm('b', T0 + 2 * MINUTE, 'b');
    expect(() => clock.advance(MINUTE)).toThrow('notifier down');
    clock.advance(MINUTE);
    expect(fired).toEqual(['a', 'b']);
  });

  it('next() shows the earliest deadline without removing it', () => {
    const { scheduler } = setup();
    expect(scheduler.next()).toBeUndefined();
    scheduler.arm('b', T0 + 2 * MINUTE, 'b');
    scheduler.arm('a', T0 + MINUTE, 'a');
    expect(scheduler.next()?.key).toBe('a');
    expect(scheduler.size).toBe(2);
  });
});

describe('start and stop', () => {
  it('nothing fires and no timer is set before start', () => {
    const { clock, scheduler, batches } = setup();
    scheduler.arm('a', T0 + MINUTE, 'a');
    clock.advance(HOUR);
    expect(batches).toHaveLength(0);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('catches up at start: everything already past fires in one batch, earliest first', () => {
    const { clock, scheduler, batches, keysOf } = setup();
    scheduler.arm('two-days-ago', T0 - 2 * DAY, 'p');
    scheduler.arm('future', T0 + HOUR, 'p');
    scheduler.arm('an-hour-ago', T0 - HOUR, 'p');
    scheduler.arm('a-week-ago', T0 - 7 * DAY, 'p');

    scheduler.start();

    expect(batches.map(keysOf)).toEqual([['a-week-ago', 'two-days-ago', 'an-hour-ago']]);
    expect(scheduler.size).toBe(1);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('stop clears the timer but keeps the deadlines for the next start', () => {
    const { clock, scheduler, batches, keysOf } = setup();
    scheduler.start();
    scheduler.arm('a', T0 + MINUTE, 'a');
    scheduler.stop();
    expect(clock.pendingTimers()).toBe(0);
    clock.advance(HOUR);
    expect(batches).toHaveLength(0);
    scheduler.start();
    expect(batches.map(keysOf)).toEqual([['a']]);
  });
});

describe('sleep and resume', () => {
  const sleepModels = [
    { os: 'monotonic time stops while asleep (Linux)', monotonicAdvances: false },
    { os: 'monotonic time counts the sleep (Windows)', monotonicAdvances: true },
  ];

  it.each(sleepModels)(
    'deadlines missed during a 3-hour sleep fire once, in one batch, on wake, when $os',
    ({ monotonicAdvances }) => {
      const { clock, scheduler, batches, keysOf, firedAt } = setup();
      scheduler.start();
      scheduler.arm('in-2h', T0 + 2 * HOUR, 'p');
      scheduler.arm('in-30m', T0 + 30 * MINUTE, 'p');
      scheduler.arm('in-1h', T0 + HOUR, 'p');
      scheduler.arm('in-4h', T0 + 4 * HOUR, 'p');

      clock.sleep(3 * HOUR, { monotonicAdvances });
      expect(batches).toHaveLength(0);
      // On wake, overdue timers and the host's resume event may come in either order.
      clock.advance(0);
      scheduler.resume();
      clock.advance(0);

      expect(batches.map(keysOf)).toEqual([['in-30m', 'in-1h', 'in-2h']]);
      expect(clock.pendingTimers()).toBe(1);
      clock.advance(2 * HOUR);
      expect(batches).toHaveLength(2);
      expect(firedAt.get('in-4h')).toBe(T0 + 4 * HOUR);
    },
  );

  it('resume tells clock-change listeners how far the wall clock moved', () => {
    const { clock, scheduler, changes } = setup();
    scheduler.start();
    clock.sleep(3 * HOUR);
    scheduler.resume();
    expect(changes).toEqual([{ reason: 'resume', driftMs: 3 * HOUR, now: T0 + 3 * HOUR }]);
  });

  it('without a resume from the host, the late timer still fires the missed deadlines in one batch', () => {
    const { clock, scheduler, batches, keysOf, changes } = setup();
    scheduler.start();
    scheduler.arm('in-30m', T0 + 30 * MINUTE, 'p');
    scheduler.arm('in-1h', T0 + HOUR, 'p');
    clock.sleep(3 * HOUR);
    clock.advance(30 * MINUTE);
    expect(batches.map(keysOf)).toEqual([['in-30m', 'in-1h']]);
    expect(changes.map((change) => change.reason)).toEqual(['jump']);
  });

  it('resume before start does nothing', () => {
    const { scheduler, batches, changes } = setup();
    scheduler.arm('a', T0 - MINUTE, 'a');
    scheduler.resume();
    expect(batches).toHaveLength(0);
    expect(changes).toHaveLength(0);
  });
});

describe('wall-clock jumps', () => {
  it('when the wall clock jumps back an hour, deadlines do not fire early and fire at their wall time', () => {
    const { clock, scheduler, batches, firedAt, changes } = setup();
    scheduler.start();
    scheduler.arm('a', T0 + 10 * MINUTE, 'a');

    clock.jumpWall(-HOUR);
    clock.advance(10 * MINUTE);
    expect(batches).toHaveLength(0);
    expect(changes).toEqual([{ reason: 'jump', driftMs: -HOUR, now: T0 - 50 * MINUTE }]);
    clock.advance(HOUR - 1);
    expect(batches).toHaveLength(0);
    clock.advance(1);
    expect(firedAt.get('a')).toBe(T0 + 10 * MINUTE);
  });

  it('when the wall clock jumps forward, checkClock fires what became due and re-arms the rest', () => {
    const { clock, scheduler, batches, keysOf, firedAt } = setup();
    scheduler.start();
    scheduler.arm('in-30m', T0 + 30 * MINUTE, 'p');
    scheduler.arm('in-2h', T0 + 2 * HOUR, 'p');

    clock.jumpWall(HOUR);
    expect(scheduler.checkClock()).toBe(true);
    expect(batches.map(keysOf)).toEqual([['in-30m']]);
    clock.advance(HOUR);
    expect(firedAt.get('in-2h')).toBe(T0 + 2 * HOUR);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('after a forward jump found by checkClock, a deadline not yet due still fires at its wall time', () => {
    const { clock, scheduler, batches, firedAt } = setup();
    scheduler.start();
    scheduler.arm('in-2h', T0 + 2 * HOUR, 'p');
    clock.jumpWall(HOUR);
    scheduler.checkClock();
    expect(batches).toHaveLength(0);
    clock.advance(HOUR);
    expect(firedAt.get('in-2h')).toBe(T0 + 2 * HOUR);
  });

  it('a listener that re-arms during a clock change leaves one timer', () => {
    const { clock, scheduler } = setup();
    scheduler.start();
    scheduler.arm('a', T0 + HOUR, 'a');
    scheduler.onClockChange((change) => {
      scheduler.arm('a', change.now + 10 * MINUTE, 'recomputed');
      scheduler.arm('b', change.now + 20 * MINUTE, 'recomputed');
    });
    clock.jumpWall(-HOUR);
    scheduler.checkClock();
    expect(clock.pendingTimers()).toBe(1);
    expect(scheduler.next()).toEqual({ key: 'a', dueAt: T0 - 50 * MINUTE, payload: 'recomputed' });
  });

  it('drift within the tolerance is not a jump', () => {
    const { clock, scheduler, changes } = setup({ jumpToleranceMs: 2000 });
    scheduler.start();
    clock.jumpWall(1500);
    expect(scheduler.checkClock()).toBe(false);
    expect(changes).toHaveLength(0);
    // Small drifts add up until they are more than the tolerance.
    clock.jumpWall(1000);
    expect(scheduler.checkClock()).toBe(true);
    expect(changes).toEqual([{ reason: 'jump', driftMs: 2500, now: T0 + 2500 }]);
  });

  it('an unsubscribed listener hears no more clock changes', () => {
    const { clock, scheduler } = setup();
    const listener = vi.fn();
    const unsubscribe = scheduler.onClockChange(listener);
    scheduler.start();
    unsubscribe();
    clock.jumpWall(HOUR);
    scheduler.checkClock();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('clear errors', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY])('arming with dueAt %s throws, naming the key', (dueAt) => {
    const { scheduler } = setup();
    expect(() => scheduler.arm('case:RD-1001:ack', dueAt, 'p')).toThrow(
      expect.objectContaining({ code: 'invalid_due_at', message: expect.stringContaining("'case:RD-1001:ack'") }),
    );
    expect(scheduler.size).toBe(0);
  });

  it('arming without a key throws', () => {
    const { scheduler } = setup();
    expect(() => scheduler.arm('', T0, 'p')).toThrow(expect.objectContaining({ code: 'invalid_key' }));
  });

  it.each([0, 1.5, MAX_TIMER_MS + 1])('maxTimerMs %s is refused', (maxTimerMs) => {
    expect(() => setup({ maxTimerMs })).toThrow(expect.objectContaining({ code: 'invalid_option' }));
  });

  it('a negative jump tolerance is refused', () => {
    expect(() => setup({ jumpToleranceMs: -1 })).toThrow(/jumpToleranceMs/);
  });
});
