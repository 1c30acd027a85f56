import { useId, useMemo, useState, type FormEvent } from 'react';
import { issueText, type DeskError, type ErrorIssue } from '../../../src-shared/contract';
import { canApply, caseCommandSchema, type CaseState } from '../../../src-shared/domain';
import { fillTemplate, templateValues, type Placeholder } from '../../../src-shared/templates';
import { Dialog } from '../../components/Dialog';
import { FieldError } from '../../components/FieldError';
import { useCases, useDeskStores, useSettings } from '../../state';
import { OwnerInput } from '../team';
import type { ActionSpec, Field, FieldValues } from './action-specs';
import { CopyButton } from './CopyButton';

type MessageField = Extract<Field, { kind: 'message' }>;

function initialValues(spec: ActionSpec, state: CaseState): FieldValues {
  return Object.fromEntries(spec.fields.map((field) => [field.name, field.kind === 'checkbox' ? false : field.kind === 'select' ? field.initial(state) : '']));
}

/** The core names fields inside the request ("command.reason"); the form names them as the command does. */
function fieldOf(issue: ErrorIssue): string {
  return issue.path.startsWith('command.') ? issue.path.slice('command.'.length) : issue.path;
}

/** Why the shared schema or rules refuse the command these values make now, as field issues, if they do. */
function problemsOf(spec: ActionSpec, state: CaseState, values: FieldValues): DeskError | undefined {
  const parsed = caseCommandSchema.safeParse({ type: spec.action, ...spec.toCommand(values) });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
    return { code: 'INVALID_INPUT', message: issues.map((issue) => issue.message).join('; '), issues };
  }
  const allowed = canApply(state, parsed.data);
  if (allowed.ok) return undefined;
  return allowed.issues ? { code: 'NOT_ALLOWED', message: allowed.reason, issues: allowed.issues } : { code: 'NOT_ALLOWED', message: allowed.reason };
}

/**
 * One workflow action's form. Checked by the shared command schema and rules, then sent through
 * 'cases.act'. A message to the customer starts from its template (settings), filled from the
 * case; it follows the fields it names until the engineer edits it, and can be copied.
 */
