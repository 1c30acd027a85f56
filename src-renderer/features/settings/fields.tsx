import { useEffect, useState, type ReactNode } from 'react';
import { useDraft } from './editor-context';
import { fieldLabel } from './field-paths';

/** A DOM id for the field at a settings path. */
export function fieldId(path: string): string {
  return `settings-${path.replaceAll('.', '-')}`;
}

interface FieldProps {
  readonly path: string;
  /** Show the accessible name as a visible label; in tables the column headers say it instead. */
  readonly visibleLabel?: boolean;
  /** A parent path (an interval row) whose issues concern this input too. */
  readonly within?: string;
}

function useField(path: string, within?: string) {
  const { draft, disabled, messagesAt } = useDraft();
  const id = fieldId(path);
  const describedBy = [path, within]
    .filter((field): field is string => field !== undefined && messagesAt(field).length > 0)
    .map((field) => `${fieldId(field)}-error`);
  return {
    id,
    label: fieldLabel(draft, path),
    inputProps: { id, disabled, 'aria-invalid': describedBy.length > 0, 'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined },
  };
}

/** The issues of one field, right next to it; the input points at this as its description. */
export function FieldMessages({ path }: { path: string }) {
  const { messagesAt } = useDraft();
  const messages = messagesAt(path);
  if (messages.length === 0) return null;
  return (
    <span id={`${fieldId(path)}-error`} className="field-error">
      {messages.join('; ')}
    </span>
  );
}

function Labelled({ path, field, visibleLabel, children }: { path: string; field: ReturnType<typeof useField>; visibleLabel?: boolean; children: ReactNode }) {
  return (
    <span className={visibleLabel ? 'settings-field settings-field-labelled' : 'settings-field'}>
      {visibleLabel ? <label htmlFor={field.id}>{field.label}</label> : null}
      {children}
      <FieldMessages path={path} />
    </span>
  );
}

export function TextField({ path, within, value, onChange, visibleLabel, list, placeholder }: FieldProps & {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly list?: string;
  readonly placeholder?: string;
}) {
  const field = useField(path, within);
  return (
    <Labelled path={path} field={field} visibleLabel={visibleLabel}>
      <input
        {...field.inputProps}
        type="text"
        aria-label={visibleLabel ? undefined : field.label}
        value={value}
        list={list}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
      />
    </Labelled>
  );
}

/**
 * A number input that keeps what was typed (an empty box, "-") and hands the draft NaN for
 * anything that is not a number, so the shared schema names the problem.
 */
export function NumberField({ path, value, onChange, visibleLabel, hint }: FieldProps & {
  readonly value: number;
  readonly onChange: (value: number) => void;
  readonly hint?: string;
}) {
  const field = useField(path);
  const [text, setText] = useState(() => String(value));
  useEffect(() => {
    setText((current) => (sameNumber(parseNumber(current), value) ? current : String(value)));
  }, [value]);
  return (
    <Labelled path={path} field={field} visibleLabel={visibleLabel}>
      <input
        {...field.inputProps}
        type="number"
        aria-label={visibleLabel ? undefined : field.label}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseNumber(event.target.value));
        }}
      />
      {hint ? <span className="settings-hint">{hint}</span> : null}
    </Labelled>
  );
}

function parseNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function SelectField({ path, value, options, onChange, visibleLabel }: FieldProps & {
  readonly value: string;
  readonly options: readonly Option[];
  readonly onChange: (value: string) => void;
}) {
  const field = useField(path);
  // A value no option offers (a calendar removed since) is still shown, so its issue makes sense.
  const shown = options.some((option) => option.value === value) ? options : [...options, { value, label: `${value} (missing)` }];
  return (
    <Labelled path={path} field={field} visibleLabel={visibleLabel}>
      <select {...field.inputProps} aria-label={visibleLabel ? undefined : field.label} value={value} onChange={(event) => onChange(event.target.value)}>
        {shown.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Labelled>
  );
}

export function CheckboxField({ path, checked, onChange }: FieldProps & { readonly checked: boolean; readonly onChange: (checked: boolean) => void }) {
  const field = useField(path);
  return (
    <Labelled path={path} field={field}>
      <input {...field.inputProps} type="checkbox" aria-label={field.label} checked={checked} onChange={(event) => onChange(event.target.checked)} />
    </Labelled>
  );
}
