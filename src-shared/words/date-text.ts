import { DateTime } from 'luxon';
import { formatDate } from './time';

/**
 * Dates typed into the console's date fields, in the console's own way of writing them ("Mon 30 Nov
 * 2026", "Mon 30 Nov 2026, 10:00"), read back into the values the fields stand for: a day
 * ("2026-11-30") or a wall-clock time ("2026-11-30T10:00", read in whichever zone the field names).
 * The weekday may be left out; when it is given it must be that date's. The year may be left out
 * (this year), the month written whole, and the ISO form is accepted too.
 */

const LOCALE = 'en-GB';
const DAY_FORMATS = ['ccc d LLL yyyy', 'd LLL yyyy', 'cccc d LLLL yyyy', 'ccc d LLLL yyyy', 'd LLLL yyyy', 'ccc d LLL', 'd LLL', 'd LLLL'] as const;
export const DAY_EXAMPLE = 'Mon 30 Nov 2026';
export const DATE_TIME_EXAMPLE = 'Mon 30 Nov 2026, 10:00';

export type DateTextResult = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

const tidy = (text: string) => text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();

function readDay(text: string, today: DateTime): DateTime | 'weekday' | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const iso = DateTime.fromISO(text, { zone: 'utc' });
    return iso.isValid ? iso : null;
  }
  let weekdayWrong = false;
  for (const format of DAY_FORMATS) {
    const day = DateTime.fromFormat(text, format, { locale: LOCALE, zone: 'utc' });
    if (day.isValid) return format.includes('yyyy') ? day : day.set({ year: today.year });
    if (day.invalidReason === 'mismatched weekday') weekdayWrong = true;
  }
  return weekdayWrong ? 'weekday' : null;
}

function weekdayMessage(text: string): string {
  const day = readDay(text.replace(/^\p{L}+\s/u, ''), DateTime.utc());
  if (typeof day !== 'object' || !day) return `"${text}" is not a date: write one like ${DAY_EXAMPLE}`;
  return `"${text}" names the wrong weekday: ${day.setLocale(LOCALE).toFormat('d LLL yyyy')} is a ${day.setLocale(LOCALE).toFormat('cccc')}`;
}

/** A typed date as "2026-11-30"; "" when nothing is typed; else a sentence saying how to write it. */
export function parseDayText(typed: string, now: Date = new Date()): DateTextResult {
  const text = tidy(typed);
  if (text === '') return { ok: true, value: '' };
  const day = readDay(text, DateTime.fromJSDate(now, { zone: 'utc' }));
  if (day === 'weekday') return { ok: false, message: weekdayMessage(text) };
  if (!day) return { ok: false, message: `"${text}" is not a date: write one like ${DAY_EXAMPLE}` };
  return { ok: true, value: day.toISODate()! };
}

/** A typed date and time as "2026-11-30T10:00" (a wall-clock time); "" when nothing is typed. */
export function parseDateTimeText(typed: string, now: Date = new Date()): DateTextResult {
  const text = tidy(typed);
  if (text === '') return { ok: true, value: '' };
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})$/.exec(text);
  const parts = iso ?? /^(.*\S) (\d{1,2})[:.](\d{2})$/.exec(text);
  const example = `write one like ${DATE_TIME_EXAMPLE}`;
  if (!parts) return { ok: false, message: `"${text}" is not a date and time: ${example}` };
  const [, dayText, hourText, minuteText] = parts;
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (hour > 23 || minute > 59) return { ok: false, message: `"${hourText}:${minuteText}" is not a time of day: ${example}` };
  const day = readDay(dayText!, DateTime.fromJSDate(now, { zone: 'utc' }));
  if (day === 'weekday') return { ok: false, message: weekdayMessage(dayText!) };
  if (!day) return { ok: false, message: `"${text}" is not a date and time: ${example}` };
  return { ok: true, value: `${day.toISODate()}T${String(hour).padStart(2, '0')}:${minuteText}` };
}

/** "2026-11-30" as the field shows it: "Mon 30 Nov 2026"; "" stays empty. */
export function dayText(day: string): string {
  return day === '' ? '' : formatDate(day, { year: true });
}

/** "2026-11-30T10:00" as the field shows it: "Mon 30 Nov 2026, 10:00"; "" stays empty. */
export function dateTimeText(wallClock: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(wallClock);
  return match ? `${formatDate(match[1]!, { year: true })}, ${match[2]}` : '';
}
