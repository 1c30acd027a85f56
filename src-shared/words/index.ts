export { plural, count } from './plural';
export {
  STATUS_LABEL,
  CLOCK_LABEL,
  CHANNEL_LABEL,
  TRIGGER_LABEL,
  LEVEL_LABEL,
  CRITERION_LABEL,
  METHOD_LABEL,
  EVENT_LABEL,
  type PlanNames,
  planIdAsName,
  planNamesOf,
  inSentence,
} from './labels';
export {
  type TimeOptions,
  engineerZone,
  zoneName,
  formatDateTime,
  formatDayOf,
  formatDate,
  formatHoliday,
  formatMinutes,
  formatSpan,
  formatCountdown,
  toInputValue,
  fromInputValue,
} from './time';
export { describeEvent } from './event-text';
export { parseDayText, parseDateTimeText, dayText, dateTimeText, DAY_EXAMPLE, DATE_TIME_EXAMPLE, type DateTextResult } from './date-text';
