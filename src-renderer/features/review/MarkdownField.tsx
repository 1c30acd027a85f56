import { memo, useEffect, useId, useMemo, useState } from 'react';
import { FieldProblem, problemProps } from './FieldProblem';
import { openLinkOutside, renderMarkdown } from './markdown-preview';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly readOnly: boolean;
  readonly rows?: number;
  /** Why the text is not saved, shown at the field. */
  readonly problem?: string | undefined;
}

const Preview = memo(function Preview({ text, label }: { text: string; label: string }) {
  // the editor's sections are h3: the text's own headings go below them
  const html = useMemo(() => renderMarkdown(text, 3), [text]);
  return (
    // the HTML is sanitized by renderMarkdown (DOMPurify) before it gets here
    <div className="markdown-preview" role="region" aria-label={`${label} preview`} onClick={openLinkOutside} dangerouslySetInnerHTML={{ __html: html }} />
  );
});

/** How long the preview waits for a pause in typing: each key then paints only the text box. */
export const PREVIEW_DELAY_MS = 150;

function usePausedValue(value: string, delayMs: number): string {
  const [paused, setPaused] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setPaused(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return paused;
}

/** A Markdown text with its live preview; the preview follows as soon as typing pauses. */
export function MarkdownField({ label, value, onChange, readOnly, rows = 4, problem }: Props) {
  const id = useId();
  const problemId = `${id}-problem`;
  const deferred = usePausedValue(value, PREVIEW_DELAY_MS);
  return (
    <div className="markdown-field">
      <label htmlFor={id}>{label}</label>
      <div className="markdown-columns">
        <textarea id={id} value={value} rows={rows} readOnly={readOnly} onChange={(event) => onChange(event.target.value)} {...problemProps(problemId, problem)} />
        <Preview text={deferred} label={label} />
      </div>
      <FieldProblem id={problemId} message={problem} />
    </div>
  );
}
