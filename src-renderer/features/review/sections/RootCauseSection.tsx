import { FieldProblem } from '../FieldProblem';
import { useChange, useFieldProblem, useSection } from '../review-context';
import { RootCauseLabels } from './RootCauseLabels';
import { Section } from './Section';
import { TextField } from './TextField';

export function RootCauseSection() {
  const [analysis, readOnly] = useSection('rootCauseAnalysis');
  const change = useChange();
  const problem = useFieldProblem('rootCauseAnalysis.fiveWhys');
  const setWhys = (value: string[]) => change({ op: 'setFiveWhys', value });
  return (
    <Section title="Root cause analysis">
      <TextField field="rootCauseAnalysis.rootCause" label="Root cause" value={analysis.rootCause} readOnly={readOnly} />
      <RootCauseLabels categories={analysis.categories ?? []} tags={analysis.tags ?? []} readOnly={readOnly} />
      <TextField field="rootCauseAnalysis.contributingFactors" label="Contributing factors" value={analysis.contributingFactors} readOnly={readOnly} />
      <fieldset className="five-whys" {...(problem ? { 'aria-describedby': 'five-whys-problem' } : {})}>
        <legend>Five whys (optional)</legend>
        <ol>
          {analysis.fiveWhys.map((why, index) => (
            <li key={index}>
              <input aria-label={`Why ${index + 1}`} value={why} readOnly={readOnly} onChange={(event) => setWhys(analysis.fiveWhys.map((other, i) => (i === index ? event.target.value : other)))} />
              {readOnly ? null : (
                <button type="button" onClick={() => setWhys(analysis.fiveWhys.filter((_, i) => i !== index))}>
                  Remove why {index + 1}
                </button>
              )}
            </li>
          ))}
        </ol>
        <FieldProblem id="five-whys-problem" message={problem} />
        {readOnly || analysis.fiveWhys.length >= 20 ? null : (
          <button type="button" onClick={() => setWhys([...analysis.fiveWhys, ''])}>
            Add a why
          </button>
        )}
      </fieldset>
    </Section>
  );
}
