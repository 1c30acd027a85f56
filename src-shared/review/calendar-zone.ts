import { DateTime } from 'luxon';
import { calendarOf, planOf, type Policy } from '../sla';
import { formatDateTime } from '../words/time';

/** A case is shown in its plan's business calendar time zone. */
export function caseTimeZone(policy: Policy, plan: string): string {
  const found = planOf(policy, plan);
  return calendarOf(policy, found, 'business').timeZone;
}

/** An action item due on a day is due by the end of that day in the case's time zone. */
export function endOfDueDay(day: string, timeZone: string): string {
  const start = DateTime.fromISO(day, { zone: timeZone });
  if (!start.isValid) throw new RangeError(`due date ${day} is not a date`);
  return start.plus({ days: 1 }).startOf('day').toUTC().toISO({ suppressMilliseconds: false }) ?? '';
}

/** "Thu 26 Nov 2026, 10:12 CET": the console's one format, as the case's calendar reads the instant (a review is kept beyond the year). */
export function formatInZone(iso: string, timeZone: string): string {
  return formatDateTime(iso, { zone: timeZone, showZone: true, year: true });
}

/** "2026-11-26T10:12" for a datetime-local input, as the case's calendar reads the instant. */
export function toZoneInputValue(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** A datetime-local value read in the case's time zone, as a UTC instant; null when empty or invalid. */
export function fromZoneInputValue(value: string, timeZone: string): string | null {
  if (!value) return null;
  const local = DateTime.fromISO(value, { zone: timeZone });
  return local.isValid ? local.toUTC().toISO() : null;
}
