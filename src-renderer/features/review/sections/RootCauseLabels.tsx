import { useId, useState } from 'react';
import { useSettings } from '../../../state';
import { FieldProblem, problemProps } from '../FieldProblem';
import { useChange, useFieldProblem } from '../review-context';
import './root-cause-labels.css';

/** Where a problem with the labels is marked (see `fieldOf`). */
const FIELD = 'rootCauseAnalysis.labels';

/**
 * The root cause's categories (from the taxonomy in Settings) and free tags, which the reports
 * rank (docs/reports.md). Every choice is one `setRootCauseLabels` change, saved like any field.
 */
export function RootCauseLabels({ categories, tags, readOnly }: { categories: readonly string[]; tags: readonly string[]; readOnly: boolean }) {
  // the panel loads the settings with the review: until then only the review's own categories are known
  const loaded = useSettings((state) => state.settings?.rootCauseCategories);
  const taxonomy = loaded ?? categories;
  const change = useChange();
  const problem = useFieldProblem(FIELD);
  const problemId = useId();
  const tagInputId = useId();
  const hintId = useId();
  const [draft, setDraft] = useState('');
  // a category the taxonomy has since lost stays on the review until it is unticked
  const retired = loaded ? categories.filter((category) => !taxonomy.includes(category)) : [];
  const save = (nextCategories: readonly string[], nextTags: readonly string[]) => change({ op: 'setRootCauseLabels', categories: [...nextCategories], tags: [...nextTags] });
  const toggle = (category: string, checked: boolean) => {
    const chosen = new Set(categories);
    if (checked) chosen.add(category);
    else chosen.delete(category);
    save([...taxonomy, ...retired].filter((name) => chosen.has(name)), tags);
  };
  const addTags = () => {
    const known = new Set(tags.map((tag) => tag.toLowerCase()));
    const added: string[] = [];
    for (const part of draft.split(',')) {
      const tag = part.trim();
      if (tag === '' || known.has(tag.toLowerCase())) continue;
      known.add(tag.toLowerCase());
      added.push(tag);
    }
    setDraft('');
    if (added.length > 0) save(categories, [...tags, ...added]);
  };

  return (
    <div className="root-cause-labels">
      <fieldset {...problemProps(problemId, problem)}>
        <legend>Categories</legend>
        <div className="root-cause-categories">
          {[...taxonomy, ...retired].map((category) => (
            <label key={category} className="inline">
              <input type="checkbox" checked={categories.includes(category)} disabled={readOnly || !loaded} onChange={(event) => toggle(category, event.target.checked)} />
              {retired.includes(category) ? `${category} (no longer in Settings)` : category}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="root-cause-tags">
        <legend>Tags</legend>
        {tags.length === 0 ? (
          <span className="muted">No tags.</span>
        ) : (
          <ul>
            {tags.map((tag) => (
              <li key={tag}>
                <span>{tag}</span>
                {readOnly ? null : (
                  // the name starts with the visible word (WCAG 2.5.3) and says which tag
                  <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => save(categories, tags.filter((other) => other !== tag))}>
                    Remove
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {readOnly ? null : (
          <span className="add-tag">
            <label htmlFor={tagInputId}>New tag</label>
            <input
              id={tagInputId}
              value={draft}
              aria-describedby={hintId}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault();
                addTags();
              }}
            />
            <button type="button" onClick={addTags} disabled={draft.trim() === ''}>
              Add tag
            </button>
            <span id={hintId} className="muted">
              Enter adds it; commas separate several.
            </span>
          </span>
        )}
      </fieldset>
      <FieldProblem id={problemId} message={problem} />
    </div>
  );
}
