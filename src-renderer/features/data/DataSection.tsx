import { useMemo, useRef, useState } from 'react';
import { connectDataTransfer, type DataTransfer } from '../../api';
import { useDeskStores } from '../../state';
import { useDataOutcome } from './outcome';
import { ServiceDeskImport } from './ServiceDeskImport';

/** The import waiting for the engineer's confirmation: a file the page picked, or one the host's dialog will ask for. */
type Pending = { readonly file?: File };

/**
 * Export all data to one file, or replace all data with such a file. The files go by the
 * host's own way (dialogs in Electron, HTTP in the browser), never through the request channel.
 */
export function DataSection({ transfer: given }: { readonly transfer?: DataTransfer }) {
  const stores = useDeskStores();
  const transfer = useMemo(() => given ?? connectDataTransfer(stores.desk), [given, stores.desk]);
  const fileInput = useRef<HTMLInputElement>(null);
  // Kept outside: the section unmounts while the cases reload after an import, and its answer must stay.
  const [{ status, error, busy }, report] = useDataOutcome(stores);
  const [pending, setPending] = useState<Pending>();

  const exportAll = async () => {
    report({ busy: 'export' });
    const result = await transfer.exportAll();
    if (!result.ok) return report({ error: result.error.message });
    report(result.value ? { status: result.value } : {});
  };

  const askToImport = () => {
    report({});
    if (transfer.picksImportFile === 'page') fileInput.current?.click();
    else setPending({});
  };

  const importAll = async (chosen: Pending) => {
    setPending(undefined);
    report({ busy: 'import' });
    const result = await transfer.importAll(chosen.file);
    if (!result.ok) return report({ error: result.error.message });
    if (!result.value) return report({});
    report({ status: result.value.message });
    await Promise.all([stores.cases.getState().load(), stores.reviews.getState().load(), stores.system.getState().load()]);
  };

  return (
    <section className="data-section" aria-labelledby="data-heading">
      <h2 id="data-heading">Data</h2>
      <div className="form-actions">
        <button type="button" disabled={busy !== undefined} onClick={() => void exportAll()}>
          {busy === 'export' ? 'Exporting…' : 'Export all data'}
        </button>
        <button type="button" disabled={busy !== undefined} onClick={askToImport}>
          {busy === 'import' ? 'Importing…' : 'Import data'}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-label="Import file"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) setPending({ file });
            event.target.value = '';
          }}
        />
      </div>
      {pending ? (
        <div role="group" aria-label="Confirm import">
          <p>
            Replace all data (cases, reviews, settings, calendars and snoozes) with {pending.file ? pending.file.name : 'an export file you choose next'}? The
            whole file is checked first, and the current data is kept in a backup.
          </p>
          <button type="button" className="primary" onClick={() => void importAll(pending)}>
            Replace all data
          </button>
          <button type="button" onClick={() => setPending(undefined)}>
            Cancel
          </button>
        </div>
      ) : null}
      {status ? <p role="status">{status}</p> : null}
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <ServiceDeskImport />
    </section>
  );
}
