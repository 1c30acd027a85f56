import { DateTime, FixedOffsetZone, Settings as LuxonSettings } from 'luxon';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatCountdown, formatDate, formatDateTime, formatDayOf, formatHoliday, formatMinutes, fromInputValue, toInputValue, zoneName } from '../../../src-shared/words';

// The engineer's zone is the machine's; luxon's default zone stands in for it here.
let saved: typeof LuxonSettings.defaultZone;
beforeEach(() => {
  saved = LuxonSettings.defaultZone;
  LuxonSettings.defaultZone = 'Europe/Berlin';
});
afterEach(() => {
  LuxonSettings.defaultZone = saved;
});

describe('one way to write time', () => {
  it('writes an instant as weekday, day, month and time in the engineer zone', () => {
    expect(formatDateTime('2026-11-30T09:00:00.000Z')).toBe('Mon 30 Nov, 10:00');
    expect(formatDateTime('2026-07-01T09:00:00Z')).toBe('Wed 1 Jul, 11:00');
  });

  it('reads the instant in another zone when asked, and names that zone only when it reads differently', () => {
    expect(formatDateTime('2026-11-30T09:00:00Z', { zone: 'America/New_York', showZone: 'whenNotLocal' })).toBe('Mon 30 Nov, 04:00 EST');
    expect(formatDateTime('2026-11-30T09:00:00Z', { zone: 'Europe/Berlin', showZone: 'whenNotLocal' })).toBe('Mon 30 Nov, 10:00');
    expect(formatDateTime('2026-11-30T09:00:00Z', { zone: 'Europe/Paris', showZone: 'whenNotLocal' })).toBe('Mon 30 Nov, 10:00');
    expect(formatDateTime('2026-11-30T09:00:00Z', { zone: 'Europe/Berlin', showZone: true })).toBe('Mon 30 Nov, 10:00 CET');
    expect(formatDateTime('2026-07-30T09:00:00Z', { zone: 'Europe/Berlin', showZone: true })).toBe('Thu 30 Jul, 11:00 CEST');
  });

  it('adds the year for documents kept beyond the year', () => {
    expect(formatDateTime('2026-11-30T09:00:00Z', { year: true })).toBe('Mon 30 Nov 2026, 10:00');
    expect(formatDayOf('2026-11-30T23:30:00Z')).toBe('Tue 1 Dec');
  });

  it('keeps a date-only value a date in every zone: 30 Nov is 30 Nov', () => {
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      LuxonSettings.defaultZone = zone;
      expect(formatDate('2026-11-30')).toBe('Mon 30 Nov');
    }
    expect(formatDate('2026-11-30', { year: true })).toBe('Mon 30 Nov 2026');
    expect(() => formatDate('2026-11-31')).toThrow(/not a date/);
    expect(formatHoliday('2026-12-25')).toBe('Fri 25 Dec 2026');
    expect(formatHoliday('*-12-25')).toBe('25 Dec, every year');
    expect(formatHoliday('*-02-29')).toBe('29 Feb, every year');
    // A draft not yet valid stays as typed, so its field message points at what is there.
    expect(formatHoliday('2026-02-30')).toBe('2026-02-30');
    expect(formatHoliday('*-13-01')).toBe('*-13-01');
    expect(() => formatDate('2026-11-30T00:00:00Z')).toThrow(/not a date/);
  });

  it('gives short names for common zones, and an offset where the zone has no abbreviation', () => {
    expect(zoneName('Europe/Berlin', '2026-11-30T09:00:00Z')).toBe('CET');
    expect(zoneName('America/New_York', '2026-11-30T09:00:00Z')).toBe('EST');
    expect(zoneName('UTC', '2026-11-30T09:00:00Z')).toBe('UTC');
    expect(zoneName('Asia/Kolkata', '2026-11-30T09:00:00Z')).toBe('GMT+5:30');
  });

  it('refuses what is not an instant, rather than writing "Invalid DateTime"', () => {
    expect(() => formatDateTime('yesterday')).toThrow(/not an ISO 8601 instant/);
  });

  it('agrees with the date pickers: a picker value reads back as the same time', () => {
    const iso = '2026-11-30T09:00:00.000Z';
    expect(toInputValue(iso)).toBe('2026-11-30T10:00');
    expect(fromInputValue('2026-11-30T10:00')).toBe(iso);
    expect(formatDateTime(fromInputValue(toInputValue(iso, 'Asia/Tokyo'), 'Asia/Tokyo') ?? '')).toBe('Mon 30 Nov, 10:00');
    expect(fromInputValue('')).toBeNull();
    expect(fromInputValue('not a time')).toBeNull();
    expect(DateTime.fromISO(fromInputValue('2026-11-30T10:00', 'America/New_York') ?? '').toUTC().hour).toBe(15);
  });
});

