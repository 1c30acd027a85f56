import { useRef, useState } from 'react';
import { useDeskStores } from '../../state';

/** Offers a file to the browser's downloads. */
export type Download = (fileName: string, text: string) => void;

export const browserDownload: Download = (fileName, text) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
};

/** FileReader rather than Blob.text(): it is what every engine (and jsdom) has. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsText(file);
  });
}

type Pending = { readonly fileName: string; readonly content: unknown; readonly cases: number | undefined };

/** Export every case to one JSON file, or replace every case with such a file. */
export function DataSection({ download = browserDownload }: { readonly download?: Download }) {
  const { desk, cases } = useDeskStores();
  const fileInput = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<Pending>();

  const exportAll = async () => {
    setError(undefined);
    const result = await desk.api['data.export']({});
    if (!result.ok) return setError(result.error.message);
    const exported = result.value;
    if (exported.kind === 'content') {
      download(exported.fileName, `${JSON.stringify(exported.content, null, 2)}\n`);
      setStatus(`Exported to ${exported.fileName}.`);
    } else if (exported.kind === 'saved') setStatus(`Exported to ${exported.path}.`);
    else setStatus(undefined);
  };

  const choose = async (file: File | undefined) => {
    setError(undefined);
    setStatus(undefined);
    if (!file) return;
    let text: string;
    try {
      text = await readText(file);
    } catch (readError) {
      return setError(`${file.name} could not be read: ${(readError as Error).message}`);
    }
    let content: unknown;
    try {
      content = JSON.parse(text);
    } catch (parseError) {
      return setError(`${file.name} is not a JSON file: ${(parseError as Error).message}`);
    }
    const listed = (content as { cases?: unknown } | null)?.cases;
    setPending({ fileName: file.name, content, cases: Array.isArray(listed) ? listed.length : undefined });
  };

  const importAll = async (chosen: Pending) => {
    setPending(undefined);
    const result = await desk.api['data.import']({ content: chosen.content });
    if (!result.ok) return setError(result.error.message);
    setStatus(`Imported ${result.value.imported} cases. The data as it was before is kept in the backup ${result.value.backup}.`);
    await cases.getState().load();
  };

  return (
    <section className="data-section" aria-labelledby="data-heading">
      <h2 id="data-heading">Data</h2>
      <div className="form-actions">
        <button type="button" onClick={() => void exportAll()}>
          Export all data
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import data
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-label="Import file"
          hidden
          onChange={(event) => {
            void choose(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      {pending ? (
        <div role="group" aria-label="Confirm import">
          <p>
            Replace every case with {pending.cases === undefined ? 'the cases' : `the ${pending.cases} cases`} in {pending.fileName}? The current data is
            kept in a backup first.
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
    </section>
  );
}
