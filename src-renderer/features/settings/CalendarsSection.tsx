import { useMemo } from 'react';
import { CalendarEditor } from './CalendarEditor';
import { useDraft } from './editor-context';
import { FieldMessages } from './fields';
import { newCalendar } from './policy-drafts';
import { listTimeZones } from './time-zones';

const TIME_ZONES_LIST_ID = 'settings-time-zones';

/** The calendars "business" durations run on; the 24x7 calendar is built in and not listed. */
export function CalendarsSection() {
  const { draft, change, disabled } = useDraft();
  const zones = useMemo(() => listTimeZones(), []);
  return (
    <section className="settings-section" aria-labelledby="settings-calendars-heading">
      <h3 id="settings-calendars-heading">Calendars</h3>
      <FieldMessages path="policy.calendars" />
      <datalist id={TIME_ZONES_LIST_ID}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {draft.policy.calendars.map((_, index) => (
        <CalendarEditor key={index} index={index} timeZonesListId={TIME_ZONES_LIST_ID} />
      ))}
      <button type="button" disabled={disabled} onClick={() => change((next) => { next.policy.calendars.push(newCalendar(next.policy)); })}>
        Add calendar
      </button>
    </section>
  );
}
