import { formatDuration, fromZoneInputValue, impactDurationMinutes, toZoneInputValue, type ImpactTimeField } from '../../../../src-shared/review';
import { DateField } from '../../../components/DateField';
import { FieldProblem, problemProps } from '../FieldProblem';
import { useChange, useFieldProblem, useSection, useTimeZone } from '../review-context';
import { Section } from './Section';
import { TextField } from './TextField';

const TIMES: ReadonlyArray<readonly [ImpactTimeField, string]> = [
  ['startedAt', 'Impact start'],
  ['detectedAt', 'Detected'],
  ['mitigatedAt', 'Mitigated'],
  ['resolvedAt', 'Resolved'],
];

function ImpactTime({ field, label, value, readOnly }: { field: ImpactTimeField; label: string; value: string | null; readOnly: boolean }) {
  const change = useChange();
  const timeZone = useTimeZone();
  const problem = useFieldProblem(`impact.${field}`);
  const problemId = `impact-${field}-problem`;
  return (
    <div className="item-field">
      <label>
        {label} ({timeZone})
        <DateField
          withTime
          value={value ? toZoneInputValue(value, timeZone) : ''}
          readOnly={readOnly}
          onValueChange={(typed) => typed !== null && change({ op: 'setImpactTime', field, value: fromZoneInputValue(typed, timeZone) })}
          {...problemProps(problemId, problem)}
        />
      </label>
      <FieldProblem id={problemId} message={problem} />
    </div>
  );
}

export function ImpactSection() {
  const [impact, readOnly] = useSection('impact');
  const duration = impactDurationMinutes(impact);
  return (
    <Section title="Impact">
      <div className="impact-times">
        {TIMES.map(([field, label]) => (
          <ImpactTime key={field} field={field} label={label} value={impact[field]} readOnly={readOnly} />
        ))}
        <p>
          Duration: <output aria-label="Duration">{duration === null ? '—' : formatDuration(duration)}</output>
        </p>
      </div>
      <TextField field="impact.servicesAffected" label="Services affected" value={impact.servicesAffected} readOnly={readOnly} rows={2} />
      <TextField field="impact.customersAffected" label="Customers affected" value={impact.customersAffected} readOnly={readOnly} rows={2} />
    </Section>
  );
}
