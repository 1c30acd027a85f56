import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react';
import { DATE_TIME_EXAMPLE, DAY_EXAMPLE, dateTimeText, dayText, parseDateTimeText, parseDayText } from '../../src-shared/words';
import './date-field.css';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'defaultValue' | 'onChange' | 'type' | 'min' | 'max'>;

interface Props extends InputProps {
  /** A day ("2026-11-30") or, with `withTime`, a wall-clock time ("2026-11-30T10:00"); "" for none. */
  readonly value: string;
  /** The new value as typed or picked: "" when emptied, null while the text is not a date (the field says why). */
  readonly onValueChange: (value: string | null) => void;
  readonly withTime?: boolean;
  /** Say what is wrong with the text even before the field is left (after a submit). */
  readonly showProblem?: boolean;
}

/**
 * A date field that writes dates as the console does ("Mon 30 Nov 2026", "Mon 30 Nov 2026, 10:00")
 * instead of the browser's own date input (mm/dd/yyyy in an American locale): a text field read
 * with the console's parse (src-shared/words/date-text.ts). A text that is not a date is said so
 * under the field once it is left (or on submit, `showProblem`), and its value is null until it is one.
 */
export function DateField({ value, onValueChange, withTime = false, showProblem = false, className, onBlur, ...input }: Props) {
  const show = withTime ? dateTimeText : dayText;
  const parse = withTime ? parseDateTimeText : parseDayText;
  const [text, setText] = useState(() => show(value));
  const [left, setLeft] = useState(false);
  const messageId = useId();
  const parsed = parse(text);

  // What the field last gave its owner: the owner's value echoing it back is no change from outside.
  const given = useRef<string | null | undefined>(undefined);
  // A value set from outside (a filter cleared, a draft replaced) shows; the engineer's own typing stays as typed.
  useEffect(() => {
    setText((typed) => {
      const current = parse(typed);
      const echo = current.ok ? current.value === value : given.current === null && value === '';
      return echo ? typed : show(value);
    });
  }, [value, parse, show]);
  const give = (next: string | null) => {
    given.current = next;
    onValueChange(next);
  };

  const problem = (left || showProblem) && !parsed.ok ? parsed.message : null;
  const describedBy = [input['aria-describedby'], problem ? messageId : null].filter(Boolean).join(' ') || undefined;
  return (
    <span className={`date-field${className ? ` ${className}` : ''}`}>
      <input
        {...input}
        type="text"
        inputMode="text"
        autoComplete="off"
        placeholder={input.placeholder ?? (withTime ? DATE_TIME_EXAMPLE : DAY_EXAMPLE)}
        value={text}
        aria-invalid={input['aria-invalid'] || problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          const typed = event.target.value;
          setText(typed);
          const result = parse(typed);
          give(result.ok ? result.value : null);
        }}
        onBlur={(event) => {
          setLeft(true);
          if (parsed.ok) setText(show(parsed.value));
          onBlur?.(event);
        }}
      />
      {problem ? (
        // Shown under the field and read as its description; aria-hidden keeps it out of the name of
        // the label the field sits in (a description referenced by id is read all the same).
        <span id={messageId} className="field-error date-problem" aria-hidden="true">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
