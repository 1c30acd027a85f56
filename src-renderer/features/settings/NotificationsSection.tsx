import { SEVERITIES, SEVERITY_INFO } from '../../../src-shared/domain';
import { useDraft } from './editor-context';
import { NumberField } from './fields';

/** Per severity: how early a due time is announced, and how often an overdue one is repeated. */
export function NotificationsSection() {
  const { draft, change } = useDraft();
  return (
    <section className="settings-section" aria-labelledby="settings-notifications-heading">
      <h3 id="settings-notifications-heading">Notifications</h3>
      <table className="settings-table" aria-labelledby="settings-notifications-heading">
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Lead time before a due time (minutes)</th>
            <th scope="col">Reminder interval while overdue (minutes)</th>
          </tr>
        </thead>
        <tbody>
          {SEVERITIES.map((severity) => (
            <tr key={severity}>
              <th scope="row">{SEVERITY_INFO[severity].label}</th>
              <td>
                <NumberField
                  path={`notifications.leadMinutes.${severity}`}
                  value={draft.notifications.leadMinutes[severity]}
                  onChange={(value) => change((next) => { next.notifications.leadMinutes[severity] = value; })}
                />
              </td>
              <td>
                <NumberField
                  path={`notifications.reminderMinutes.${severity}`}
                  value={draft.notifications.reminderMinutes[severity]}
                  onChange={(value) => change((next) => { next.notifications.reminderMinutes[severity] = value; })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
