import { MarkdownField } from '../MarkdownField';
import { useSection } from '../review-context';
import { Section } from './Section';

export function SummarySection() {
  const [summary, setSummary, readOnly] = useSection('summary');
  return (
    <Section title="Summary">
      <MarkdownField label="Summary" value={summary} onChange={setSummary} readOnly={readOnly} rows={5} />
    </Section>
  );
}
