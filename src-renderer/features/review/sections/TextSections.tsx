import { useSection } from '../review-context';
import { Section } from './Section';
import { TextField } from './TextField';

export function PreventativeRecommendationsSection() {
  const [text, readOnly] = useSection('preventativeRecommendations');
  return (
    <Section title="Preventative recommendations">
      <TextField field="preventativeRecommendations" label="Preventative recommendations" value={text} readOnly={readOnly} />
    </Section>
  );
}

export function OperationalImprovementsSection() {
  const [text, readOnly] = useSection('operationalImprovements');
  return (
    <Section title="Operational improvement suggestions">
      <TextField field="operationalImprovements" label="Operational improvement suggestions" value={text} readOnly={readOnly} />
    </Section>
  );
}

export function LessonsLearnedSection() {
  const [lessons, readOnly] = useSection('lessonsLearned');
  return (
    <Section title="Lessons learned">
      <TextField field="lessonsLearned.wentWell" label="What went well" value={lessons.wentWell} readOnly={readOnly} />
      <TextField field="lessonsLearned.wentWrong" label="What went wrong" value={lessons.wentWrong} readOnly={readOnly} />
      <TextField field="lessonsLearned.gotLucky" label="Where we got lucky" value={lessons.gotLucky} readOnly={readOnly} />
    </Section>
  );
}
