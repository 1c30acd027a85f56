import { DateTime } from 'luxon';
import { calendarOf, planOf, type Policy } from '../sla';

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

/** "2026-11-26 10:12 CET": the instant as the case's calendar reads it. */
export function formatInZone(iso: string, timeZone: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toFormat('yyyy-LL-dd HH:mm ZZZZ');
}
