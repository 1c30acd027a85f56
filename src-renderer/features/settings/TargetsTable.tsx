import { ESCALATION_LEVELS, SEVERITIES, SEVERITY_INFO, type EscalationLevel } from '../../../src-shared/domain';
import { BUSINESS, CALENDAR_24X7_ID, MANAGEMENT_VISIBILITY } from '../../../src-shared/sla';
import { durationText } from './duration-text';
import { useDraft } from './editor-context';
import { CheckboxField, NumberField, SelectField, type Option } from './fields';
import { DURATIONS, DURATION_LABELS, planLabel } from './field-paths';

const NO_ESCALATION = 'none';
const ESCALATION_OPTIONS: readonly Option[] = [
  { value: NO_ESCALATION, label: 'None' },
  ...ESCALATION_LEVELS.map((level) => ({ value: level, label: level === 'seniorEngineering' ? 'Senior engineering' : 'Management' })),
];
const VISIBILITY_LABELS: Record<(typeof MANAGEMENT_VISIBILITY)[number], string> = {
  always: 'Always',
  onManagementEscalation: 'On management escalation',
  never: 'Never',
};

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One plan's targets: a row per severity, each duration in minutes on its calendar. */
export function TargetsTable({ index }: { index: number }) {
  const { draft, change } = useDraft();
  const plan = draft.policy.plans[index];
  if (!plan) return null;
  const business = draft.policy.calendars.find((calendar) => calendar.id === plan.businessCalendarId);
  const calendarOptions: Option[] = [
    { value: BUSINESS, label: `Business (${business?.name ?? plan.businessCalendarId})` },
    { value: CALENDAR_24X7_ID, label: '24x7' },
    ...draft.policy.calendars.map((calendar) => ({ value: calendar.id, label: calendar.name })),
  ];
  const base = `policy.plans.${index}.targets`;
  return (
    <table className="settings-table" aria-label={`${planLabel(draft, index)} targets`}>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          {DURATIONS.map((field) => (
            <th key={field} scope="col">
              {sentenceCase(DURATION_LABELS[field])}
            </th>
          ))}
          <th scope="col">Automatic escalation</th>
          <th scope="col">Management visibility</th>
          <th scope="col">Review required</th>
        </tr>
      </thead>
      <tbody>
        {SEVERITIES.map((severity) => {
          const target = plan.targets[severity];
          const path = `${base}.${severity}`;
          return (
            <tr key={severity}>
              <th scope="row">{SEVERITY_INFO[severity].label}</th>
              {DURATIONS.map((field) => (
                <td key={field} className="settings-duration">
                  <NumberField
                    path={`${path}.${field}.minutes`}
                    value={target[field].minutes}
                    hint={durationText(target[field].minutes)}
                    onChange={(value) => change((next) => { next.policy.plans[index]!.targets[severity][field].minutes = value; })}
                  />
                  <SelectField
                    path={`${path}.${field}.calendar`}
                    value={target[field].calendar}
                    options={calendarOptions}
                    onChange={(value) => change((next) => { next.policy.plans[index]!.targets[severity][field].calendar = value; })}
                  />
                </td>
              ))}
              <td>
                <SelectField
                  path={`${path}.autoEscalation`}
                  value={target.autoEscalation ?? NO_ESCALATION}
                  options={ESCALATION_OPTIONS}
                  onChange={(value) =>
                    change((next) => { next.policy.plans[index]!.targets[severity].autoEscalation = value === NO_ESCALATION ? null : (value as EscalationLevel); })
                  }
                />
              </td>
              <td>
                <SelectField
                  path={`${path}.managementVisibility`}
                  value={target.managementVisibility}
                  options={MANAGEMENT_VISIBILITY.map((value) => ({ value, label: VISIBILITY_LABELS[value] }))}
                  onChange={(value) =>
                    change((next) => { next.policy.plans[index]!.targets[severity].managementVisibility = value as (typeof MANAGEMENT_VISIBILITY)[number]; })
                  }
                />
              </td>
              <td>
                <CheckboxField
                  path={`${path}.reviewRequired`}
                  checked={target.reviewRequired}
                  onChange={(checked) => change((next) => { next.policy.plans[index]!.targets[severity].reviewRequired = checked; })}
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
