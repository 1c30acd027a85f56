import { useState, type ChangeEvent } from 'react';
import { importHolidaysFromIcs } from '../../../src-shared/sla';
import { formatHoliday } from '../../../src-shared/words';
import { useDraft } from './editor-context';
import { FieldMessages, fieldId } from './fields';
import { calendarLabel } from './field-paths';
import { mergeHolidays } from './policy-drafts';
import { readFileText } from './read-file-text';

type ImportOutcome = { ok: true; text: string } | { ok: false; text: string };

/** Holidays of one calendar: listed, added one by one, removed, or imported from an .ics file. */
export function HolidaysEditor({ index }: { index: number }) {
  const { draft, change, disabled, messagesAt } = useDraft();
  const [date, setDate] = useState('');
  const [outcome, setOutcome] = useState<ImportOutcome>();
  const calendar = draft.policy.calendars[index];
  if (!calendar) return null;
  const label = calendarLabel(draft, index);
  const path = `policy.calendars.${index}.holidays`;
  const addId = `settings-calendar-${index}-new-holiday`;
  const importId = `settings-calendar-${index}-import`;

  function add() {
    if (date.trim() === '') return;
    change((next) => { next.policy.calendars[index]!.holidays = mergeHolidays(next.policy.calendars[index]!.holidays, [date.trim()]); });
    setDate('');
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await readFileText(file);
    } catch (error) {
      setOutcome({ ok: false, text: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}. The holidays are unchanged.` });
      return;
    } finally {
      input.value = '';
    }
    const result = importHolidaysFromIcs(text);
    if (!result.ok) {
      setOutcome({ ok: false, text: `${file.name} was not imported: ${result.error}. The holidays are unchanged.` });
      return;
    }
    change((next) => { next.policy.calendars[index]!.holidays = mergeHolidays(next.policy.calendars[index]!.holidays, result.holidays); });
    const skipped = result.skipped.length > 0 ? ` Skipped: ${result.skipped.join('; ')}.` : '';
    setOutcome({ ok: true, text: `Imported ${result.holidays.length} holiday dates from ${file.name}.${skipped}` });
  }

  return (
    <div className="settings-holidays">
      <h5>Holidays</h5>
      {calendar.holidays.length === 0 ? <p className="settings-hint">No holidays.</p> : null}
      <ul aria-label={`${label} holidays`}>
        {calendar.holidays.map((holiday, h) => {
          const holidayPath = `${path}.${h}`;
          const invalid = messagesAt(holidayPath).length > 0;
          return (
            <li key={`${holiday}-${h}`}>
              <span>
                <time dateTime={holiday.startsWith('*') ? undefined : holiday}>{formatHoliday(holiday)}</time>
              </span>
              <button
                type="button"
                disabled={disabled}
                aria-label={`Remove holiday ${formatHoliday(holiday)} from ${label}`}
                aria-describedby={invalid ? `${fieldId(holidayPath)}-error` : undefined}
                onClick={() => change((next) => { next.policy.calendars[index]!.holidays.splice(h, 1); })}
              >
                Remove
              </button>
              <FieldMessages path={holidayPath} />
            </li>
          );
        })}
      </ul>
      <div className="settings-row settings-add">
        <label htmlFor={addId}>{`New holiday for ${label}`}</label>
        <input
          id={addId}
          type="text"
          placeholder="2026-12-25 or *-12-25"
          value={date}
          disabled={disabled}
          onChange={(event) => setDate(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" disabled={disabled} aria-label={`Add holiday to ${label}`} onClick={add}>
          Add holiday
        </button>
      </div>
      <div className="settings-row settings-add">
        <label htmlFor={importId}>{`Import holidays from .ics into ${label}`}</label>
        <input id={importId} type="file" accept=".ics,text/calendar" disabled={disabled} onChange={(event) => void importFile(event)} />
      </div>
      {outcome ? (
        <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'settings-hint' : 'field-error'}>
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}
