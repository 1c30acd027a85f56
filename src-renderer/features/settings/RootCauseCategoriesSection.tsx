import { useEffect, useState } from 'react';
import { useDraft } from './editor-context';
import { FieldMessages, fieldId } from './fields';

const PATH = 'rootCauseCategories';

/** The root-cause taxonomy reviews pick from and reports rank: one category a line. */
export function RootCauseCategoriesSection() {
  const { draft, change, disabled, messagesAt } = useDraft();
  const joined = draft.rootCauseCategories.join('\n');
  // the text is kept as typed (blank lines included) until it means something else
  const [text, setText] = useState(joined);
  useEffect(() => setText((typed) => (linesOf(typed).join('\n') === joined ? typed : joined)), [joined]);
  const invalid = messagesAt(PATH).length > 0;
  return (
    <section className="settings-section" aria-labelledby="settings-root-causes-heading">
      <h3 id="settings-root-causes-heading">Root-cause categories</h3>
      <p className="settings-hint">One category a line. A review’s root cause takes one or more of them (and free tags); the reports rank them.</p>
      <span className="settings-field settings-field-labelled">
        <label htmlFor={fieldId(PATH)}>Categories</label>
        <textarea
          id={fieldId(PATH)}
          rows={8}
          value={text}
          disabled={disabled}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${fieldId(PATH)}-error` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            const lines = linesOf(event.target.value);
            change((next) => {
              next.rootCauseCategories = lines;
            });
          }}
        />
        <FieldMessages path={PATH} />
      </span>
    </section>
  );
}

function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
