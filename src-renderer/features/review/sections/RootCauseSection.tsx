import { MarkdownField } from '../MarkdownField';
import { useSection } from '../review-context';
import { Section } from './Section';

export function RootCauseSection() {
  const [analysis, setAnalysis, readOnly] = useSection('rootCauseAnalysis');
  const setWhy = (index: number, text: string) => setAnalysis({ ...analysis, fiveWhys: analysis.fiveWhys.map((why, i) => (i === index ? text : why)) });
  return (
    <Section title="Root cause analysis">
      <MarkdownField label="Root cause" value={analysis.rootCause} onChange={(rootCause) => setAnalysis({ ...analysis, rootCause })} readOnly={readOnly} />
      <MarkdownField
        label="Contributing factors"
        value={analysis.contributingFactors}
        onChange={(contributingFactors) => setAnalysis({ ...analysis, contributingFactors })}
        readOnly={readOnly}
      />
      <fieldset className="five-whys">
        <legend>Five whys (optional)</legend>
        <ol>
          {analysis.fiveWhys.map((why, index) => (
            <li key={index}>
              <input aria-label={`Why ${index + 1}`} value={why} readOnly={readOnly} onChange={(event) => setWhy(index, event.target.value)} />
              {readOnly ? null : (
                <button type="button" onClick={() => setAnalysis({ ...analysis, fiveWhys: analysis.fiveWhys.filter((_, i) => i !== index) })}>
                  Remove why {index + 1}
                </button>
              )}
            </li>
          ))}
        </ol>
        {readOnly || analysis.fiveWhys.length >= 20 ? null : (
          <button type="button" onClick={() => setAnalysis({ ...analysis, fiveWhys: [...analysis.fiveWhys, ''] })}>
            Add a why
          </button>
        )}
      </fieldset>
    </Section>
  );
}
