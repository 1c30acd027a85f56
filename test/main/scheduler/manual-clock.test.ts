import { MAX_TIMER_MS } from '../../../src-main/core/clock';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';

const START = '2026-03-02T09:00:00Z';
const T0 = Date.parse(START);

describe('manual clock', () => {
  it('starts at the given instant', () => {
    const clock = createManualClock(START);
    expect(clock.now()).toBe(T0);
  });

  it('rejects a start that is not an ISO date-time, quoting it', () => {
    expect(() => createManualClock('next tuesday')).toThrow(/'next tuesday'/);
  });

  it('advance fires due timers in due order, each seeing its own wall and monotonic time', () => {
    const clock = createManualClock(START);
    const seen: Array<[string, number, number]> = [];
    const record = (name: string) => () => seen.push([name, clock.now() - T0, clock.monotonic()]);
    clock.setTimer(record('late'), 300);
    clock.setTimer(record('early'), 100);
    clock.setTimer(record('beyond'), 1000);

    clock.advance(500);

    expect(seen).toEqual([
      ['early', 100, 100],
      ['late', 300, 300],
    ]);
    expect(clock.now() - T0).toBe(500);
    expect(clock.monotonic()).toBe(500);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('timers due at the same time fire in the order they were set', () => {
    const clock = createManualClock(START);
    const order: string[] = [];
    clock.setTimer(() => order.push('first'), 50);
    clock.setTimer(() => order.push('second'), 50);
    clock.advance(50);
    expect(order).toEqual(['first', 'second']);
  });

  it('a timer set by a callback fires in the same advance when it falls within it', () => {
    const clock = createManualClock(START);
    const firedAt: number[] = [];
    clock.setTimer(() => {
      firedAt.push(clock.monotonic());
      clock.setTimer(() => firedAt.push(clock.monotonic()), 100);
    }, 100);
    clock.advance(250);
    expect(firedAt).toEqual([100, 200]);
  });

  it('a cleared timer never fires', () => {
    const clock = createManualClock(START);
    const callback = vi.fn();
    const handle = clock.setTimer(callback, 10);
    clock.clearTimer(handle);
    clock.advance(100);
    expect(callback).not.toHaveBeenCalled();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('jumpWall moves only wall time and fires nothing', () => {
    const clock = createManualClock(START);
    const callback = vi.fn();
    clock.setTimer(callback, 10);
    clock.jumpWall(-3_600_000);
    expect(clock.now()).toBe(T0 - 3_600_000);
    expect(clock.monotonic()).toBe(0);
    expect(callback).not.toHaveBeenCalled();
  });

  it('sleep moves wall time, stops monotonic time by default, and fires nothing', () => {
    const clock = createManualClock(START);
    const callback = vi.fn();
    clock.setTimer(callback, 10);
    clock.sleep(60_000);
    expect(clock.now() - T0).toBe(60_000);
    expect(clock.monotonic()).toBe(0);
    clock.advance(0);
    expect(callback).not.toHaveBeenCalled();
  });

  it('when the OS counts sleep in monotonic time, overdue timers fire at the next advance', () => {
    const clock = createManualClock(START);
    const callback = vi.fn();
    clock.setTimer(callback, 10);
    clock.sleep(60_000, { monotonicAdvances: true });
    expect(callback).not.toHaveBeenCalled();
    expect(clock.monotonic()).toBe(60_000);
    clock.advance(0);
    expect(callback).toHaveBeenCalledOnce();
  });

  it('refuses a timer longer than 2^31-1 ms, as the Clock port requires', () => {
    const clock = createManualClock(START);
    expect(() => clock.setTimer(() => undefined, MAX_TIMER_MS + 1)).toThrow(/2147483648/);
  });

  it('refuses to move backward in advance or sleep', () => {
    const clock = createManualClock(START);
    expect(() => clock.advance(-1)).toThrow(/advance/);
    expect(() => clock.sleep(-1)).toThrow(/sleep/);
  });

  it('fails loudly when a timer keeps re-arming itself with no delay', () => {
    const clock = createManualClock(START);
    const spin = (): void => {
      clock.setTimer(spin, 0);
    };
    clock.setTimer(spin, 0);
    expect(() => clock.advance(0)).toThrow(/re-arming itself/);
  });
});
