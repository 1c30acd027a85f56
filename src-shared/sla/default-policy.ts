import type { Calendar } from './calendar';
import { BUSINESS, POLICY_SCHEMA_VERSION, type Duration, type Policy, type SeverityTarget } from './policy';

/** Figures from support-plans.md; every one is editable in settings. */

const HOUR = 60;
/** One business day is the length of the default business day, 8 hours. */
const BUSINESS_DAY = 8 * HOUR;
const office = (): [string, string][] => [['09:00', '17:00']];

export const DEFAULT_BUSINESS_CALENDAR: Calendar = {
  id: 'business-hours',
  name: 'Business hours (Berlin)',
  timeZone: 'Europe/Berlin',
  week: { mon: office(), tue: office(), wed: office(), thu: office(), fri: office(), sat: [], sun: [] },
  holidays: [],
};

const business = (minutes: number): Duration => ({ minutes, calendar: BUSINESS });
const allDay = (minutes: number): Duration => ({ minutes, calendar: '24x7' });


function target(initialResponse: Duration, updateCadence: Duration, extra: Partial<SeverityTarget> = {}): SeverityTarget {
  return {
    initialResponse,
    updateCadence,
    // Escalation for lack of progress is due after two cadences without an update.
    lackOfProgressThreshold: { ...updateCadence },
    autoEscalation: null,
    managementVisibility: 'onManagementEscalation',
    reviewRequired: false,
    reviewDue: business(5 * BUSINESS_DAY),
    ...extra,
  };
}

const highSeverity = { reviewRequired: true } as const;

export const DEFAULT_POLICY: Policy = {
  schemaVersion: POLICY_SCHEMA_VERSION,
  calendars: [DEFAULT_BUSINESS_CALENDAR],
  plans: [
    {
      id: 'standard',
      name: 'Standard',
      businessCalendarId: DEFAULT_BUSINESS_CALENDAR.id,
      targets: {
        P1: target(business(8 * HOUR), business(HOUR), { ...highSeverity, managementVisibility: 'always' }),
        P2: target(business(12 * HOUR), business(4 * HOUR), highSeverity),
        P3: target(business(24 * HOUR), business(BUSINESS_DAY)),
        P4: target(business(24 * HOUR), business(5 * BUSINESS_DAY)),
      },
    },
    {
      id: 'premium',
      name: 'Premium',
      businessCalendarId: DEFAULT_BUSINESS_CALENDAR.id,
      targets: {
        P1: target(allDay(HOUR), allDay(HOUR), { ...highSeverity, managementVisibility: 'always', autoEscalation: 'seniorEngineering' }),
        P2: target(allDay(2 * HOUR), allDay(4 * HOUR), highSeverity),
        P3: target(allDay(4 * HOUR), business(BUSINESS_DAY)),
        // "1 business day" is read as 8 hours on the business calendar, not 24 hours.
        P4: target(business(BUSINESS_DAY), business(5 * BUSINESS_DAY)),
      },
    },
  ],
};
