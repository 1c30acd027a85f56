import ICAL from 'ical.js';
import { isHolidayDate } from './calendar';

export type HolidayImport =
  | { ok: true; holidays: string[]; skipped: string[] }
  | { ok: false; error: string };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Longest all-day event we accept; a longer one is almost certainly not a public holiday. */
const MAX_EVENT_DAYS = 31;

/**
 * Reads the all-day VEVENTs of an .ics file as holiday dates. A yearly event without an end
 * becomes a "*-MM-DD" wildcard. Timed events are skipped and reported; anything unreadable
 * fails the whole import, so an invalid file changes nothing.
 */
export function importHolidaysFromIcs(icsText: string): HolidayImport {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(icsText));
  } catch (error) {
    return { ok: false, error: `the file is not a readable iCalendar file: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (root.name !== 'vcalendar') return { ok: false, error: 'the file does not start with BEGIN:VCALENDAR' };
  const events = root.getAllSubcomponents('vevent');
  if (events.length === 0) return { ok: false, error: 'the file has no events (VEVENT)' };
  const holidays = new Set<string>();
  const skipped: string[] = [];
  for (const [index, component] of events.entries()) {
    const summary = String(component.getFirstPropertyValue('summary') ?? `event ${index + 1}`);
    const start = component.getFirstPropertyValue('dtstart');
    if (!(start instanceof ICAL.Time)) return { ok: false, error: `"${summary}" has no start date (DTSTART)` };
    if (!start.isDate) {
      skipped.push(`"${summary}" is not an all-day event`);
      continue;
    }
    const rrule = component.getFirstPropertyValue('rrule');
    if (rrule instanceof ICAL.Recur) {
      if (rrule.freq !== 'YEARLY' || rrule.count || rrule.until || (rrule.interval ?? 1) !== 1 || Object.keys(rrule.parts).length > 0) {
        return { ok: false, error: `"${summary}" repeats by a rule other than every year on the same date (${rrule.toString()})` };
      }
    }
    const end = component.getFirstPropertyValue('dtend');
    const endTime = end instanceof ICAL.Time ? end : null;
    const days = endTime ? Math.round((endTime.toUnixTime() - start.toUnixTime()) / 86_400) : 1;
    if (days < 1) return { ok: false, error: `"${summary}" ends before it starts` };
    if (days > MAX_EVENT_DAYS) return { ok: false, error: `"${summary}" lasts ${days} days; holidays longer than ${MAX_EVENT_DAYS} days are not accepted` };
    const day = start.clone();
    for (let i = 0; i < days; i++) {
      const date = `${rrule ? '*' : day.year}-${pad(day.month)}-${pad(day.day)}`;
      if (!isHolidayDate(date)) return { ok: false, error: `"${summary}" has an invalid date ${date}` };
      holidays.add(date);
      day.adjust(1, 0, 0, 0);
    }
  }
  if (holidays.size === 0) return { ok: false, error: 'the file has no all-day events to use as holidays' };
  return { ok: true, holidays: [...holidays].sort(), skipped };
}
