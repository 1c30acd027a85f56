import { CALENDAR_24X7, addBusinessTime, businessMinutesBetween, type Calendar } from '../../../src-shared/sla';
import { coverageOf } from '../../../src-shared/sla/coverage';
import { NIGHT_SHIFT, officeHours } from './fixtures';

const BERLIN = officeHours('Europe/Berlin');

describe('addBusinessTime on Mon-Fri 09:00-17:00 Europe/Berlin', () => {
  it.each([
    ['seconds are kept: Thu 10:12:34 + 540 min is Fri 11:12:34', '2026-11-26T09:12:34Z', 540, '2026-11-27T10:12:34.000Z'],
    ['an amount reached at an interval end answers that end: Mon 09:00 + 480 min is Mon 17:00', '2026-11-23T08:00:00Z', 480, '2026-11-23T16:00:00.000Z'],
    ['0 minutes returns the start unchanged, even outside coverage', '2026-11-28T23:59:59Z', 0, '2026-11-28T23:59:59.000Z'],
    ['a clock logged Friday 02:00 starts counting at Friday 09:00', '2026-11-27T01:00:00Z', 60, '2026-11-27T09:00:00.000Z'],
    ['time left on Friday carries over the weekend to Monday', '2026-11-27T15:00:00Z', 120, '2026-11-30T09:00:00.000Z'],
    ['fractional minutes are allowed', '2026-11-23T08:00:00Z', 0.5, '2026-11-23T08:00:30.000Z'],
    ['a start at 17:00 is outside coverage and moves to the next morning', '2026-11-23T16:00:00Z', 1, '2026-11-24T08:01:00.000Z'],
  ])('%s', (_rule, start, minutes, expected) => {
    expect(addBusinessTime(start, minutes, BERLIN)).toBe(expected);
  });

  it('negative minutes are an error that says so', () => {
    expect(() => addBusinessTime('2026-11-23T08:00:00Z', -1, BERLIN)).toThrow(/minutes must be .* at least 0/);
  });

  it('a start that is not an ISO instant is an error naming it', () => {
    expect(() => addBusinessTime('next tuesday', 10, BERLIN)).toThrow(/start "next tuesday" is not an ISO 8601 instant/);
  });

  it('an invalid calendar is refused with its problem', () => {
    const broken = { ...BERLIN, timeZone: 'Mars/Olympus' };
    expect(() => addBusinessTime('2026-11-23T08:00:00Z', 10, broken)).toThrow(/timeZone: is not an IANA time zone/);
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['counts one full week as 40 hours', '2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z', 2400],
    ['counts nothing over a weekend', '2026-11-28T00:00:00Z', '2026-11-30T00:00:00Z', 0],
    ['is negative when the end is before the start', '2026-11-23T16:00:00Z', '2026-11-23T08:00:00Z', -480],
    ['keeps fractions of a minute', '2026-11-23T08:00:00Z', '2026-11-23T08:00:30Z', 0.5],
  ])('%s', (_rule, start, end, expected) => {
    expect(businessMinutesBetween(start, end, BERLIN)).toBeCloseTo(expected, 9);
  });
});

