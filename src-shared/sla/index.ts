export { type Calendar, type Interval, type Weekday, type ValidationError, WEEKDAYS, CALENDAR_24X7, CALENDAR_24X7_ID, calendarSchema, validateCalendar } from './calendar';
export { addBusinessTime, businessMinutesBetween } from './business-time';
export { type HolidayImport, importHolidaysFromIcs } from './holidays-ics';
export {
  type Duration,
  type SeverityTarget,
  type Plan,
  type Policy,
  BUSINESS,
  MANAGEMENT_VISIBILITY,
  POLICY_SCHEMA_VERSION,
  PolicyError,
  durationSchema,
  severityTargetSchema,
  planSchema,
  policySchema,
  parsePolicy,
  findPlan,
  planOf,
  calendarOf,
} from './policy';
export { DEFAULT_POLICY, DEFAULT_BUSINESS_CALENDAR } from './default-policy';
export { type Clock, type ClockKind, type ClockState, type ClockOptions, type TargetChange, CLOCK_KINDS, clocksOf, nextDueClock } from './clocks';
export { autoEscalationOf, isManagementVisible, lackOfProgressEscalation, unacknowledgedEscalationDue } from './rules';
export { type PolicyEra, type PolicyHistory, policyEraSchema, policyHistorySchema, policyInForce, withPolicyApplied } from './policy-history';
