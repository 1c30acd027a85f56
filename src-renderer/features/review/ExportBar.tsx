import { useEffect, useState } from 'react';
import type { DeskError } from '../../../src-shared/contract';
import { useDeskStores, useSystem } from '../../state';
import { useReview } from './review-context';

function download(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Markdown, HTML and PDF. The desktop console asks where to save (and prints PDFs itself);
 * the browser downloads the file, and prints the page (print stylesheet) for a PDF.
 */
export function ExportBar({
  caseId,
  onPrint,
  includeInternalNotes,
  onIncludeInternalNotes,
}: {
  caseId: string;
  onPrint: () => void;
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
    if (format === 'pdf') return onPrint();
    const result = await desk.api['reviews.export']({ caseId, format, includeInternalNotes });
    if (!result.ok) return setError(result.error);
    download(result.value.fileName, result.value.mimeType, result.value.content);
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

/** Renders the printable review while the browser prints it, then removes it again. */
export function usePrinting(): [boolean, () => void] {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(false);
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printing]);
  return [printing, () => setPrinting(true)];
}
