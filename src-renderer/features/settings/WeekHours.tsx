import { WEEKDAYS } from '../../../src-shared/sla';
import { useDraft } from './editor-context';
import { FieldMessages, TextField } from './fields';
import { WEEKDAY_LABELS, calendarLabel } from './field-paths';
import { nextInterval } from './policy-drafts';

/** Working hours per weekday; a day may have several intervals, or none. */
export function WeekHours({ index }: { index: number }) {
  const { draft, change, disabled } = useDraft();
  const calendar = draft.policy.calendars[index];
  if (!calendar) return null;
  const label = calendarLabel(draft, index);
  const path = `policy.calendars.${index}.week`;
  return (
    <div className="settings-week">
      <table className="settings-table" aria-label={`${label} working hours`}>
        <tbody>
          {WEEKDAYS.map((day) => {
            const intervals = calendar.week[day];
            return (
              <tr key={day}>
                <th scope="row">{WEEKDAY_LABELS[day]}</th>
                <td>
                  {intervals.length === 0 ? <span className="settings-hint">Not working</span> : null}
                  {intervals.map((interval, i) => {
                    const row = `${path}.${day}.${i}`;
                    return (
                      <div key={i} className="settings-interval">
                        <TextField
                          path={`${row}.0`}
                          within={row}
                          placeholder="HH:MM"
                          value={interval[0]}
                          onChange={(value) => change((next) => { next.policy.calendars[index]!.week[day][i]![0] = value; })}
                        />
                        <span aria-hidden="true">to</span>
                        <TextField
                          path={`${row}.1`}
                          within={row}
                          placeholder="HH:MM"
                          value={interval[1]}
                          onChange={(value) => change((next) => { next.policy.calendars[index]!.week[day][i]![1] = value; })}
                        />
                        <button
                          type="button"
                          disabled={disabled}
                          aria-label={`Remove ${label} ${WEEKDAY_LABELS[day]} interval ${i + 1}`}
                          onClick={() => change((next) => { next.policy.calendars[index]!.week[day].splice(i, 1); })}
                        >
                          Remove
                        </button>
                        <FieldMessages path={row} />
                      </div>
                    );
                  })}
                  <button
                    type="button"
                    disabled={disabled}
                    aria-label={`Add interval to ${label} ${WEEKDAY_LABELS[day]}`}
                    onClick={() => change((next) => { next.policy.calendars[index]!.week[day].push(nextInterval(next.policy.calendars[index]!.week[day])); })}
                  >
                    Add interval
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FieldMessages path={path} />
    </div>
  );
}
