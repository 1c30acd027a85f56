import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { DeskError } from '../../../src-shared/contract';
import { useDeskStores, useSystem } from '../../state';
import { downloadText } from '../../components/download-text';
import { useReview } from './review-context';

/**
 * Markdown, HTML and PDF. The desktop console asks where to save (and prints PDFs itself);
 * the browser downloads the file, and prints the page (print stylesheet) for a PDF.
 */
export function ExportBar({
  caseId,
  onPrinted,
  includeInternalNotes,
  onIncludeInternalNotes,
}: {
  caseId: string;
  /** The print dialog closed: the printed review can leave the page. */
  onPrinted: () => void;
  includeInternalNotes: boolean;
  onIncludeInternalNotes: (include: boolean) => void;
}) {
  const { desk, system } = useDeskStores();
  const host = useSystem((state) => state.info?.host);
  const flush = useReview((state) => state.flush);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<DeskError>();
  useEffect(() => {
    void system.getState().load();
  }, [system]);

  async function exportAs(format: 'md' | 'html' | 'pdf') {
    await flush();
    setError(undefined);
    if (host === 'electron') {
      const result = await desk.api['reviews.saveExport']({ caseId, format, includeInternalNotes });
      if (!result.ok) return setError(result.error);
      return setMessage(result.value.savedTo ? `Saved to ${result.value.savedTo}` : undefined);
    }
    if (format === 'pdf') {
      // the browser holds the page while its print dialog is open; back here, it is closed
      window.print();
      onPrinted();
      return setMessage('Sent to the print dialog: choose "Save as PDF" there to keep a file.');
    }
    const result = await desk.api['reviews.export']({ caseId, format, includeInternalNotes });
    if (!result.ok) return setError(result.error);
    downloadText(result.value.fileName, result.value.mimeType, result.value.content);
    setMessage(`Downloaded ${result.value.fileName}`);
  }

  return (
    <div className="export-bar" role="group" aria-label="Export">
      <button type="button" onClick={() => void exportAs('md')}>Export Markdown</button>
      <button type="button" onClick={() => void exportAs('html')}>Export HTML</button>
      <button type="button" onClick={() => void exportAs('pdf')}>Export PDF</button>
      <label className="inline" title="A formal review goes to the customer: the case's internal notes stay out unless ticked.">
        <input type="checkbox" checked={includeInternalNotes} onChange={(event) => onIncludeInternalNotes(event.target.checked)} />
        Include internal notes
      </label>
      {message ? <span role="status">{message}</span> : null}
      {error ? <span role="alert">{error.message}</span> : null}
    </div>
  );
}

/**
 * The whole review is in the page while the browser prints, and only then: it is rendered at
 * `beforeprint` (Ctrl+P, Export PDF, a PDF printer) and removed at `afterprint`, or by
 * `close` once the print dialog returns, for browsers that never send `afterprint`.
 */
export function usePrintView(): [printing: boolean, close: () => void] {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // the print layout is taken right after this event: the review must be in the page by then
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return [printing, () => setPrinting(false)];
}
