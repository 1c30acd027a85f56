import { SEVERITIES } from '../../../src-shared/domain';
import type { Settings } from '../../../src-shared/settings';
import { WEEKDAYS, type Weekday } from '../../../src-shared/sla';
import { TEMPLATE_KINDS, TEMPLATE_LABEL, type TemplateKind } from '../../../src-shared/templates';

/**
 * Every editable field is addressed by the dotted path the contract uses for issue paths
 * ("policy.plans.0.targets.P2.updateCadence.minutes"), so an issue from local validation or
 * from the core lands on the field it names. Labels come from here too, so the inline error,
 * the summary and the input's accessible name always agree.
 */

export const DURATIONS = ['initialResponse', 'updateCadence', 'lackOfProgressThreshold', 'reviewDue'] as const;
export type DurationField = (typeof DURATIONS)[number];

export const DURATION_LABELS: Record<DurationField, string> = {
  initialResponse: 'initial response target',
  updateCadence: 'update cadence',
  lackOfProgressThreshold: 'lack-of-progress threshold',
  reviewDue: 'review due',
};

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const INDEX = '\\d+';
const SEVERITY = `(?:${SEVERITIES.join('|')})`;
const WEEKDAY = `(?:${WEEKDAYS.join('|')})`;
const PLAN = `policy\\.plans\\.${INDEX}`;
const TARGET = `${PLAN}\\.targets\\.${SEVERITY}`;
const CALENDAR = `policy\\.calendars\\.${INDEX}`;

const FIELD_PATTERNS: readonly RegExp[] = [
  'engineerName',
  'backups\\.keep',
  `notifications\\.(?:leadMinutes|reminderMinutes)\\.${SEVERITY}`,
  'policy\\.plans',
  PLAN,
  `${PLAN}\\.(?:id|name|businessCalendarId)`,
  `${TARGET}\\.(?:${DURATIONS.join('|')})\\.(?:minutes|calendar)`,
  `${TARGET}\\.(?:autoEscalation|managementVisibility|reviewRequired)`,
  'policy\\.calendars',
  CALENDAR,
  `${CALENDAR}\\.(?:id|name|timeZone|week)`,
  `${CALENDAR}\\.week\\.${WEEKDAY}\\.${INDEX}(?:\\.[01])?`,
  `${CALENDAR}\\.holidays\\.${INDEX}`,
  `templates\\.(?:${TEMPLATE_KINDS.join('|')})`,
].map((pattern) => new RegExp(`^${pattern}$`));

/** The field an issue path is shown next to: the path itself or its nearest shown parent; "" when none. */
export function fieldOf(path: string): string {
  let current = path;
  while (current !== '') {
    if (FIELD_PATTERNS.some((pattern) => pattern.test(current))) return current;
    const dot = current.lastIndexOf('.');
    current = dot === -1 ? '' : current.slice(0, dot);
  }
  return '';
}

export function planLabel(settings: Settings, index: number): string {
  return settings.policy.plans[index]?.name.trim() || `Plan ${index + 1}`;
}

export function calendarLabel(settings: Settings, index: number): string {
  return settings.policy.calendars[index]?.name.trim() || `Calendar ${index + 1}`;
}

/** The accessible name of the field at a path, in the framework's words; "Settings" when the path names no field. */
export function fieldLabel(settings: Settings, path: string): string {
  const parts = path.split('.');
  const [section, group, rawIndex, key, ...rest] = parts;
  if (path === 'engineerName') return 'Engineer name';
  if (path === 'backups.keep') return 'Backups to keep';
  if (section === 'templates' && group && group in TEMPLATE_LABEL) return `${TEMPLATE_LABEL[group as TemplateKind]} template`;
  if (section === 'notifications' && group && rawIndex) {
    return `${rawIndex} ${group === 'leadMinutes' ? 'lead time' : 'reminder interval'} (minutes)`;
  }
  if (section === 'policy' && group === 'plans') {
    if (rawIndex === undefined) return 'Plans';
    const plan = planLabel(settings, Number(rawIndex));
    if (key === 'id') return `${plan} plan id`;
    if (key === 'name') return `${plan} plan name`;
    if (key === 'businessCalendarId') return `${plan} business calendar`;
    const [severity, field, unit] = rest;
    if (key === 'targets' && severity) {
      if (field === 'autoEscalation') return `${plan} ${severity} automatic escalation`;
      if (field === 'managementVisibility') return `${plan} ${severity} management visibility`;
      if (field === 'reviewRequired') return `${plan} ${severity} review required`;
      if (field && field in DURATION_LABELS) {
        const what = `${plan} ${severity} ${DURATION_LABELS[field as DurationField]}`;
        return unit === 'calendar' ? `${what} calendar` : `${what} (minutes)`;
      }
    }
    return plan;
  }
  if (section === 'policy' && group === 'calendars') {
    if (rawIndex === undefined) return 'Calendars';
    const calendar = calendarLabel(settings, Number(rawIndex));
    if (key === 'id') return `${calendar} calendar id`;
    if (key === 'name') return `${calendar} calendar name`;
    if (key === 'timeZone') return `${calendar} time zone`;
    if (key === 'week') {
      const [day, interval, end] = rest;
      if (!day || !(day in WEEKDAY_LABELS)) return `${calendar} working hours`;
      const row = `${calendar} ${WEEKDAY_LABELS[day as Weekday]} interval ${Number(interval) + 1}`;
      if (end === '0') return `${row} start`;
      if (end === '1') return `${row} end`;
      return row;
    }
    if (key === 'holidays' && rest[0] !== undefined) return `${calendar} holiday ${Number(rest[0]) + 1}`;
    return calendar;
  }
  return 'Settings';
}
