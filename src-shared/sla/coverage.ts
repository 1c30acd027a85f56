import { IANAZone } from 'luxon';
import { INSTANT_WINDOW, INSTANT_WINDOW_MS } from '../domain/instant-window';
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

/** Where a local year lies in UTC and how much of it is covered, without its intervals. */
type YearSummary = { readonly from: number; readonly to: number; readonly total: number };

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far we look for coverage before saying the calendar has none (holidays can empty a year). */
const MAX_EMPTY_YEARS = 10;
/** Local years a calendar may be asked about: the instant window, a zone's offset and a year of business time either side. */
const FIRST_YEAR = new Date(INSTANT_WINDOW_MS.from).getUTCFullYear() - 1;
const LAST_YEAR = new Date(INSTANT_WINDOW_MS.to).getUTCFullYear() + 2 + MAX_EMPTY_YEARS;

export class CalendarCoverage {
  /** Interval arrays, built only for the years a lookup lands in. */
  private readonly years = new Map<number, YearBlock>();
  /** Totals of the years a span only passes through. */
  private readonly summaries = new Map<number, YearSummary>();
  private readonly weekMinutes: Array<Array<[number, number]>>;
  private readonly onceHolidays: Set<string>;
  private readonly yearlyHolidays: Set<string>;

  constructor(private readonly calendar: Calendar) {
    // index 0 = Monday, as in WEEKDAYS
    this.weekMinutes = WEEKDAYS.map((day) =>
      calendar.week[day].map(([s, e]) => [minutesOfDay(s), minutesOfDay(e)] as [number, number]).sort((a, b) => a[0] - b[0]),
    );
    this.onceHolidays = new Set(calendar.holidays.filter((h) => !h.startsWith('*')));
    this.yearlyHolidays = new Set(calendar.holidays.filter((h) => h.startsWith('*')).map((h) => h.slice(2)));
  }

  /** How many years have their intervals built (the work a lookup costs grows with this, not with a span's length). */
  get yearsBuilt(): number {
    return this.years.size;
  }

  private block(year: number): YearBlock {
    let block = this.years.get(year);
    if (!block) {
      const starts: number[] = [];
      const ends: number[] = [];
      const { from, to } = this.walk(year, (startMs, endMs) => {
        const last = ends.length - 1;
        // Adjacent intervals (22:00-24:00 then 00:00-06:00) join into one.
        if (last >= 0 && ends[last]! >= startMs) ends[last] = Math.max(ends[last]!, endMs);
        else {
          starts.push(startMs);
          ends.push(endMs);
        }
      });
      const cumEnd = new Float64Array(starts.length);
      let total = 0;
      for (let i = 0; i < starts.length; i++) {
        total += ends[i]! - starts[i]!;
        cumEnd[i] = total;
      }
      block = { from, to, starts: Float64Array.from(starts), ends: Float64Array.from(ends), cumEnd, total };
      this.years.set(year, block);
    }
    return block;
  }

  /** A year's bounds and covered total: from its block when built, else counted without keeping intervals. */
  private summary(year: number): YearSummary {
    const built = this.years.get(year);
    if (built) return built;
    let summary = this.summaries.get(year);
    if (!summary) {
      let total = 0;
      let lastEnd = Number.NEGATIVE_INFINITY;
      const { from, to } = this.walk(year, (startMs, endMs) => {
        total += endMs - Math.max(startMs, Math.min(lastEnd, endMs));
        lastEnd = Math.max(lastEnd, endMs);
      });
      summary = { from, to, total };
      this.summaries.set(year, summary);
    }
    return summary;
  }

