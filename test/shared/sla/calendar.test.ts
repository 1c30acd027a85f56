import { CALENDAR_24X7, validateCalendar } from '../../../src-shared/sla';
import { officeHours } from './fixtures';

function errorsOf(input: unknown) {
  const result = validateCalendar(input);
  return result.ok ? [] : result.errors;
}

describe('calendar validation', () => {
  it('accepts the office calendar and the built-in 24x7', () => {
    expect(validateCalendar(officeHours()).ok).toBe(true);
    expect(validateCalendar(CALENDAR_24X7).ok).toBe(true);
  });

  it.each([
    ['a calendar with no working time', { ...officeHours(), week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } }, 'week', /has no working time on any day/],
    ['overlapping intervals', { ...officeHours(), week: { ...officeHours().week, tue: [['09:00', '13:00'], ['12:00', '17:00']] } }, 'week.tue[1]', /12:00-17:00 overlaps 09:00-13:00/],
    ['a bad time zone', { ...officeHours(), timeZone: 'Europe/Atlantis' }, 'timeZone', /IANA time zone/],
    ['a bad date', { ...officeHours(), holidays: ['2026-02-30'] }, 'holidays[0]', /is not a date/],
    ['a malformed holiday', { ...officeHours(), holidays: ['25.12.2026'] }, 'holidays[0]', /is not a date/],
    ['an interval that ends before it starts', { ...officeHours(), week: { ...officeHours().week, mon: [['17:00', '09:00']] } }, 'week.mon[0]', /must start before it ends/],
    ['a time past 24:00', { ...officeHours(), week: { ...officeHours().week, mon: [['09:00', '24:30']] } }, 'week.mon[0][1]', /not a time/],
    ['a missing weekday', { ...officeHours(), week: { mon: [['09:00', '17:00']] } }, 'week.tue', /./],
  ])('rejects %s and names the field', (_what, input, path, message) => {
    const errors = errorsOf(input);
    const hit = errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit?.message).toMatch(message);
  });

  it('allows adjacent intervals and "24:00" as an end, and a leap-day wildcard', () => {
    const cal = { ...officeHours(), week: { ...officeHours().week, sat: [['00:00', '06:00'], ['06:00', '24:00']] }, holidays: ['*-02-29'] };
    expect(validateCalendar(cal).ok).toBe(true);
  });
});
