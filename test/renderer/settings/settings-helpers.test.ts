import { durationText } from '../../../src-renderer/features/settings/duration-text';
import { fieldLabel, fieldOf } from '../../../src-renderer/features/settings/field-paths';
import { copyPlan, mergeHolidays, newCalendar, nextInterval, uniqueId } from '../../../src-renderer/features/settings/policy-drafts';
import { FALLBACK_TIME_ZONES, listTimeZones } from '../../../src-renderer/features/settings/time-zones';
import { DEFAULT_SETTINGS, settingsSchema } from '../../../src-shared/settings';

describe('which field an issue path is shown next to', () => {
  it.each([
    ['engineerName', 'engineerName', 'Engineer name'],
    ['notifications.leadMinutes.P4', 'notifications.leadMinutes.P4', 'P4 lead time (minutes)'],
    ['policy.plans.0.targets.P2.updateCadence.minutes', 'policy.plans.0.targets.P2.updateCadence.minutes', 'Standard P2 update cadence (minutes)'],
    ['policy.plans.1.targets.P1.lackOfProgressThreshold.calendar', 'policy.plans.1.targets.P1.lackOfProgressThreshold.calendar', 'Premium P1 lack-of-progress threshold calendar'],
    ['policy.plans.1.targets.P1.autoEscalation', 'policy.plans.1.targets.P1.autoEscalation', 'Premium P1 automatic escalation'],
    ['policy.calendars.0.week.fri.0.1', 'policy.calendars.0.week.fri.0.1', 'Business hours (Berlin) Friday interval 1 end'],
    ['policy.calendars.0.week.mon.2', 'policy.calendars.0.week.mon.2', 'Business hours (Berlin) Monday interval 3'],
    ['policy.calendars.0.week', 'policy.calendars.0.week', 'Business hours (Berlin) working hours'],
    ['policy.calendars.0.holidays.4', 'policy.calendars.0.holidays.4', 'Business hours (Berlin) holiday 5'],
    ['policy.plans.0.targets.P2.updateCadence', 'policy.plans.0', 'Standard'],
    ['policy.schemaVersion', '', 'Settings'],
  ])('%s is shown at %s, named "%s"', (path, field, label) => {
    expect(fieldOf(path)).toBe(field);
    expect(fieldLabel(DEFAULT_SETTINGS, fieldOf(path))).toBe(label);
  });

  it('names a plan or calendar without a name by its position', () => {
    const settings = structuredClone(DEFAULT_SETTINGS);
    settings.policy.plans[1]!.name = ' ';
    settings.policy.calendars[0]!.name = '';
    expect(fieldLabel(settings, 'policy.plans.1.name')).toBe('Plan 2 plan name');
    expect(fieldLabel(settings, 'policy.calendars.0.timeZone')).toBe('Calendar 1 time zone');
  });
});

describe('new plans and calendars', () => {
  it('copies a plan under an id and name nobody uses yet, keeping every target', () => {
    const policy = structuredClone(DEFAULT_SETTINGS.policy);
    policy.plans.push(copyPlan(policy, 0));
    const second = copyPlan(policy, 0);
    expect([policy.plans[2]?.id, policy.plans[2]?.name]).toEqual(['standard-copy', 'Standard (copy)']);
    expect([second.id, second.name]).toEqual(['standard-copy-2', 'Standard (copy) 2']);
    expect(second.targets).toEqual(policy.plans[0]?.targets);
    policy.plans.push(second);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, policy }).success).toBe(true);
  });

  it('adds a calendar that validates and never takes the built-in 24x7 id', () => {
    const policy = structuredClone(DEFAULT_SETTINGS.policy);
    policy.calendars.push(newCalendar(policy));
    policy.calendars.push(newCalendar(policy));
    expect(policy.calendars.map((calendar) => calendar.id)).toEqual(['business-hours', 'calendar', 'calendar-2']);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, policy }).success).toBe(true);
    expect(uniqueId('24x7', ['24x7'])).toBe('24x7-2');
  });

  it.each([
    [[], ['09:00', '17:00']],
    [[['09:00', '12:00']], ['12:00', '13:00']],
    [[['09:00', '23:30']], ['23:00', '24:00']],
  ] as const)('after %j the next interval is %j', (day, next) => {
    expect(nextInterval(day.map(([start, end]) => [start, end]))).toEqual(next);
  });

  it('keeps holidays sorted and each date once', () => {
    expect(mergeHolidays(['2026-12-25', '*-01-01'], ['2026-10-03', '2026-12-25'])).toEqual(['*-01-01', '2026-10-03', '2026-12-25']);
  });
});

describe('reading aids and pickers', () => {
  it.each([
    [45, '45 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [2400, '40 h'],
    [0, ''],
    [-5, ''],
    [Number.NaN, ''],
  ])('%d minutes read as "%s"', (minutes, text) => {
    expect(durationText(minutes)).toBe(text);
  });

  it('offers the runtime time zones with UTC, and the fallback list when the runtime cannot list them', () => {
    expect(listTimeZones(() => ['Europe/Berlin', 'Asia/Tokyo'])).toEqual(['UTC', 'Europe/Berlin', 'Asia/Tokyo']);
    expect(listTimeZones(() => [])).toBe(FALLBACK_TIME_ZONES);
    expect(
      listTimeZones(() => {
        throw new RangeError('supportedValuesOf is not available');
      }),
    ).toBe(FALLBACK_TIME_ZONES);
    expect(listTimeZones()).toContain('Europe/Berlin');
  });
});
