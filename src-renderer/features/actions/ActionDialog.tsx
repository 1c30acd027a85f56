import { useId, useState, type FormEvent } from 'react';
import type { DeskError, ErrorIssue } from '../../../src-shared/contract';
import { canApply, caseCommandSchema, type CaseState } from '../../../src-shared/domain';
import { Dialog } from '../../components/Dialog';
import { FieldError } from '../../components/FieldError';
import { useCases, useSettings } from '../../state';
import type { ActionSpec, Field, FieldValues } from './action-specs';

function initialValues(spec: ActionSpec, state: CaseState): FieldValues {
  return Object.fromEntries(spec.fields.map((field) => [field.name, field.kind === 'checkbox' ? false : field.kind === 'select' ? field.initial(state) : '']));
}

/** The core names fields inside the request ("command.reason"); the form names them as the command does. */
function fieldOf(issue: ErrorIssue): string {
  return issue.path.startsWith('command.') ? issue.path.slice('command.'.length) : issue.path;
}

/** Why the shared rules refuse the command these values make now, if they do. */
function refusalOf(spec: ActionSpec, state: CaseState, values: FieldValues): string | undefined {
  const parsed = caseCommandSchema.safeParse({ type: spec.action, ...spec.toCommand(values) });
  if (!parsed.success) return parsed.error.issues[0]?.message;
  const allowed = canApply(state, parsed.data);
  return allowed.ok ? undefined : allowed.reason;
}

/** One workflow action's form. Checked by the shared command schema, then sent through 'cases.act'. */
export function ActionDialog({ spec, state, onDone }: { spec: ActionSpec; state: CaseState; onDone: () => void }) {
  const act = useCases((s) => s.act);
  const engineerName = useSettings((s) => s.settings?.engineerName ?? '');
  const formId = useId();
  const [values, setValues] = useState(() => initialValues(spec, state));
  const [error, setError] = useState<DeskError>();
  const [busy, setBusy] = useState(false);

  const issueFor = (field: Field) => error?.issues?.find((issue) => fieldOf(issue) === field.name)?.message;
  const unplaced = error?.issues?.filter((issue) => !spec.fields.some((field) => field.name === fieldOf(issue))) ?? [];
  const set = (name: string, value: string | boolean) => setValues((current) => ({ ...current, [name]: value }));

  async function send(values: FieldValues) {
    const parsed = caseCommandSchema.safeParse({ type: spec.action, ...spec.toCommand(values) });
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
      setError({ code: 'INVALID_INPUT', message: `${spec.label}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, issues });
      return;
    }
    setBusy(true);
    const result = await act(state.id, parsed.data);
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(values);
  }

  const self = spec.self && engineerName ? { ...spec.self, values: { ...values, [spec.self.field]: engineerName } } : null;
  const selfRefusal = self ? refusalOf(spec, state, self.values) : undefined;
  const selfReasonId = `${formId}-self-reason`;

  return (
    <Dialog label={spec.label} onClose={onDone}>
      <form className="form" aria-labelledby={`${formId}-heading`} onSubmit={submit} noValidate>
        <h2 id={`${formId}-heading`}>
          {spec.label} <span className="muted">{state.id}</span>
        </h2>
        {spec.fields.map((field) => {
          const id = `${formId}-${field.name}`;
          const message = issueFor(field);
          const described = message ? `${id}-error` : undefined;
          const control =
            field.kind === 'checkbox' ? (
              <label className="check" key={field.name}>
                <input type="checkbox" checked={values[field.name] === true} onChange={(e) => set(field.name, e.target.checked)} aria-describedby={described} />
                {field.label}
              </label>
            ) : (
              <label key={field.name}>
                {'optional' in field && field.optional ? `${field.label} (optional)` : field.label}
                {field.kind === 'select' ? (
                  <select value={String(values[field.name])} onChange={(e) => set(field.name, e.target.value)} aria-invalid={!!message} aria-describedby={described}>
                    {field.options.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                ) : field.kind === 'textarea' ? (
                  <textarea rows={3} value={String(values[field.name])} onChange={(e) => set(field.name, e.target.value)} aria-invalid={!!message} aria-describedby={described} />
                ) : (
                  <input value={String(values[field.name])} onChange={(e) => set(field.name, e.target.value)} aria-invalid={!!message} aria-describedby={described} />
                )}
              </label>
            );
          return (
            <div key={field.name} className="field">
              {control}
              <FieldError id={`${id}-error`} message={message} />
            </div>
          );
        })}
        {error && (!error.issues?.length || unplaced.length > 0) ? (
          <p className="form-error" role="alert">
            {unplaced.length > 0 ? unplaced.map((issue) => `${issue.path}: ${issue.message}`).join('; ') : error.message}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={onDone}>
            Cancel
          </button>
          {self ? (
            <button
              type="button"
              disabled={busy || !!selfRefusal}
              title={selfRefusal ? `${self.describe(engineerName)}: not now, ${selfRefusal}` : self.describe(engineerName)}
              aria-describedby={selfRefusal ? selfReasonId : undefined}
              onClick={() => void send(self.values)}
            >
              {self.label}
            </button>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {spec.submit}
          </button>
        </div>
        {self && selfRefusal ? (
          <p id={selfReasonId} className="reason">
            {selfRefusal}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
