export { ClockScope, useClockNow, useFollowingClock } from './clock-scope';
export { Countdown, LiveClockState, LiveCountdown, useClockDisplay } from './LiveClock';
