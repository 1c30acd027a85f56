import { IANAZone } from 'luxon';
import { type Calendar, WEEKDAYS, minutesOfDay, validateCalendar } from './calendar';

/**
 * The covered time of one calendar, as flat UTC-millisecond intervals per local year with
 * running totals. Counting covered time is then two binary searches, and adding time jumps
 * straight to the right interval: no day-by-day or minute-by-minute walking.
 */
type YearBlock = {
  /** UTC ms of local Jan 1 00:00 of this year and of the next. */
  readonly from: number;
  readonly to: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  /** Covered ms from `from` up to each interval's end. */
  readonly cumEnd: Float64Array;
  readonly total: number;
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far we look for coverage before saying the calendar has none (holidays can empty a year). */
const MAX_EMPTY_YEARS = 10;

export class CalendarCoverage {
  private readonly years = new Map<number, YearBlock>();
  private readonly weekMinutes: Array<Array<[number, number]>>;
  private readonly onceHolidays: Set<string>;
  private readonly yearlyHolidays: Set<string>;
  private readonly zone: IANAZone;

  constructor(private readonly calendar: Calendar) {
    // index 0 = Monday, as in WEEKDAYS
    this.weekMinutes = WEEKDAYS.map((day) =>
      calendar.week[day].map(([s, e]) => [minutesOfDay(s), minutesOfDay(e)] as [number, number]).sort((a, b) => a[0] - b[0]),
    );
    this.zone = IANAZone.create(calendar.timeZone);
    this.onceHolidays = new Set(calendar.holidays.filter((h) => !h.startsWith('*')));
    this.yearlyHolidays = new Set(calendar.holidays.filter((h) => h.startsWith('*')).map((h) => h.slice(2)));
  }

  private block(year: number): YearBlock {
    let block = this.years.get(year);
    if (!block) {
      block = this.build(year);
      this.years.set(year, block);
    }
    return block;
  }

  private build(year: number): YearBlock {
    const zone = this.zone;
    const starts: number[] = [];
    const ends: number[] = [];
    const first = Date.UTC(year, 0, 1);
    const next = Date.UTC(year + 1, 0, 1);
    const from = toUtc(zone, first);
    let dayEnd = from;
    for (let local = first; local < next; local += DAY_MS) {
      const civil = new Date(local);
      const date = civil.toISOString().slice(0, 10);
      const dayStart = dayEnd;
      dayEnd = toUtc(zone, local + DAY_MS);
      // A day of exactly 24 hours has one offset throughout: wall times map by subtraction.
      const steady = dayEnd - dayStart === DAY_MS ? (local - dayStart) / MINUTE_MS : null;
      if (this.onceHolidays.has(date) || this.yearlyHolidays.has(date.slice(5))) continue;
      const intervals = this.weekMinutes[(civil.getUTCDay() + 6) % 7] ?? [];
      for (const [s, e] of intervals) {
        // Wall times go through the zone's rules: a time in a spring-forward gap moves
        // forward, so an interval inside the gap collapses to nothing and is skipped.
        const startMs = steady === null ? toUtc(zone, local + s * MINUTE_MS) : local + s * MINUTE_MS - steady * MINUTE_MS;
        const endMs = e === 1440 ? dayEnd : steady === null ? toUtc(zone, local + e * MINUTE_MS) : local + e * MINUTE_MS - steady * MINUTE_MS;
        if (endMs <= startMs) continue;
        const last = ends.length - 1;
        // Adjacent intervals (22:00-24:00 then 00:00-06:00) join into one.
        if (last >= 0 && ends[last]! >= startMs) ends[last] = Math.max(ends[last]!, endMs);
        else {
          starts.push(startMs);
          ends.push(endMs);
        }
      }
    }
    const cumEnd = new Float64Array(starts.length);
    let total = 0;
    for (let i = 0; i < starts.length; i++) {
      total += ends[i]! - starts[i]!;
      cumEnd[i] = total;
    }
    return { from, to: dayEnd, starts: Float64Array.from(starts), ends: Float64Array.from(ends), cumEnd, total };
  }

  /** The local year whose block holds instant t. */
  private yearOf(t: number): number {
    let year = new Date(t).getUTCFullYear();
    // Zone offsets are under a day, so the UTC year is off by at most one.
    if (t < this.block(year).from) year -= 1;
    else if (t >= this.block(year).to) year += 1;
    return year;
  }

  /** Covered ms from the start of t's year block up to t. */
  private position(block: YearBlock, t: number): number {
    const { starts, ends, cumEnd } = block;
    // last interval starting at or before t
    let lo = 0;
    let hi = starts.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= t) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (idx < 0) return 0;
    const before = cumEnd[idx]! - (ends[idx]! - starts[idx]!);
    return before + Math.min(t, ends[idx]!) - starts[idx]!;
  }

  /** Covered ms between two instants; negative when `to` is before `from`. */
  coveredMs(from: number, to: number): number {
    if (to < from) return -this.coveredMs(to, from);
    const y1 = this.yearOf(from);
    const y2 = this.yearOf(to);
    const b1 = this.block(y1);
    if (y1 === y2) return this.position(b1, to) - this.position(b1, from);
    let sum = b1.total - this.position(b1, from);
    for (let y = y1 + 1; y < y2; y++) sum += this.block(y).total;
    return sum + this.position(this.block(y2), to);
  }

  /** The earliest instant at which `amount` covered ms have passed since `from` (amount > 0). */
  addMs(from: number, amount: number): number {
    let year = this.yearOf(from);
    let block = this.block(year);
    let target = this.position(block, from) + amount;
    let empty = 0;
    while (target > block.total) {
      target -= block.total;
      year += 1;
      block = this.block(year);
      empty = block.total === 0 ? empty + 1 : 0;
      if (empty > MAX_EMPTY_YEARS) {
        throw new Error(`calendar '${this.calendar.name}' has no working time for ${MAX_EMPTY_YEARS} years after ${new Date(from).toISOString()}`);
      }
    }
    const { starts, cumEnd } = block;
    // first interval whose running total reaches the target: an exact hit ends at that interval's end
    let lo = 0;
    let hi = cumEnd.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumEnd[mid]! >= target) hi = mid;
      else lo = mid + 1;
    }
    const before = lo > 0 ? cumEnd[lo - 1]! : 0;
    return starts[lo]! + (target - before);
  }

  /** Whether instant t lies inside covered time or exactly at the end of an interval. */
  coversOrEnds(t: number): boolean {
    const block = this.block(this.yearOf(t));
    for (let i = 0; i < block.starts.length; i++) {
      if (block.starts[i]! <= t && t <= block.ends[i]!) return true;
    }
    // an interval ending at the year boundary belongs to the previous block
    const prev = this.block(this.yearOf(t - 1));
    const n = prev.ends.length;
    return n > 0 && prev.ends[n - 1] === t;
  }
}

