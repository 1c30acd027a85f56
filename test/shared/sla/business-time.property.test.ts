import fc from 'fast-check';
import { addBusinessTime, businessMinutesBetween, type Calendar } from '../../../src-shared/sla';
import { coverageOf } from '../../../src-shared/sla/coverage';
import { NIGHT_SHIFT, officeHours } from './fixtures';

/** Sunday hours reaching into Berlin's spring-forward gap (02:00-03:00 on the last Sunday of March). */
const INTO_THE_GAP: Calendar = { ...officeHours('Europe/Berlin'), id: 'gap', week: { ...officeHours().week, sun: [['01:30', '02:30'], ['02:40', '02:50']] } };
const CALENDARS: Calendar[] = [officeHours('Europe/Berlin', ['*-12-25', '2026-05-01']), officeHours('America/New_York'), officeHours('Australia/Lord_Howe'), NIGHT_SHIFT, INTO_THE_GAP];
const RUNS = { numRuns: 200 };

const FROM = Date.parse('2025-01-01T00:00:00Z');
const TO = Date.parse('2028-01-01T00:00:00Z');
/** Instants to the second, so sums of minutes in sixtieths stay exact at ms precision. */
const instant = fc.integer({ min: FROM / 1000, max: TO / 1000 }).map((s) => new Date(s * 1000).toISOString());
const minutes = fc.integer({ min: 0, max: 30 * 480 * 60 }).map((s) => s / 60);
const calendar = fc.constantFrom(...CALENDARS);

describe('addBusinessTime properties', () => {
  it('is monotone in the start', () => {
    fc.assert(fc.property(calendar, instant, instant, minutes, (cal, a, b, m) => {
      const [early, late] = a <= b ? [a, b] : [b, a];
      expect(Date.parse(addBusinessTime(early, m, cal))).toBeLessThanOrEqual(Date.parse(addBusinessTime(late, m, cal)));
    }), RUNS);
  });

  it('is monotone in the minutes', () => {
    fc.assert(fc.property(calendar, instant, minutes, minutes, (cal, s, a, b) => {
      const [less, more] = a <= b ? [a, b] : [b, a];
      expect(Date.parse(addBusinessTime(s, less, cal))).toBeLessThanOrEqual(Date.parse(addBusinessTime(s, more, cal)));
    }), RUNS);
  });

  it('adding a then b is adding a + b (once some time is added)', () => {
    fc.assert(fc.property(calendar, instant, minutes.filter((m) => m > 0), minutes, (cal, s, a, b) => {
      expect(addBusinessTime(addBusinessTime(s, a, cal), b, cal)).toBe(addBusinessTime(s, a + b, cal));
    }), RUNS);
  });

  it('counts back exactly the minutes it added', () => {
    fc.assert(fc.property(calendar, instant, minutes, (cal, s, m) => {
      expect(businessMinutesBetween(s, addBusinessTime(s, m, cal), cal)).toBeCloseTo(m, 6);
    }), RUNS);
  });

  it('answers an instant inside coverage or at the end of an interval', () => {
    fc.assert(fc.property(calendar, instant, minutes.filter((m) => m > 0), (cal, s, m) => {
      expect(coverageOf(cal).coversOrEnds(Date.parse(addBusinessTime(s, m, cal)))).toBe(true);
    }), RUNS);
  });

  it('businessMinutesBetween is antisymmetric', () => {
    fc.assert(fc.property(calendar, instant, instant, (cal, a, b) => {
      expect(businessMinutesBetween(a, b, cal)).toBeCloseTo(-businessMinutesBetween(b, a, cal), 9);
    }), RUNS);
  });
});
