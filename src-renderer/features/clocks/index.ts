export { Countdown, LiveClockState, LiveCountdown, useClockDisplay } from './LiveClock';
