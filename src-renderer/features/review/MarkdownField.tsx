import { memo, useDeferredValue, useId, useMemo } from 'react';
import { openLinkOutside, renderMarkdown } from './markdown-preview';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly readOnly: boolean;
  readonly rows?: number;
}

const Preview = memo(function Preview({ text, label }: { text: string; label: string }) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return (
    // the HTML is sanitized by renderMarkdown (DOMPurify) before it gets here
    <div className="markdown-preview" role="region" aria-label={`${label} preview`} onClick={openLinkOutside} dangerouslySetInnerHTML={{ __html: html }} />
  );
});

/** A Markdown text with its live preview; the preview trails typing so keys stay quick. */
export function MarkdownField({ label, value, onChange, readOnly, rows = 4 }: Props) {
  const id = useId();
  const deferred = useDeferredValue(value);
  return (
    <div className="markdown-field">
      <label htmlFor={id}>{label}</label>
      <div className="markdown-columns">
        <textarea id={id} value={value} rows={rows} readOnly={readOnly} onChange={(event) => onChange(event.target.value)} />
        <Preview text={deferred} label={label} />
      </div>
    </div>
  );
}
