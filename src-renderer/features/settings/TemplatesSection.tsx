import { PLACEHOLDERS, PLACEHOLDER_MEANING, TEMPLATE_KINDS, type TemplateKind } from '../../../src-shared/templates';
import { useDraft } from './editor-context';
import { FieldMessages, fieldId } from './fields';
import { fieldLabel } from './field-paths';

const USED_BY: Record<TemplateKind, string> = {
  initialResponse: 'Acknowledge',
  progressUpdate: 'Post update',
  informationRequest: 'Request information',
  workaround: 'Provide workaround',
  resolution: 'Resolve',
};

/** The customer update templates the message dialogs start from, one per kind of message. */
export function TemplatesSection() {
  const { draft, change, disabled, messagesAt } = useDraft();
  return (
    <section className="settings-section" aria-labelledby="settings-templates-heading">
      <h3 id="settings-templates-heading">Customer update templates</h3>
      <p className="settings-hint">
        Each message to the customer starts from its template, filled from the case. Placeholders:{' '}
        {PLACEHOLDERS.map((name, i) => (
          <span key={name} title={PLACEHOLDER_MEANING[name]}>
            <code>{`{${name}}`}</code>
            {i < PLACEHOLDERS.length - 1 ? ', ' : '.'}
          </span>
        ))}
      </p>
      {TEMPLATE_KINDS.map((kind) => {
        const path = `templates.${kind}`;
        const id = fieldId(path);
        const invalid = messagesAt(path).length > 0;
        return (
          <span key={kind} className="settings-field settings-field-labelled settings-template">
            <label htmlFor={id}>{fieldLabel(draft, path)}</label>
            <textarea
              id={id}
              rows={6}
              disabled={disabled}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${id}-error` : undefined}
              value={draft.templates[kind]}
              onChange={(event) => {
                const value = event.target.value;
                change((next) => {
                  next.templates[kind] = value;
                });
              }}
            />
            <FieldMessages path={path} />
            <span className="settings-hint">{`The ${USED_BY[kind]} dialog starts from it.`}</span>
          </span>
        );
      })}
    </section>
  );
}