  /** Walks the covered intervals of one local year in order, as UTC ms; answers the year's bounds. */
  private walk(year: number, onInterval: (startMs: number, endMs: number) => void): { from: number; to: number } {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new RangeError(`calendar '${this.calendar.name}' is asked about ${year}, outside ${INSTANT_WINDOW.from.slice(0, 10)} to ${INSTANT_WINDOW.to.slice(0, 10)}`);
    }
    const offsets = zoneOffsets(this.calendar.timeZone, year);
    const first = Date.UTC(year, 0, 1);
    const next = Date.UTC(year + 1, 0, 1);
    const from = offsets.toUtc(first);
    let dayEnd = from;
    for (let local = first; local < next; local += DAY_MS) {
      const civil = new Date(local);
      const date = civil.toISOString().slice(0, 10);
      dayEnd = offsets.toUtc(local + DAY_MS);
      if (this.onceHolidays.has(date) || this.yearlyHolidays.has(date.slice(5))) continue;
      const intervals = this.weekMinutes[(civil.getUTCDay() + 6) % 7] ?? [];
      for (const [s, e] of intervals) {
        // Wall times go through the zone's rules: a time in a spring-forward gap reads as the
        // moment the clocks moved on, so an interval inside the gap (or on a skipped day) is empty.
        const startMs = offsets.toUtc(local + s * MINUTE_MS);
        const endMs = e === 1440 ? dayEnd : offsets.toUtc(local + e * MINUTE_MS);
        if (endMs > startMs) onInterval(startMs, endMs);
      }
    }
    return { from, to: dayEnd };
  }

  /** The local year whose span holds instant t. */
  private yearOf(t: number): number {
    let year = new Date(t).getUTCFullYear();
    // Zone offsets are under a day, so the UTC year is off by at most one.
    if (t < this.summary(year).from) year -= 1;
    else if (t >= this.summary(year).to) year += 1;
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
    // The years in between count only their totals: their intervals are never built.
    let sum = b1.total - this.position(b1, from);
    for (let y = y1 + 1; y < y2; y++) sum += this.summary(y).total;
    return sum + this.position(this.block(y2), to);
  }

  /** The earliest instant at which `amount` covered ms have passed since `from` (amount > 0). */
  addMs(from: number, amount: number): number {
    let year = this.yearOf(from);
    const startBlock = this.block(year);
    let target = this.position(startBlock, from) + amount;
    let total = startBlock.total;
    let empty = 0;
    while (target > total) {
      target -= total;
      year += 1;
      total = this.summary(year).total;
      empty = total === 0 ? empty + 1 : 0;
      if (empty > MAX_EMPTY_YEARS) {
        throw new Error(`calendar '${this.calendar.name}' has no working time for ${MAX_EMPTY_YEARS} years after ${new Date(from).toISOString()}`);
      }
    }
    const { starts, cumEnd } = this.block(year);
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
 * A zone's UTC offsets around one year, found through luxon: sampled weekly, each change then
 * pinned to its minute by bisection (zones change on whole minutes; luxon's offsets are slow
 * to ask, so a year costs about a hundred questions, not one per day). No zone has changed its
 * offset and back within a week since 1970, so weekly samples see every change. Shared by all
 * calendars in the zone.
 */
class ZoneOffsets {
  /** changes[i] is the UTC ms from which offsets[i + 1] holds; offsets[0] holds before the first. */
  private readonly changes: number[] = [];
  private readonly offsets: number[];

  constructor(zone: IANAZone, year: number) {
    // local years reach at most a day beyond their UTC year
    let t = Date.UTC(year, 0, 1) - 2 * DAY_MS;
    const end = Date.UTC(year + 1, 0, 1) + 2 * DAY_MS;
    let offset = zone.offset(t);
    this.offsets = [offset];
    while (t < end) {
      const next = Math.min(t + SAMPLE_MS, end);
      if (zone.offset(next) === offset) {
        t = next;
        continue;
      }
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (zone.offset(mid) === offset) lo = mid;
        else hi = mid;
      }
      offset = zone.offset(hi);
      this.changes.push(hi);
      this.offsets.push(offset);
      t = hi;
    }
  }

  /**
   * The UTC instant of a wall-clock time (given as if it were UTC ms). Of two readings (clocks
   * going back) the earlier wins; a wall time skipped by clocks going forward reads as the
   * instant of the change, so the gap holds no time.
   */
  toUtc(wall: number): number {
    const { changes, offsets } = this;
    for (let i = 0; i < offsets.length; i++) {
      const at = wall - offsets[i]! * MINUTE_MS;
      if ((i === 0 || at >= changes[i - 1]!) && (i === changes.length || at < changes[i]!)) return at;
    }
    for (let i = 0; i < changes.length; i++) {
      if (wall - offsets[i]! * MINUTE_MS >= changes[i]! && wall - offsets[i + 1]! * MINUTE_MS < changes[i]!) return changes[i]!;
    }
    return wall - offsets[0]! * MINUTE_MS;
  }
}

const SAMPLE_MS = 7 * DAY_MS;
const zoneYears = new Map<string, Map<number, ZoneOffsets>>();

function zoneOffsets(timeZone: string, year: number): ZoneOffsets {
  let years = zoneYears.get(timeZone);
  if (!years) zoneYears.set(timeZone, (years = new Map()));
  let offsets = years.get(year);
  if (!offsets) years.set(year, (offsets = new ZoneOffsets(IANAZone.create(timeZone), year)));
  return offsets;
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
