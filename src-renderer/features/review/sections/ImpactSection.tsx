import { formatDuration, fromZoneInputValue, impactDurationMinutes, toZoneInputValue, type Impact } from '../../../../src-shared/review';
import { MarkdownField } from '../MarkdownField';
import { useSection, useTimeZone } from '../review-context';
import { Section } from './Section';

const TIMES: ReadonlyArray<readonly [keyof Pick<Impact, 'startedAt' | 'detectedAt' | 'mitigatedAt' | 'resolvedAt'>, string]> = [
  ['startedAt', 'Impact start'],
  ['detectedAt', 'Detected'],
  ['mitigatedAt', 'Mitigated'],
  ['resolvedAt', 'Resolved'],
];

export function ImpactSection() {
  const [impact, setImpact, readOnly] = useSection('impact');
  const timeZone = useTimeZone();
  const duration = impactDurationMinutes(impact);
  return (
    <Section title="Impact">
      <div className="impact-times">
        {TIMES.map(([field, label]) => (
          <label key={field}>
            {label} ({timeZone})
            <input
              type="datetime-local"
              value={impact[field] ? toZoneInputValue(impact[field], timeZone) : ''}
              readOnly={readOnly}
              onChange={(event) => setImpact({ ...impact, [field]: fromZoneInputValue(event.target.value, timeZone) })}
            />
          </label>
        ))}
        <p>
          Duration: <output aria-label="Duration">{duration === null ? '—' : formatDuration(duration)}</output>
        </p>
      </div>
      <MarkdownField label="Services affected" value={impact.servicesAffected} onChange={(servicesAffected) => setImpact({ ...impact, servicesAffected })} readOnly={readOnly} rows={2} />
      <MarkdownField label="Customers affected" value={impact.customersAffected} onChange={(customersAffected) => setImpact({ ...impact, customersAffected })} readOnly={readOnly} rows={2} />
    </Section>
  );
}
