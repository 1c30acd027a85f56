import { useId, useState, type FormEvent } from 'react';
import { DateField } from '../../components/DateField';
import type { DeskError } from '../../../src-shared/contract';
import { DEFAULT_SEVERITY, SEVERITIES, SEVERITY_INFO, type CaseRecord, type Severity } from '../../../src-shared/domain';
import { FieldError } from '../../components/FieldError';
import { PlanOptions } from '../../components/PlanOptions';
import { fromLocalInputValue, toLocalInputValue } from '../../components/local-time';
import { useCases, useSettings } from '../../state';
import { NewCaseOwnerField, newCaseOwner } from '../team';

export interface PlanOption {
  readonly id: string;
  readonly name: string;
}

interface Props {
  readonly plans: readonly PlanOption[];
  /** Called with the logged case, or with nothing when cancelled. */
  readonly onDone: (created?: CaseRecord) => void;
  readonly now?: () => Date;
}

const FIELD_NAMES = ['title', 'customer', 'plan', 'severity', 'description', 'reportedBy', 'loggedAt'] as const;
type FieldName = (typeof FIELD_NAMES)[number];
const placed: ReadonlySet<string> = new Set(FIELD_NAMES);

/** "New case": the request as the customer submitted it. Severity may be left to the P3 default. */
export function NewCaseForm({ plans, onDone, now = () => new Date() }: Props) {
  const create = useCases((state) => state.create);
  const engineerName = useSettings((state) => state.settings?.engineerName ?? '');
  const formId = useId();
  const [error, setError] = useState<DeskError>();
  const [busy, setBusy] = useState(false);
  // "2026-11-26T10:15" in the engineer's zone; null while the typed text is not a time.
  const [loggedAt, setLoggedAt] = useState<string | null>(() => toLocalInputValue(now()));

  const [submitted, setSubmitted] = useState(false);
  const fieldError = (field: FieldName) => error?.issues?.find((issue) => issue.path === field)?.message;
  const describedBy = (field: FieldName) => (fieldError(field) ? `${formId}-${field}-error` : undefined);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const severity = String(form.get('severity') ?? '');
    const owner = newCaseOwner(form.get('owner'));
    setSubmitted(true);
    // The field says what is wrong with the time typed; nothing is sent until it is a time.
    if (loggedAt === null) return;
    setBusy(true);
    const result = await create({
      title: String(form.get('title') ?? ''),
      customer: String(form.get('customer') ?? ''),
      plan: String(form.get('plan') ?? ''),
      severity: severity === '' ? undefined : (severity as Severity),
      description: String(form.get('description') ?? ''),
      reportedBy: String(form.get('reportedBy') ?? ''),
      ...(owner !== undefined ? { owner } : {}),
      loggedAt: fromLocalInputValue(loggedAt),
    });
    setBusy(false);
    if (result.ok) onDone(result.value);
    else setError(result.error);
  }

  return (
    <form className="form" aria-labelledby={`${formId}-heading`} onSubmit={submit} noValidate>
      <h2 id={`${formId}-heading`}>New case</h2>
      <label>
        Title
        <input name="title" required autoFocus aria-invalid={!!fieldError('title')} aria-describedby={describedBy('title')} />
      </label>
      <FieldError id={`${formId}-title-error`} message={fieldError('title')} />
      <label>
        Customer
        <input name="customer" required aria-invalid={!!fieldError('customer')} aria-describedby={describedBy('customer')} />
      </label>
      <FieldError id={`${formId}-customer-error`} message={fieldError('customer')} />
      <div className="form-row">
        <label>
          Plan
          <select name="plan" defaultValue={plans[0]?.id}>
            <PlanOptions plans={plans} />
          </select>
        </label>
        <label>
          Severity
          <select name="severity" defaultValue="">
            <option value="">{`${SEVERITY_INFO[DEFAULT_SEVERITY].label} (default)`}</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity} title={SEVERITY_INFO[severity].definition}>
                {SEVERITY_INFO[severity].label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Description
        <textarea name="description" rows={4} />
      </label>
      <NewCaseOwnerField engineerName={engineerName} />
      <div className="form-row">
        <label>
          Reported by
          <input name="reportedBy" />
        </label>
        <label>
          Logged at
          <DateField
            withTime
            name="loggedAt"
            value={loggedAt ?? ''}
            onValueChange={setLoggedAt}
            showProblem={submitted}
            aria-invalid={!!fieldError('loggedAt')}
            aria-describedby={describedBy('loggedAt')}
          />
        </label>
      </div>
      <FieldError id={`${formId}-loggedAt-error`} message={fieldError('loggedAt')} />
      {error && (!error.issues?.length || error.issues.some((issue) => !placed.has(issue.path))) ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={() => onDone()}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Log case
        </button>
      </div>
    </form>
  );
}
