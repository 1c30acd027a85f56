import { DateTime } from 'luxon';
import { count } from './plural';

/**
 * The one way the console writes time: "Mon 30 Nov, 10:00", in the engineer's time zone,
 * and with the zone's name ("Mon 30 Nov, 10:00 CET") where a calendar's zone is meant instead.
 * Date-only values ("2026-11-30") stay dates: "Mon 30 Nov", never read as a UTC midnight.
 */

const LOCALE = 'en-GB';
/** A date and time is the day's words, a comma and "HH:mm" ("Mon 30 Nov, 10:00"). */
const DATE = 'ccc d LLL';
const DATE_YEAR = 'ccc d LLL yyyy';

export type TimeOptions = {
  /** IANA zone to read the instant in; the engineer's zone (the machine's) when left out. */
  readonly zone?: string;
  /** Add the zone's short name ("CET"): always, or only when `zone` is not the engineer's zone. */
  readonly showZone?: boolean | 'whenNotLocal';
  /** Add the year: for documents kept beyond the year (review exports). */
  readonly year?: boolean;
};

/** The engineer's time zone: the machine's. */
export function engineerZone(): string {
  return DateTime.local().zoneName ?? 'UTC';
}

/** Two zones read an instant alike when their offsets agree then (Europe/Paris and Europe/Berlin). */
function readsAlike(a: string, b: string, iso: string): boolean {
  const at = DateTime.fromISO(iso, { zone: 'utc' });
  return a === b || at.setZone(a).offset === at.setZone(b).offset;
}

/** "CET", "EST", "GMT+11": the short name of the zone at that instant. */
export function zoneName(zone: string, iso: string): string {
  const at = new Date(iso);
  const name = (locale: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? zone;
  const british = name('en-GB');
  return /^GMT[+-]/.test(british) ? name('en-US') : british;
}

/** An ISO 8601 instant with its offset: its date and time (to the second), then the offset. */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * The instant's milliseconds by Date.parse, or NaN where luxon must read it: Date.parse skips
 * luxon's ISO grammar, which cost most of an All cases row. Date.parse takes 30 February for
 * 2 March where luxon refuses it, so the fields must come back as they were written.
 */
function parsedMs(iso: string): number {
  const parts = ISO_INSTANT.exec(iso);
  if (!parts) return Number.NaN;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return ms;
  const offsetMinutes = parts[2] === undefined ? 0 : (parts[2] === '-' ? -1 : 1) * (Number(parts[3]) * 60 + Number(parts[4]));
  return new Date(ms + offsetMinutes * 60_000).toISOString().startsWith(parts[1]!) ? ms : Number.NaN;
}

function instant(iso: string, zone: string | undefined): DateTime {
  const ms = parsedMs(iso);
  const at = Number.isNaN(ms) ? DateTime.fromISO(iso, { zone: 'utc' }) : DateTime.fromMillis(ms, { zone: 'utc' });
  if (!at.isValid) throw new RangeError(`"${iso}" is not an ISO 8601 instant`);
  // toLocal, not setZone(engineerZone()): naming the machine's zone builds an Intl.DateTimeFormat,
  // which costs more than the rest of a row (All cases draws hundreds of times per search).
  return zone ? at.setZone(zone) : at.toLocal();
}

/**
 * The words of each calendar day written so far, by day (and with the year or not). A day's words
 * never change, and a table writes the same few hundred days again and again: formatting them
 * with luxon each time cost more than the rest of the row.
 */
const dayWords = new Map<string, string>();

function dayOf(at: DateTime, year: boolean): string {
  const key = `${at.year}-${at.month}-${at.day}${year ? 'y' : ''}`;
  let words = dayWords.get(key);
  if (words === undefined) dayWords.set(key, (words = at.setLocale(LOCALE).toFormat(year ? DATE_YEAR : DATE)));
  return words;
}

const twoDigits = (value: number) => (value < 10 ? `0${value}` : String(value));

function withZone(text: string, iso: string, options: TimeOptions): string {
  if (!options.showZone) return text;
  const zone = options.zone ?? engineerZone();
  const show = options.showZone === true || !readsAlike(zone, engineerZone(), iso);
  return show ? `${text} ${zoneName(zone, iso)}` : text;
}

/** "Mon 30 Nov, 10:00" (engineer's zone); options name another zone, add its name or the year. */
export function formatDateTime(iso: string, options: TimeOptions = {}): string {
  const at = instant(iso, options.zone);
  const text = `${dayOf(at, options.year === true)}, ${twoDigits(at.hour)}:${twoDigits(at.minute)}`;
  return withZone(text, iso, options);
}

/** "Mon 30 Nov": the day an instant falls on in the zone. */
export function formatDayOf(iso: string, options: Omit<TimeOptions, 'showZone'> = {}): string {
  return dayOf(instant(iso, options.zone), options.year === true);
}

/** A date-only value ("2026-11-30") as "Mon 30 Nov": a date, in no zone. */
export function formatDate(day: string, options: { readonly year?: boolean } = {}): string {
  const date = DateTime.fromISO(day, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !date.isValid) throw new RangeError(`"${day}" is not a date like 2026-11-30`);
  return date.setLocale(LOCALE).toFormat(options.year ? DATE_YEAR : DATE);
}

/**
 * A calendar's holiday as the console writes dates: "Fri 25 Dec 2026" for one day, "25 Dec, every
 * year" for a recurring one ("*-12-25"); anything else (a draft not yet valid) as it was typed.
 */
export function formatHoliday(holiday: string): string {
  const recurring = /^\*-(\d{2})-(\d{2})$/.exec(holiday);
  if (recurring) {
    const date = DateTime.fromISO(`2000-${recurring[1]}-${recurring[2]}`, { zone: 'utc' });
    return date.isValid ? `${date.setLocale(LOCALE).toFormat('d LLL')}, every year` : holiday;
  }
  const date = DateTime.fromISO(holiday, { zone: 'utc' });
  return /^\d{4}-\d{2}-\d{2}$/.test(holiday) && date.isValid ? date.setLocale(LOCALE).toFormat(DATE_YEAR) : holiday;
}

/**
 * A span of minutes for a person: "less than a minute", "1 minute", "2 hours 5 minutes",
 * "3 days 4 hours". Rounded down to the minute; the two largest units.
 */
export function formatMinutes(totalMinutes: number): string {
  const minutes = Math.floor(Math.max(0, totalMinutes));
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${count(days, 'day')} ${count(hours, 'hour')}` : count(days, 'day');
  if (hours > 0) return rest > 0 ? `${count(hours, 'hour')} ${count(rest, 'minute')}` : count(hours, 'hour');
  return count(rest, 'minute');
}

/** A span for a countdown, compact: "2d 4h", "1h 05m", "4m 09s", "12s". */
export function formatSpan(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}

/** "in 1h 05m" before the due time, "1h 05m overdue" after it. */
export function formatCountdown(dueMs: number, nowMs: number): string {
  const left = dueMs - nowMs;
  return left >= 0 ? `in ${formatSpan(left)}` : `${formatSpan(left)} overdue`;
}

/** "2026-11-26T10:15" for a datetime-local input: the instant read in the zone (the engineer's by default). */
export function toInputValue(iso: string, zone?: string): string {
  return instant(iso, zone).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** A datetime-local value read in the zone (the engineer's by default), as a UTC instant; null when empty or invalid. */
export function fromInputValue(value: string, zone?: string): string | null {
  if (!value) return null;
  const local = DateTime.fromISO(value, { zone: zone ?? engineerZone() });
  return local.isValid ? local.toUTC().toISO() : null;
}