describe('time in the machine zone, row after row', () => {
  it('builds no Intl.DateTimeFormat per value once warm (naming the machine zone does, and a table draws hundreds of values)', () => {
    LuxonSettings.defaultZone = 'system';
    const instants = Array.from({ length: 50 }, (_, i) => new Date(Date.UTC(2026, 10, 1 + (i % 28), i % 24)).toISOString());
    const warm = [formatDateTime(instants[0]!), formatDayOf(instants[0]!)];
    const built = vi.spyOn(Intl, 'DateTimeFormat');
    try {
      const texts = instants.flatMap((iso) => [formatDateTime(iso), formatDayOf(iso)]);
      expect(built).not.toHaveBeenCalled();
      // and the words are those of the machine zone
      expect(texts[0]).toBe(warm[0]);
      expect(texts[1]).toBe(warm[1]);
      expect(texts[0]).toBe(DateTime.fromISO(instants[0]!).setLocale('en-GB').toFormat('ccc d LLL, HH:mm'));
    } finally {
      built.mockRestore();
    }
  });
});

describe('time read without luxon\'s ISO grammar, days written once', () => {
  const luxonWords = (iso: string, zone: string | undefined, format: string) => {
    const at = DateTime.fromISO(iso, { zone: 'utc' });
    return (zone ? at.setZone(zone) : at.toLocal()).setLocale('en-GB').toFormat(format);
  };
  /** The same instant written as the store writes it, with an offset, without seconds and with more digits. */
  const forms = (ms: number, offsetMinutes: number) => {
    const utc = new Date(ms).toISOString();
    const shifted = DateTime.fromMillis(ms, { zone: FixedOffsetZone.instance(offsetMinutes) });
    return [utc, utc.replace('Z', '000Z'), shifted.toISO({ includeOffset: true })!, shifted.toISO({ suppressSeconds: true, suppressMilliseconds: true })!];
  };

  it.each([['system'], ['Europe/Berlin'], ['America/New_York'], ['Asia/Kolkata'], ['Australia/Lord_Howe']])('writes every instant as luxon does, in the engineer zone %s and in named zones', (engineer) => {
    LuxonSettings.defaultZone = engineer;
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.constantFrom(0, 60, -300, 330, 600),
        fc.constantFrom(undefined, 'Europe/Berlin', 'America/New_York', 'Pacific/Chatham'),
        fc.boolean(),
        (ms, offset, zone, year) => {
          for (const iso of forms(ms, offset)) {
            expect(formatDateTime(iso, { zone, year })).toBe(luxonWords(iso, zone, year ? 'ccc d LLL yyyy, HH:mm' : 'ccc d LLL, HH:mm'));
            expect(formatDayOf(iso, { zone, year })).toBe(luxonWords(iso, zone, year ? 'ccc d LLL yyyy' : 'ccc d LLL'));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('still reads the other ISO forms luxon reads, and refuses what is no instant', () => {
    expect(formatDateTime('2026-11-30T09:00:00.000+00:00')).toBe('Mon 30 Nov, 10:00');
    expect(formatDateTime('2026-11-30T09:00')).toBe('Mon 30 Nov, 10:00');
    expect(formatDateTime('20261130T090000Z')).toBe('Mon 30 Nov, 10:00');
    expect(() => formatDayOf('2026-13-30T09:00:00Z')).toThrow(/not an ISO 8601 instant/);
    expect(() => formatDateTime('2026-02-30T09:00:00Z')).toThrow(/not an ISO 8601 instant/);
  });
});

describe('spans in words', () => {
  it.each([
    [0, 'less than a minute'],
    [0.4, 'less than a minute'],
    [1, '1 minute'],
    [59, '59 minutes'],
    [60, '1 hour'],
    [61, '1 hour 1 minute'],
    [125, '2 hours 5 minutes'],
    [1440, '1 day'],
    [1500, '1 day 1 hour'],
    [3 * 1440 + 240, '3 days 4 hours'],
    [-5, 'less than a minute'],
  ])('%s minutes read "%s"', (minutes, words) => {
    expect(formatMinutes(minutes)).toBe(words);
  });

  it('counts down before the due time and counts up after it', () => {
    expect(formatCountdown(3_900_000, 0)).toBe('in 1h 05m');
    expect(formatCountdown(0, 249_000)).toBe('4m 09s overdue');
  });
});