export function ActionDialog({ spec, state, onDone }: { spec: ActionSpec; state: CaseState; onDone: () => void }) {
  const { now } = useDeskStores();
  const act = useCases((s) => s.act);
  const record = useCases((s) => s.byId.get(state.id));
  const settings = useSettings((s) => s.settings);
  const engineerName = settings?.engineerName ?? '';
  const formId = useId();
  const [openedAt] = useState(() => new Date(now.getState().nowMs).toISOString());
  const [typed, setTyped] = useState(() => initialValues(spec, state));
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<DeskError>();
  const [busy, setBusy] = useState(false);

  const shown = spec.fields.filter((field) => !field.shownWhen || field.shownWhen(typed));
  const events = record?.events;
  // The template's values from the case, its clocks and the policy, once per open (the next update
  // time is a clock computation); each key then only puts the followed fields' text in.
  const caseValues = useMemo(() => {
    const byField = new Map<string, Record<Placeholder, string>>();
    if (!settings) return byField;
    for (const field of spec.fields) {
      if (field.kind !== 'message') continue;
      byField.set(field.name, templateValues({ kind: field.template, state, events: events ?? [], policy: settings.policy, now: openedAt, engineer: engineerName }));
    }
    return byField;
  }, [spec, settings, state, events, openedAt, engineerName]);
  const messageOf = (field: MessageField, values: FieldValues): string => {
    const base = caseValues.get(field.name);
    if (!base || !settings) return '';
    const followed = (name: string | undefined, fallback: string) => (name === undefined ? fallback : String(values[name] ?? ''));
    return fillTemplate(settings.templates[field.template], {
      ...base,
      'next steps': followed(field.follows?.nextSteps, base['next steps']),
      workaround: followed(field.follows?.workaround, base.workaround),
    });
  };

  // What the form sends: typed values, and each message as filled until it is edited by hand.
  const values: FieldValues = { ...typed };
  for (const field of spec.fields) if (field.kind === 'message' && !edited.has(field.name)) values[field.name] = messageOf(field, typed);

  const issueFor = (field: Field) => error?.issues?.find((issue) => fieldOf(issue) === field.name)?.message;
  const unplaced = error?.issues?.filter((issue) => !shown.some((field) => field.name === fieldOf(issue))) ?? [];
  const set = (name: string, value: string | boolean) => setTyped((current) => ({ ...current, [name]: value }));

  async function send(sent: FieldValues) {
    const problems = problemsOf(spec, state, sent);
    if (problems) {
      setError(problems);
      return;
    }
    const parsed = caseCommandSchema.parse({ type: spec.action, ...spec.toCommand(sent) });
    setBusy(true);
    const result = await act(state.id, parsed);
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void send(values);
  }

  const self = spec.self && engineerName ? { ...spec.self, values: { ...values, [spec.self.field]: engineerName } } : null;
  const selfRefusal = self ? problemsOf(spec, state, self.values)?.message : undefined;
  const selfReasonId = `${formId}-self-reason`;

  return (
    <Dialog label={spec.label} onClose={onDone}>
      <form className="form" aria-labelledby={`${formId}-heading`} onSubmit={submit} noValidate>
        <h2 id={`${formId}-heading`}>
          {spec.label} <span className="muted">{state.id}</span>
        </h2>
        {shown.map((field) => {
          const id = `${formId}-${field.name}`;
          const message = issueFor(field);
          const described = message ? `${id}-error` : undefined;
          const label = 'optional' in field && field.optional ? `${field.label} (optional)` : field.label;
          let control;
          if (field.kind === 'checkbox') {
            control = (
              <label className="check">
                <input type="checkbox" checked={typed[field.name] === true} onChange={(e) => set(field.name, e.target.checked)} aria-invalid={!!message} aria-describedby={described} />
                {field.label}
              </label>
            );
          } else if (field.kind === 'message') {
            const text = String(values[field.name] ?? '');
            control = (
              <>
                <label>
                  {label}
                  <textarea
                    rows={8}
                    value={text}
                    onChange={(e) => {
                      setEdited((current) => new Set(current).add(field.name));
                      set(field.name, e.target.value);
                    }}
                    aria-invalid={!!message}
                    aria-describedby={described}
                  />
                </label>
                <div className="message-tools">
                  <CopyButton text={text} what={field.label} />
                  {edited.has(field.name) ? (
                    <button
                      type="button"
                      onClick={() =>
                        setEdited((current) => {
                          const next = new Set(current);
                          next.delete(field.name);
                          return next;
                        })
                      }
                    >
                      Start again from the template
                    </button>
                  ) : null}
                </div>
              </>
            );
          } else {
            control = (
              <label>
                {label}
                {field.kind === 'select' ? (
                  <select value={String(typed[field.name])} onChange={(e) => set(field.name, e.target.value)} aria-invalid={!!message} aria-describedby={described}>
                    {field.options.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                ) : field.kind === 'owner' ? (
                  <OwnerInput value={String(typed[field.name])} onChange={(owner) => set(field.name, owner)} aria-invalid={!!message} aria-describedby={described} />
                ) : field.kind === 'textarea' ? (
                  <textarea rows={3} value={String(typed[field.name])} onChange={(e) => set(field.name, e.target.value)} aria-invalid={!!message} aria-describedby={described} />
                ) : (
                  <input value={String(typed[field.name])} onChange={(e) => set(field.name, e.target.value)} aria-invalid={!!message} aria-describedby={described} />
                )}
              </label>
            );
          }
          return (
            <div key={field.name} className="field">
              {control}
              <FieldError id={`${id}-error`} message={message} />
            </div>
          );
        })}
        {error && (!error.issues?.length || unplaced.length > 0) ? (
          <p className="form-error" role="alert">
            {unplaced.length > 0 ? unplaced.map(issueText).join('; ') : error.message}
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
