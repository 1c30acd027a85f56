import { dateTimeText, dayText, parseDateTimeText, parseDayText } from '../../../src-shared/words';

const NOW = new Date('2026-11-30T09:00:00Z');

describe('a date typed the way the console writes it', () => {
  it.each([
    ['Mon 30 Nov 2026', '2026-11-30'],
    ['30 Nov 2026', '2026-11-30'],
    ['30 nov 2026', '2026-11-30'],
    ['30 November 2026', '2026-11-30'],
    ['Monday 30 November 2026', '2026-11-30'],
    ['  Mon, 30 Nov 2026 ', '2026-11-30'],
    ['25 Dec', '2026-12-25'],
    ['2026-11-30', '2026-11-30'],
    ['', ''],
  ])('reads %j as %j', (typed, day) => {
    expect(parseDayText(typed, NOW)).toEqual({ ok: true, value: day });
  });

  it.each([
    ['11/30/2026', '"11/30/2026" is not a date: write one like Mon 30 Nov 2026'],
    ['31 Nov 2026', '"31 Nov 2026" is not a date: write one like Mon 30 Nov 2026'],
    ['2026-02-30', '"2026-02-30" is not a date: write one like Mon 30 Nov 2026'],
    ['Tue 30 Nov 2026', '"Tue 30 Nov 2026" names the wrong weekday: 30 Nov 2026 is a Monday'],
  ])('refuses %j, saying how to write it', (typed, message) => {
    expect(parseDayText(typed, NOW)).toEqual({ ok: false, message });
  });

  it('shows a day the way it reads it', () => {
    expect(dayText('2026-11-30')).toBe('Mon 30 Nov 2026');
    expect(dayText('')).toBe('');
    expect(parseDayText(dayText('2027-01-04'), NOW)).toEqual({ ok: true, value: '2027-01-04' });
  });
});

describe('a date and time typed the way the console writes it', () => {
  it.each([
    ['Mon 30 Nov 2026, 10:00', '2026-11-30T10:00'],
    ['30 Nov 2026 9:05', '2026-11-30T09:05'],
    ['Mon 30 Nov, 23:59', '2026-11-30T23:59'],
    ['2026-11-30T10:00', '2026-11-30T10:00'],
    ['2026-11-30 10:00', '2026-11-30T10:00'],
    ['', ''],
  ])('reads %j as %j', (typed, value) => {
    expect(parseDateTimeText(typed, NOW)).toEqual({ ok: true, value });
  });

  it.each([
    ['Mon 30 Nov 2026', '"Mon 30 Nov 2026" is not a date and time: write one like Mon 30 Nov 2026, 10:00'],
    ['Mon 30 Nov 2026, 24:00', '"24:00" is not a time of day: write one like Mon 30 Nov 2026, 10:00'],
    ['11/30/2026, 10:00 AM', '"11/30/2026 10:00 AM" is not a date and time: write one like Mon 30 Nov 2026, 10:00'],
    ['Sun 30 Nov 2026, 10:00', '"Sun 30 Nov 2026" names the wrong weekday: 30 Nov 2026 is a Monday'],
  ])('refuses %j, saying how to write it', (typed, message) => {
    expect(parseDateTimeText(typed, NOW)).toEqual({ ok: false, message });
  });

  it('shows a wall-clock time the way it reads it', () => {
    expect(dateTimeText('2026-11-30T10:00')).toBe('Mon 30 Nov 2026, 10:00');
    expect(parseDateTimeText(dateTimeText('2026-12-01T00:05'), NOW)).toEqual({ ok: true, value: '2026-12-01T00:05' });
  });
});
