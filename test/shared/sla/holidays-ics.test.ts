import { importHolidaysFromIcs } from '../../../src-shared/sla';

const ics = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR'].join('\r\n');
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', 'UID:' + Math.random().toString(36).slice(2), 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'].join('\r\n');

describe('importing holidays from .ics', () => {
  it('reads all-day events as dates, multi-day events as each day', () => {
    const result = importHolidaysFromIcs(ics(
      vevent('SUMMARY:Unity Day', 'DTSTART;VALUE=DATE:20261003', 'DTEND;VALUE=DATE:20261004'),
      vevent('SUMMARY:Christmas', 'DTSTART;VALUE=DATE:20261224', 'DTEND;VALUE=DATE:20261227'),
    ));
    expect(result).toEqual({ ok: true, holidays: ['2026-10-03', '2026-12-24', '2026-12-25', '2026-12-26'], skipped: [] });
  });

  it('reads a yearly all-day event as a wildcard date', () => {
    const result = importHolidaysFromIcs(ics(vevent('SUMMARY:New Year', 'DTSTART;VALUE=DATE:20260101', 'RRULE:FREQ=YEARLY')));
    expect(result.ok && result.holidays).toEqual(['*-01-01']);
  });

  it('skips timed events and says so', () => {
    const result = importHolidaysFromIcs(ics(
      vevent('SUMMARY:Standup', 'DTSTART:20261005T090000Z', 'DTEND:20261005T091500Z'),
      vevent('SUMMARY:Holiday', 'DTSTART;VALUE=DATE:20261005'),
    ));
    expect(result).toEqual({ ok: true, holidays: ['2026-10-05'], skipped: ['"Standup" is not an all-day event'] });
  });

  it.each([
    ['text that is not iCalendar', 'hello world', /not a readable iCalendar file/],
    ['a calendar without events', ics(), /no events/],
    ['a calendar with only timed events', ics(vevent('SUMMARY:Call', 'DTSTART:20261005T090000Z')), /no all-day events/],
    ['an unsupported recurrence', ics(vevent('SUMMARY:Mondays', 'DTSTART;VALUE=DATE:20261005', 'RRULE:FREQ=WEEKLY')), /"Mondays" repeats by a rule other than every year/],
  ])('fails on %s and says why', (_what, text, message) => {
    const result = importHolidaysFromIcs(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });
});