describe('hard calendars', () => {
  it('Europe/Berlin spring forward: a 00:00-24:00 Sunday holds 23 hours', () => {
    const allSunday: Calendar = { ...officeHours(), week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [['00:00', '24:00']] } };
    expect(businessMinutesBetween('2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z', allSunday)).toBe(23 * 60);
    expect(businessMinutesBetween('2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z', allSunday)).toBe(25 * 60);
  });

  it('office hours keep their local time across a DST change (New York, March 2026)', () => {
    const ny = officeHours('America/New_York');
    // Fri 6 Mar 16:00 EST + 120 min: 60 on Friday, 60 on Monday 9 Mar at 09:00 EDT (13:00Z)
    expect(addBusinessTime('2026-03-06T21:00:00Z', 120, ny)).toBe('2026-03-09T14:00:00.000Z');
  });

  it('Australia/Lord_Howe shifts by 30 minutes: its DST Sunday 00:00-24:00 holds 23.5 hours', () => {
    const sundays: Calendar = { ...officeHours('Australia/Lord_Howe'), week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [['00:00', '24:00']] } };
    // DST starts first Sunday of October 2026 (4 Oct) at 02:00 -> 02:30
    expect(businessMinutesBetween('2026-10-02T00:00:00Z', '2026-10-06T00:00:00Z', sundays)).toBe(23.5 * 60);
  });

  it('a working interval wholly inside a spring-forward gap is empty (Berlin Sunday 02:15-02:45 on 29 Mar 2026)', () => {
    const gapOnly: Calendar = { ...officeHours(), week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [['02:15', '02:45']] } };
    expect(businessMinutesBetween('2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z', gapOnly)).toBe(0);
    // the Sundays around it still count their 30 minutes
    expect(businessMinutesBetween('2026-03-21T00:00:00Z', '2026-03-23T00:00:00Z', gapOnly)).toBe(30);
    expect(businessMinutesBetween('2026-04-04T00:00:00Z', '2026-04-06T00:00:00Z', gapOnly)).toBe(30);
    // time added across that Sunday goes on to the next one: Sun 22 Mar 02:45 CET + 1 min is Sun 5 Apr 02:16 CEST
    expect(addBusinessTime('2026-03-22T01:44:00Z', 2, gapOnly)).toBe('2026-04-05T00:16:00.000Z');
  });

  it('a working interval starting inside a spring-forward gap starts when the clocks have moved on', () => {
    // 02:15-04:00 on 29 Mar 2026: the wall clock reads 03:00-04:00 CEST, one hour (01:00Z-02:00Z)
    const partly: Calendar = { ...officeHours(), week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [['02:15', '04:00']] } };
    expect(businessMinutesBetween('2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z', partly)).toBe(60);
    expect(addBusinessTime('2026-03-28T00:00:00Z', 1, partly)).toBe('2026-03-29T01:01:00.000Z');
  });

  it('a day the zone skipped has no working time (Pacific/Apia skipped Friday 30 Dec 2011)', () => {
    const apia = officeHours('Pacific/Apia');
    // Thu 29 Dec 00:00-24:00 (UTC-10) then Sat 31 Dec (UTC+14): only Thursday's 480 minutes
    expect(businessMinutesBetween('2011-12-29T10:00:00Z', '2011-12-31T10:00:00Z', apia)).toBe(480);
    // Thu 29 Dec 17:00 (UTC-10) + 1 min lands on Mon 2 Jan 09:01 (UTC+14)
    expect(addBusinessTime('2011-12-30T03:00:00Z', 1, apia)).toBe('2012-01-01T19:01:00.000Z');
  });

  it('a DST suspension of a few weeks is seen (Africa/Casablanca during Ramadan 2013)', () => {
    const casablanca = officeHours('Africa/Casablanca');
    expect(addBusinessTime('2013-07-01T00:00:00Z', 1, casablanca)).toBe('2013-07-01T08:01:00.000Z'); // UTC+1
    expect(addBusinessTime('2013-07-08T00:00:00Z', 1, casablanca)).toBe('2013-07-08T09:01:00.000Z'); // suspended: UTC+0
    expect(addBusinessTime('2013-08-12T00:00:00Z', 1, casablanca)).toBe('2013-08-12T08:01:00.000Z'); // UTC+1 again
  });

  it('Asia/Kolkata half-hour offset: Mon 09:00 IST is 03:30Z', () => {
    expect(addBusinessTime('2026-11-23T00:00:00Z', 1, officeHours('Asia/Kolkata'))).toBe('2026-11-23T03:31:00.000Z');
  });

  it('a dated holiday is skipped once, a yearly wildcard every year', () => {
    const cal = officeHours('Europe/Berlin', ['2026-11-24', '*-12-25']);
    expect(addBusinessTime('2026-11-23T15:00:00Z', 120, cal)).toBe('2026-11-25T09:00:00.000Z');
    expect(businessMinutesBetween('2026-12-25T00:00:00Z', '2026-12-26T00:00:00Z', cal)).toBe(0);
    expect(businessMinutesBetween('2030-12-25T00:00:00Z', '2030-12-26T00:00:00Z', cal)).toBe(0);
    expect(businessMinutesBetween('2025-11-24T00:00:00Z', '2025-11-25T00:00:00Z', cal)).toBe(480);
  });

  it('overnight cover written as 22:00-24:00 plus 00:00-06:00 joins seamlessly at midnight', () => {
    // Mon 23:00 Berlin (22:00Z) + 120 min runs through midnight to Tue 01:00 Berlin
    expect(addBusinessTime('2026-11-23T22:00:00Z', 120, NIGHT_SHIFT)).toBe('2026-11-24T00:00:00.000Z');
    expect(addBusinessTime('2026-11-23T21:00:00Z', 120, NIGHT_SHIFT)).toBe('2026-11-23T23:00:00.000Z');
  });

  it('weekdays may have different hours', () => {
    const cal: Calendar = { ...officeHours(), week: { mon: [['08:00', '12:00']], tue: [['13:00', '15:00']], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(addBusinessTime('2026-11-23T07:00:00Z', 300, cal)).toBe('2026-11-24T13:00:00.000Z');
  });

  it('a year of business time lands in the right place and counts back to the same amount', () => {
    const minutes = 250 * 480;
    const due = addBusinessTime('2026-01-05T08:00:00Z', minutes, BERLIN);
    expect(businessMinutesBetween('2026-01-05T08:00:00Z', due, BERLIN)).toBeCloseTo(minutes, 6);
    expect(due.startsWith('2026-12-')).toBe(true);
  });

  it('24x7 counts every minute', () => {
    expect(addBusinessTime('2026-12-31T23:30:00Z', 60, CALENDAR_24X7)).toBe('2027-01-01T00:30:00.000Z');
    expect(businessMinutesBetween('2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', CALENDAR_24X7)).toBe(365 * 1440);
  });
});

