export { LiveClockState, LiveCountdown, useClockDisplay } from './LiveClock';
