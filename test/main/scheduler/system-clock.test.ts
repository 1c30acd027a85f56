import { MAX_TIMER_MS, createSystemClock } from '../../../src-main/core/clock';
import { createScheduler } from '../../../src-main/core/scheduler';

const DAY = 86_400_000;

describe('system clock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-03-02T09:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads wall time from Date.now and fires through setTimeout', () => {
    const clock = createSystemClock();
    const fired = vi.fn();
    expect(clock.now()).toBe(Date.parse('2026-03-02T09:00:00Z'));
    clock.setTimer(fired, 1000);
    vi.advanceTimersByTime(999);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fired).toHaveBeenCalledOnce();
  });

  it('monotonic time moves with elapsed time', () => {
    const clock = createSystemClock();
    const before = clock.monotonic();
    vi.advanceTimersByTime(250);
    expect(clock.monotonic() - before).toBe(250);
  });

  it('a cleared timer never fires', () => {
    const clock = createSystemClock();
    const fired = vi.fn();
    clock.clearTimer(clock.setTimer(fired, 10));
    vi.advanceTimersByTime(100);
    expect(fired).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses a delay beyond 2^31-1 ms instead of letting setTimeout fire at once', () => {
    const clock = createSystemClock();
    expect(() => clock.setTimer(() => undefined, MAX_TIMER_MS + 1)).toThrow(RangeError);
    expect(() => clock.setTimer(() => undefined, Number.NaN)).toThrow(/NaN/);
  });

  it('a scheduler on the system clock fires a 30-day deadline at day 30, never at once', () => {
    const clock = createSystemClock();
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const onDue = vi.fn();
    const onClockChange = vi.fn();
    const scheduler = createScheduler<string>({ clock, onDue });
    scheduler.onClockChange(onClockChange);
    scheduler.start();
    const dueAt = Date.now() + 30 * DAY;
    scheduler.arm('case:RD-1001:update', dueAt, 'update');

    vi.advanceTimersByTime(0);
    expect(onDue).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30 * DAY - 1);
    expect(onDue).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1);

    expect(onDue).toHaveBeenCalledExactlyOnceWith([{ key: 'case:RD-1001:update', dueAt, payload: 'update' }]);
    const delays = setTimeoutSpy.mock.calls.map((call) => call[1] ?? 0);
    expect(Math.max(...delays)).toBeLessThanOrEqual(MAX_TIMER_MS);
    expect(onClockChange).not.toHaveBeenCalled();
    scheduler.stop();
  });
});
