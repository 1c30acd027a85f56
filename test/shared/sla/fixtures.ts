import type { Calendar, Interval } from '../../../src-shared/sla';

const office: Interval[] = [['09:00', '17:00']];

export function officeHours(timeZone = 'Europe/Berlin', holidays: string[] = []): Calendar {
  return { id: `office-${timeZone}`, name: `Office ${timeZone}`, timeZone, week: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] }, holidays };
}

const night: Interval[] = [['00:00', '06:00'], ['22:00', '24:00']];
/** Overnight cover written as two intervals that meet at midnight. */
export const NIGHT_SHIFT: Calendar = { id: 'night', name: 'Night shift', timeZone: 'Europe/Berlin', week: { mon: night, tue: night, wed: night, thu: night, fri: night, sat: night, sun: night }, holidays: [] };
