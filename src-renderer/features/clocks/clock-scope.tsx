import { createContext, useContext, useLayoutEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createNowStore, useDeskStores, type NowStore } from '../../state';

const ClockScopeContext = createContext<NowStore | null>(null);

/** The countdowns inside read `clock` instead of the shared UI clock. */
export function ClockScope({ clock, children }: { clock: NowStore; children: ReactNode }) {
  return <ClockScopeContext.Provider value={clock}>{children}</ClockScopeContext.Provider>;
}

/** "Now" for a countdown: the shared UI clock, or the clock of the scope it is in. */
export function useClockNow(): number {
  const { now } = useDeskStores();
  return useStore(useContext(ClockScopeContext) ?? now, (state) => state.nowMs);
}

/**
 * A clock for a part of the screen that is kept mounted while hidden: while `running` it follows
 * the shared UI clock; stopped, it stands still, so its countdowns cost nothing on each tick. It
 * catches up before it is painted again (a layout effect), so it never shows a stale countdown.
 */
export function useFollowingClock(running: boolean): NowStore {
  const { now } = useDeskStores();
  const [clock] = useState(() => createNowStore(now.getState().nowMs));
  useLayoutEffect(() => {
    if (!running) return;
    const follow = () => clock.getState().set(now.getState().nowMs);
    follow();
    return now.subscribe(follow);
  }, [running, clock, now]);
  return clock;
}
