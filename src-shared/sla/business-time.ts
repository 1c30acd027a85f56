import { INSTANT_WINDOW, inInstantWindow } from '../domain/instant-window';
import type { Calendar } from './calendar';
import { MINUTE_MS, coverageOf } from './coverage';

// Accepts any ISO 8601 instant with Z or an explicit offset; local times are ambiguous and rejected.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Epoch ms of an ISO 8601 instant inside the instant window, or an error naming the argument. */
export function instantMs(iso: string, what = 'instant'): number {
  const ms = INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} "${iso}" is not an ISO 8601 instant such as 2026-11-26T09:00:00Z`);
  if (!inInstantWindow(ms)) throw new RangeError(`${what} "${iso}" is outside ${INSTANT_WINDOW.from} to ${INSTANT_WINDOW.to}`);
  return ms;
}

export function isoOf(ms: number): string {
  return new Date(Math.round(ms)).toISOString();
}

/**
 * The earliest UTC instant at which `minutes` of covered time have elapsed since `startIso`.
 * Reaching the amount exactly at an interval's end answers that end; 0 minutes answers the start.
 */
export function addBusinessTime(startIso: string, minutes: number, calendar: Calendar): string {
  const start = instantMs(startIso, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a finite number of at least 0, got ${minutes}`);
  if (minutes === 0) return isoOf(start);
  return isoOf(coverageOf(calendar).addMs(start, minutes * MINUTE_MS));
}

/** Covered minutes between two instants (fractional; negative when end is before start). */
export function businessMinutesBetween(startIso: string, endIso: string, calendar: Calendar): number {
  const start = instantMs(startIso, 'start');
  const end = instantMs(endIso, 'end');
  return coverageOf(calendar).coveredMs(start, end) / MINUTE_MS;
}
