import { CALENDAR_24X7_ID, DEFAULT_BUSINESS_CALENDAR, type Calendar, type Interval, type Plan, type Policy } from '../../../src-shared/sla';

/** `base`, or `base-2`, `base-3`... whichever is not taken yet. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

/** A new plan with every target of the source plan, under a fresh id and name. */
export function copyPlan(policy: Policy, sourceIndex: number): Plan {
  const source = policy.plans[sourceIndex];
  if (!source) throw new Error(`there is no plan ${sourceIndex + 1} to copy`);
  return {
    ...structuredClone(source),
    id: uniqueId(`${source.id}-copy`, policy.plans.map((plan) => plan.id)),
    name: uniqueName(`${source.name} (copy)`, policy.plans.map((plan) => plan.name)),
  };
}

/** A new calendar with office hours Monday to Friday, in the time zone of the first calendar. */
export function newCalendar(policy: Policy): Calendar {
  const template = policy.calendars[0] ?? DEFAULT_BUSINESS_CALENDAR;
  return {
    id: uniqueId('calendar', [CALENDAR_24X7_ID, ...policy.calendars.map((calendar) => calendar.id)]),
    name: uniqueName('New calendar', policy.calendars.map((calendar) => calendar.name)),
    timeZone: template.timeZone,
    week: structuredClone(DEFAULT_BUSINESS_CALENDAR.week),
    holidays: [],
  };
}

/** Holidays as a sorted list without duplicates. */
export function mergeHolidays(current: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...current, ...added])].sort();
}

function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Office hours on an empty day; otherwise the hour after the day's last interval (up to midnight). */
export function nextInterval(day: readonly Interval[]): Interval {
  const last = day.at(-1);
  const match = last ? /^(\d{2}):(\d{2})$/.exec(last[1]) : null;
  if (!match) return ['09:00', '17:00'];
  const start = Math.min(Number(match[1]) * 60 + Number(match[2]), 23 * 60);
  return [clockText(start), clockText(Math.min(start + 60, 24 * 60))];
}
