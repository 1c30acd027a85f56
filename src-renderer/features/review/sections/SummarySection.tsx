import { useSection } from '../review-context';
import { Section } from './Section';
import { TextField } from './TextField';

export function SummarySection() {
  const [summary, readOnly] = useSection('summary');
  return (
    <Section title="Summary">
      <TextField field="summary" label="Summary" value={summary} readOnly={readOnly} rows={5} />
    </Section>
  );
}