describe('the instant window (1970-01-01 to 2100-01-01)', () => {
  it('an instant outside the window is refused, naming the argument', () => {
    expect(() => businessMinutesBetween('0026-11-29T10:00:00Z', '2026-11-29T10:00:00Z', BERLIN)).toThrow(/start "0026-11-29T10:00:00Z" is outside 1970-01-01/);
    expect(() => addBusinessTime('2100-01-01T00:00:00Z', 1, BERLIN)).toThrow(RangeError);
  });

  it('a span of decades builds the intervals of its two end years only; the years between count by their totals', () => {
    const calendar = officeHours('Europe/Berlin', ['*-12-25']);
    const coverage = coverageOf(calendar);
    // Mon 3 Jan 2000 09:00 to Mon 28 Dec 2039 09:00 (CET): whole weeks of 40 hours, less the Christmas days on weekdays
    const minutes = businessMinutesBetween('2000-01-03T08:00:00Z', '2039-12-26T08:00:00Z', calendar);
    expect(coverage.yearsBuilt).toBe(2);
    const weeks = (Date.parse('2039-12-26T08:00:00Z') - Date.parse('2000-01-03T08:00:00Z')) / (7 * 86_400_000);
    const christmasOnWeekdays = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2000 + i, 11, 25)).getUTCDay()).filter((day) => day >= 1 && day <= 5).length;
    expect(minutes).toBe(weeks * 2400 - christmasOnWeekdays * 480);
  });

  it('counting across years gives the same answer with or without the years in between built', () => {
    const calendar = officeHours('America/New_York', ['*-07-04']);
    const long = businessMinutesBetween('2001-03-01T00:00:00Z', '2031-03-01T00:00:00Z', calendar);
    let stepwise = 0;
    for (let year = 2001; year < 2031; year++) stepwise += businessMinutesBetween(`${year}-03-01T00:00:00Z`, `${year + 1}-03-01T00:00:00Z`, calendar);
    expect(long).toBe(stepwise);
    // adding it back walks the same years by their totals and lands on the last working minute before the end
    expect(addBusinessTime('2001-03-01T00:00:00Z', long, calendar)).toBe('2031-02-28T22:00:00.000Z');
  });
});
