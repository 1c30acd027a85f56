import { MarkdownField } from '../MarkdownField';
import { useSection } from '../review-context';
import { Section } from './Section';

export function PreventativeRecommendationsSection() {
  const [text, setText, readOnly] = useSection('preventativeRecommendations');
  return (
    <Section title="Preventative recommendations">
      <MarkdownField label="Preventative recommendations" value={text} onChange={setText} readOnly={readOnly} />
    </Section>
  );
}

export function OperationalImprovementsSection() {
  const [text, setText, readOnly] = useSection('operationalImprovements');
  return (
    <Section title="Operational improvement suggestions">
      <MarkdownField label="Operational improvement suggestions" value={text} onChange={setText} readOnly={readOnly} />
    </Section>
  );
}

export function LessonsLearnedSection() {
  const [lessons, setLessons, readOnly] = useSection('lessonsLearned');
  return (
    <Section title="Lessons learned">
      <MarkdownField label="What went well" value={lessons.wentWell} onChange={(wentWell) => setLessons({ ...lessons, wentWell })} readOnly={readOnly} />
      <MarkdownField label="What went wrong" value={lessons.wentWrong} onChange={(wentWrong) => setLessons({ ...lessons, wentWrong })} readOnly={readOnly} />
      <MarkdownField label="Where we got lucky" value={lessons.gotLucky} onChange={(gotLucky) => setLessons({ ...lessons, gotLucky })} readOnly={readOnly} />
    </Section>
  );
}
