/**
 * Every instant the console accepts lies in this window, UTC, end exclusive. Outside it a typo
 * ("0026" for "2026") would make the calendars build millennia of working hours; nothing real
 * happens there. The contract refuses such instants; the SLA engine refuses them too.
 */
export const INSTANT_WINDOW = { from: '1970-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' } as const;
export const INSTANT_WINDOW_MS = { from: Date.parse(INSTANT_WINDOW.from), to: Date.parse(INSTANT_WINDOW.to) } as const;
/** The calendar days of the window ("1970-01-01" to "2099-12-31"), for dated holidays. */
export const DAY_WINDOW = { first: INSTANT_WINDOW.from.slice(0, 10), last: '2099-12-31' } as const;

export const OUTSIDE_WINDOW_MESSAGE = `must lie between ${DAY_WINDOW.first} and ${INSTANT_WINDOW.to.slice(0, 10)} (UTC)`;

export function inInstantWindow(ms: number): boolean {
  return ms >= INSTANT_WINDOW_MS.from && ms < INSTANT_WINDOW_MS.to;
}
