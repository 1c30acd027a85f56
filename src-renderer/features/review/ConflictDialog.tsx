import { useCallback, useEffect, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import type { ReviewContent, ReviewSection } from '../../../src-shared/review';
import { useReview } from './review-context';

const SECTION_TITLES: Readonly<Record<ReviewSection, string>> = {
  summary: 'Summary',
  impact: 'Impact',
  timeline: 'Timeline',
  rootCauseAnalysis: 'Root cause analysis',
  preventativeRecommendations: 'Preventative recommendations',
  operationalImprovements: 'Operational improvement suggestions',
  actionItems: 'Action items',
  lessonsLearned: 'Lessons learned',
};

function asText(content: ReviewContent, section: ReviewSection): string {
  const value = content[section];
  if (typeof value === 'string') return value;
  if (section === 'timeline') return content.timeline.map((entry) => `${entry.at} ${entry.kind}${entry.hidden ? ' [hidden]' : ''}${entry.key ? ' [key]' : ''} ${entry.annotation}`).join('\n');
  return JSON.stringify(value, null, 2);
}

/**
 * Another window saved first: both versions side by side, section by section; the engineer picks.
 * Escape (or "Decide later") sets the choice aside like any dialog: nothing is saved while the
 * conflict stands, and "Choose between the versions" opens it again.
 */
export function ConflictDialog() {
  const conflict = useReview((state) => state.conflict);
  const resolveConflict = useReview((state) => state.resolveConflict);
  const [choices, setChoices] = useState<Partial<Record<ReviewSection, 'mine' | 'stored'>>>({});
  const [setAside, setSetAside] = useState(false);
  const later = useCallback(() => setSetAside(true), []);
  useEffect(() => setSetAside(false), [conflict]);
  if (!conflict) return null;
  if (setAside) {
    return (
      <p role="status" className="review-error">
        Another window saved this review while you were editing; nothing more is saved until you choose.{' '}
        <button type="button" onClick={() => setSetAside(false)}>Choose between the versions</button>
      </p>
    );
  }
  return (
    <Dialog label="The review changed in another window" onClose={later}>
      <div className="form conflict">
        <h2>The review changed in another window</h2>
        <p>
          {conflict.stored.updatedBy} saved version {conflict.stored.version} while you were editing. For each section, keep yours or the stored one; you can
          edit further afterwards.
        </p>
        {conflict.sections.map((section) => (
          <fieldset key={section} aria-label={SECTION_TITLES[section]}>
            <legend>{SECTION_TITLES[section]}</legend>
            <div className="conflict-columns">
              <label>
                <input type="radio" name={section} checked={(choices[section] ?? 'mine') === 'mine'} onChange={() => setChoices({ ...choices, [section]: 'mine' })} />
                Keep mine
                <pre aria-label={`${SECTION_TITLES[section]}: mine`}>{asText(conflict.mine, section)}</pre>
              </label>
              <label>
                <input type="radio" name={section} checked={choices[section] === 'stored'} onChange={() => setChoices({ ...choices, [section]: 'stored' })} />
                Keep the stored version
                <pre aria-label={`${SECTION_TITLES[section]}: stored`}>{asText(conflict.stored.content, section)}</pre>
              </label>
            </div>
          </fieldset>
        ))}
        <button
          type="button"
          className="primary"
          onClick={() => void resolveConflict(Object.fromEntries(conflict.sections.map((section) => [section, choices[section] ?? 'mine'])))}
        >
          Save the merged review
        </button>
        <button type="button" onClick={later}>
          Decide later
        </button>
      </div>
    </Dialog>
  );
}
