import { useDraft } from './editor-context';
import { FieldMessages, TextField } from './fields';
import { calendarLabel } from './field-paths';
import { HolidaysEditor } from './HolidaysEditor';
import { WeekHours } from './WeekHours';

/** One calendar: its name, time zone, weekly working hours and holidays. */
export function CalendarEditor({ index, timeZonesListId }: { index: number; timeZonesListId: string }) {
  const { draft, change, disabled } = useDraft();
  const calendar = draft.policy.calendars[index];
  if (!calendar) return null;
  const label = calendarLabel(draft, index);
  const path = `policy.calendars.${index}`;
  const headingId = `settings-calendar-${index}-heading`;
  return (
    <section className="settings-subsection" aria-labelledby={headingId}>
      <h4 id={headingId}>{label}</h4>
      <FieldMessages path={path} />
      <div className="settings-row">
        <TextField path={`${path}.name`} visibleLabel value={calendar.name} onChange={(value) => change((next) => { next.policy.calendars[index]!.name = value; })} />
        <p className="settings-field">
          <span>Calendar id</span> <code>{calendar.id}</code>
        </p>
        <TextField
          path={`${path}.timeZone`}
          visibleLabel
          list={timeZonesListId}
          placeholder="Europe/Berlin"
          value={calendar.timeZone}
          onChange={(value) => change((next) => { next.policy.calendars[index]!.timeZone = value; })}
        />
      </div>
      <WeekHours index={index} />
      <HolidaysEditor index={index} />
      <button type="button" disabled={disabled} aria-label={`Remove calendar ${label}`} onClick={() => change((next) => { next.policy.calendars.splice(index, 1); })}>
        Remove calendar
      </button>
    </section>
  );
}