/**
 * The UTC instant of a wall-clock time (given as if it were UTC ms) in a zone, using the
 * zone's offsets from luxon. Of two readings (clocks going back) the earlier wins; a wall
 * time skipped by clocks going forward is read with the offset before the change, which
 * moves it forward by the size of the gap.
 */
function toUtc(zone: IANAZone, wall: number): number {
  const before = zone.offset(wall - DAY_MS);
  const after = zone.offset(wall + DAY_MS);
  const a = wall - before * MINUTE_MS;
  if (before === after) return a;
  const b = wall - after * MINUTE_MS;
  const aFits = zone.offset(a) === before;
  const bFits = zone.offset(b) === after;
  if (aFits && bFits) return Math.min(a, b);
  if (aFits) return a;
  if (bFits) return b;
  return wall - Math.min(before, after) * MINUTE_MS;
}

/** Calendars are treated as immutable values: edits produce new objects, which get new caches. */
const cache = new WeakMap<Calendar, CalendarCoverage>();

export function coverageOf(calendar: Calendar): CalendarCoverage {
  let coverage = cache.get(calendar);
  if (!coverage) {
    const checked = validateCalendar(calendar);
    if (!checked.ok) {
      const detail = checked.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
      throw new Error(`calendar '${String(calendar?.name ?? '?')}' is invalid: ${detail}`);
    }
    coverage = new CalendarCoverage(checked.calendar);
    cache.set(calendar, coverage);
  }
  return coverage;
}

export { MINUTE_MS };
