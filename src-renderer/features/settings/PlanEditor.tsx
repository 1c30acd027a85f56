import { CALENDAR_24X7_ID } from '../../../src-shared/sla';
import { useDraft } from './editor-context';
import { FieldMessages, SelectField, TextField } from './fields';
import { planLabel } from './field-paths';
import { TargetsTable } from './TargetsTable';

interface Props {
  readonly index: number;
  /** A saved plan keeps its id: cases name their plan by it. */
  readonly idLocked: boolean;
}

export function PlanEditor({ index, idLocked }: Props) {
  const { draft, change } = useDraft();
  const plan = draft.policy.plans[index];
  if (!plan) return null;
  const path = `policy.plans.${index}`;
  const headingId = `settings-plan-${index}-heading`;
  return (
    <section className="settings-subsection" aria-labelledby={headingId}>
      <h4 id={headingId}>{planLabel(draft, index)}</h4>
      <FieldMessages path={path} />
      <div className="settings-row">
        <TextField path={`${path}.name`} visibleLabel value={plan.name} onChange={(value) => change((next) => { next.policy.plans[index]!.name = value; })} />
        {idLocked ? (
          <p className="settings-field">
            <span>Plan id</span> <code>{plan.id}</code>
          </p>
        ) : (
          <TextField path={`${path}.id`} visibleLabel value={plan.id} onChange={(value) => change((next) => { next.policy.plans[index]!.id = value; })} />
        )}
        <SelectField
          path={`${path}.businessCalendarId`}
          visibleLabel
          value={plan.businessCalendarId}
          options={[
            ...draft.policy.calendars.map((calendar) => ({ value: calendar.id, label: calendar.name })),
            { value: CALENDAR_24X7_ID, label: '24x7' },
          ]}
          onChange={(value) => change((next) => { next.policy.plans[index]!.businessCalendarId = value; })}
        />
      </div>
      <TargetsTable index={index} />
    </section>
  );
}
