import { z } from 'zod';
import { IANAZone } from 'luxon';
import { DAY_WINDOW, OUTSIDE_WINDOW_MESSAGE } from '../domain/instant-window';

/**
 * A calendar says when the clocks run: weekly working intervals in one IANA time zone,
 * minus holidays (whole local days). This exact shape is edited, imported and pinned by tests.
 */
export type Interval = [start: string, end: string];
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Calendar = {
  id: string;
  name: string;
  timeZone: string;
  week: Record<Weekday, Interval[]>;
  holidays: string[];
};

/** The id of the built-in round-the-clock calendar; user calendars may not take it. */
export const CALENDAR_24X7_ID = '24x7';
const ALL_DAY: Interval[] = [['00:00', '24:00']];
export const CALENDAR_24X7: Readonly<Calendar> = Object.freeze({
  id: CALENDAR_24X7_ID,
  name: '24x7',
  timeZone: 'UTC',
  week: { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY },
  holidays: [],
});

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const HOLIDAY = /^(\d{4}|\*)-(\d{2})-(\d{2})$/;

/** "HH:MM" as minutes after local midnight ("24:00" is 1440); NaN when malformed. */
export function minutesOfDay(time: string): number {
  const m = TIME.exec(time);
  if (!m) return Number.NaN;
  return m[3] ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether "2026-12-25" or "*-12-25" names a real day ("*-02-29" is allowed: leap years only). */
export function isHolidayDate(text: string): boolean {
  const m = HOLIDAY.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const year = m[1] === '*' ? 2024 : Number(m[1]);
  const lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= (lengths[month - 1] ?? 0);
}

const intervalSchema = z.tuple([z.string(), z.string()]).superRefine(([start, end], ctx) => {
  const s = minutesOfDay(start);
  const e = minutesOfDay(end);
  if (Number.isNaN(s) || s === 1440) ctx.addIssue({ code: 'custom', path: [0], message: `start "${start}" is not a time "HH:MM" from 00:00 to 23:59` });
  if (Number.isNaN(e) || e === 0) ctx.addIssue({ code: 'custom', path: [1], message: `end "${end}" is not a time "HH:MM" from 00:01 to 24:00` });
  if (!Number.isNaN(s) && !Number.isNaN(e) && s >= e) ctx.addIssue({ code: 'custom', message: `interval ${start}-${end} must start before it ends` });
});

const daySchema = z.array(intervalSchema).superRefine((intervals, ctx) => {
  const sorted = intervals
    .map((iv, index) => ({ index, start: minutesOfDay(iv[0]), end: minutesOfDay(iv[1]) }))
    .filter((iv) => !Number.isNaN(iv.start) && !Number.isNaN(iv.end))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.start < prev.end) {
      const a = intervals[prev.index]!;
      const b = intervals[cur.index]!;
      ctx.addIssue({ code: 'custom', path: [cur.index], message: `interval ${b[0]}-${b[1]} overlaps ${a[0]}-${a[1]}` });
    }
  }
});

export const calendarSchema = z
  .object({
    id: z.string().trim().min(1, 'id is required').max(100, 'id is longer than 100 characters'),
    name: z.string().trim().min(1, 'name is required').max(200, 'name is longer than 200 characters'),
    timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), { message: 'is not an IANA time zone (e.g. "Europe/Berlin")' }),
    week: z.object({ mon: daySchema, tue: daySchema, wed: daySchema, thu: daySchema, fri: daySchema, sat: daySchema, sun: daySchema }, {
      error: 'week needs mon, tue, wed, thu, fri, sat and sun',
    }),
    holidays: z.array(
      z
        .string()
        .refine(isHolidayDate, { message: 'is not a date like "2026-12-25" or "*-12-25"' })
        // Not aborting: the policy's own checks (a plan's calendar, ...) still run and report too.
        .refine((day) => !isHolidayDate(day) || day.startsWith('*') || (day >= DAY_WINDOW.first && day <= DAY_WINDOW.last), { message: OUTSIDE_WINDOW_MESSAGE }),
    ),
  })
  .superRefine((calendar, ctx) => {
    if (WEEKDAYS.every((day) => calendar.week[day].length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['week'], message: `calendar '${calendar.name}' has no working time on any day` });
    }
  });

export type ValidationError = { path: string; message: string };
export type Validated<K extends string, T> = ({ ok: true } & Record<K, T>) | { ok: false; errors: ValidationError[] };

/** "plans[1].targets.P2.updateCadence.minutes" from zod's path array. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function issuesToErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>, prefix = ''): ValidationError[] {
  return issues.map((issue) => {
    const inner = formatPath(issue.path);
    const path = prefix && inner && !inner.startsWith('[') ? `${prefix}.${inner}` : prefix + inner;
    return { path, message: issue.message };
  });
}

/** Checks a calendar; an invalid one is returned as errors naming each field and problem. */
export function validateCalendar(input: unknown): Validated<'calendar', Calendar> {
  const parsed = calendarSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };
  return { ok: true, calendar: parsed.data };
}
