import { useEffect, useMemo, useRef, useState } from 'react';
import type { EventPayload, RequestInput, ServiceDeskFile } from '../../../src-shared/contract';
import { SEVERITIES, SEVERITY_INFO, type ImportSource, type Severity } from '../../../src-shared/domain';
import { IMPORT_STATUSES, SOURCE_LABEL, type ImportPreview, type ImportStatus } from '../../../src-shared/import';
import { connectServiceDeskFiles, type ServiceDeskFiles } from '../../api';
import { PlanOptions } from '../../components/PlanOptions';
import { useDeskStores } from '../../state';
import { useStore } from 'zustand';
import { count, planNamesOf } from '../../../src-shared/words';

const STATUS_WORDS: Readonly<Record<ImportStatus, string>> = { open: 'Open', waiting: 'Waiting on customer', resolved: 'Resolved', closed: 'Closed' };
const CHANGE_WORDS = { create: 'New case', update: 'Updates', none: 'Already present' } as const;

type Progress = EventPayload<'data.importProgress'>;
const NO_PLANS: ReadonlyArray<{ readonly id: string; readonly name: string }> = [];

/** "Acme Corp = premium" lines; a line that is not one is named. */
function linesOf<T extends string>(text: string, what: string, accept: (value: string) => T | undefined): Record<string, T> | string {
  const out: Record<string, T> = {};
  for (const [index, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue;
    const at = raw.lastIndexOf('=');
    const value = at > 0 ? accept(raw.slice(at + 1).trim()) : undefined;
    if (at <= 0 || value === undefined) return `${what}, line ${index + 1}: write "Name = value" (${raw.trim()})`;
    out[raw.slice(0, at).trim()] = value;
  }
  return out;
}

/**
 * Settings > Data: "Import from Zendesk or Jira". Choose the export, see what it maps to (counts,
 * the first rows, every row that cannot be imported), then import with progress. The files go to
 * the main process by the host's own way; this page only holds their ids.
 */
export function ServiceDeskImport({ files: given }: { readonly files?: ServiceDeskFiles }) {
  const stores = useDeskStores();
  const transfer = useMemo(() => given ?? connectServiceDeskFiles(stores.desk), [given, stores.desk]);
  const plans = useStore(stores.settings, (state) => state.settings?.policy.plans ?? NO_PLANS);
  const input = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<ImportSource>('zendesk');
  const [files, setFiles] = useState<readonly ServiceDeskFile[]>([]);
  const [defaultPlan, setDefaultPlan] = useState('');
  const [customerPlans, setCustomerPlans] = useState('');
  const [priorities, setPriorities] = useState('');
  const [timeZone, setTimeZone] = useState('UTC');
  const [preview, setPreview] = useState<ImportPreview>();
  const [busy, setBusy] = useState<'choosing' | 'previewing' | 'importing'>();
  const [progress, setProgress] = useState<Progress>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const plan = defaultPlan || plans[0]?.id || '';

  useEffect(() => stores.desk.events.on('data.importProgress', setProgress), [stores.desk]);

  const reset = (next: Partial<{ files: readonly ServiceDeskFile[] }> = {}) => {
    setPreview(undefined);
    setStatus(undefined);
    setError(undefined);
    if (next.files) setFiles(next.files);
  };

  const choose = async (picked?: readonly File[]) => {
    reset();
    setBusy('choosing');
    const result = await transfer.choose(picked);
    setBusy(undefined);
    if (!result.ok) return setError(result.error.message);
    if (result.value.kind === 'chosen') reset({ files: result.value.files });
  };

  const request = (): RequestInput<'data.previewServiceDesk'> | string => {
    // A plan is written as people know it ("Premium"); its id is accepted too.
    const rules = linesOf(customerPlans, 'Plans by customer', (value) => plans.find((known) => known.id === value || known.name.toLowerCase() === value.toLowerCase())?.id);
    if (typeof rules === 'string') return `${rules}; the plan is one of ${plans.map((known) => known.name).join(', ')}.`;
    const table = linesOf(priorities, 'Priority names', (value) => ((SEVERITIES as readonly string[]).includes(value.toUpperCase()) ? (value.toUpperCase() as Severity) : undefined));
    if (typeof table === 'string') return `${table}; the severity is P1, P2, P3 or P4.`;
    return {
      source,
      files: files.map((file) => file.id),
      mapping: { defaultPlan: plan, planRules: Object.entries(rules).map(([customer, rule]) => ({ customer, plan: rule })), priorities: table },
      ...(source === 'jsm' ? { timeZone } : {}),
    };
  };

  const run = async (what: 'previewing' | 'importing') => {
    const asked = request();
    if (typeof asked === 'string') return setError(asked);
    setError(undefined);
    setStatus(undefined);
    setProgress(undefined);
    setBusy(what);
    if (what === 'previewing') {
      const result = await stores.desk.api['data.previewServiceDesk'](asked);
      setBusy(undefined);
      if (!result.ok) return setError(result.error.message);
      return setPreview(result.value);
    }
    const result = await stores.desk.api['data.importServiceDesk'](asked);
    setBusy(undefined);
    if (!result.ok) return setError(result.error.message);
    setPreview(result.value);
    setStatus(result.value.message);
    setFiles([]);
    await Promise.all([stores.cases.getState().load(), stores.reviews.getState().load(), stores.system.getState().load()]);
  };

  const importable = preview ? preview.created + preview.updated : 0;
  return (
    <section className="service-desk-import" aria-labelledby="service-desk-heading">
      <h3 id="service-desk-heading">Import from Zendesk or Jira</h3>
      <fieldset>
        <legend>Export of</legend>
        {(['zendesk', 'jsm'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="service-desk-source" checked={source === option} onChange={() => (setSource(option), reset())} /> {SOURCE_LABEL[option]}
          </label>
        ))}
      </fieldset>
      <p className="hint">
        {source === 'zendesk'
          ? 'Tickets as JSON ({"tickets": [...]}) or JSON lines; add the users, organizations and audits files for names and comments.'
          : 'The CSV of the issue navigator (Export > CSV, all fields).'}
      </p>
      <div className="form-actions">
        <button type="button" disabled={busy !== undefined} onClick={() => (transfer.picks === 'page' ? input.current?.click() : void choose())}>
          {busy === 'choosing' ? 'Reading files…' : 'Choose export files'}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".json,.jsonl,.ndjson,.csv,application/json,text/csv"
          aria-label="Export files"
          hidden
          onChange={(event) => {
            const picked = [...(event.target.files ?? [])];
            event.target.value = '';
            void choose(picked);
          }}
        />
      </div>
      {files.length > 0 ? <p>Chosen: {files.map((file) => file.name).join(', ')}</p> : null}
      <label>
        Plan for customers no rule names{' '}
        <select value={plan} onChange={(event) => (setDefaultPlan(event.target.value), setPreview(undefined))}>
          <PlanOptions plans={plans} />
        </select>
      </label>
      <label>
        Plans by customer (one “Customer = plan” a line)
        <textarea rows={2} value={customerPlans} onChange={(event) => (setCustomerPlans(event.target.value), setPreview(undefined))} />
      </label>
      <label>
        More priority names (one “Name = P1” a line)
        <textarea rows={2} value={priorities} onChange={(event) => (setPriorities(event.target.value), setPreview(undefined))} />
      </label>
      {source === 'jsm' ? (
        <label>
          Time zone of the export’s times <input value={timeZone} onChange={(event) => (setTimeZone(event.target.value), setPreview(undefined))} />
        </label>
      ) : null}
      <div className="form-actions">
        <button type="button" disabled={busy !== undefined || files.length === 0} onClick={() => void run('previewing')}>
          {busy === 'previewing' ? 'Reading…' : 'Preview'}
        </button>
        {preview && !status ? (
          <button type="button" className="primary" disabled={busy !== undefined || importable === 0} onClick={() => void run('importing')}>
            {busy === 'importing' ? 'Importing…' : `Import ${importable} ${importable === 1 ? 'case' : 'cases'}`}
          </button>
        ) : null}
      </div>
      {busy === 'previewing' || busy === 'importing' ? (
        <progress aria-label={progress?.phase === 'writing' ? 'Writing the cases' : 'Reading the export'} max={progress?.total || 1} value={progress?.done ?? 0} />
      ) : null}
      {preview ? <PreviewTables preview={preview} planName={planNamesOf(plans)} /> : null}
      {status ? <p role="status">{status}</p> : null}
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function PreviewTables({ preview, planName }: { readonly preview: ImportPreview; readonly planName: (id: string) => string }) {
  return (
    <div className="import-preview" aria-label="Import preview">
      <p>
        {`${count(preview.tickets, 'ticket')} read: ${count(preview.created, 'new case')}, ${preview.updated} to update, ${preview.alreadyPresent} already present, ${preview.skipped} cannot be imported.`}
      </p>
      <table aria-label="Cases by severity and status">
        <thead>
          <tr>
            {SEVERITIES.map((severity) => (
              <th key={severity} scope="col">
                {SEVERITY_INFO[severity].label}
              </th>
            ))}
            {IMPORT_STATUSES.map((status) => (
              <th key={status} scope="col">
                {STATUS_WORDS[status]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {SEVERITIES.map((severity) => (
              <td key={severity}>{preview.bySeverity[severity]}</td>
            ))}
            {IMPORT_STATUSES.map((status) => (
              <td key={status}>{preview.byStatus[status]}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <table aria-label="First rows and their mapping">
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Title</th>
            <th scope="col">Customer</th>
            <th scope="col">Plan</th>
            <th scope="col">Priority</th>
            <th scope="col">Severity</th>
            <th scope="col">Status</th>
            <th scope="col">Case</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={`${row.externalId}-${row.where}`}>
              <td>{row.externalId}</td>
              <td>{row.title}</td>
              <td>{row.customer}</td>
              <td>{planName(row.plan)}</td>
              <td>{row.priority ?? '(none)'}</td>
              <td>{row.severity}</td>
              <td>
                {row.sourceStatus} → {STATUS_WORDS[row.status]}
              </td>
              <td>
                {row.caseId} ({CHANGE_WORDS[row.change]})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.problemCount > 0 ? (
        <>
          <h4 id="import-problems">Rows that cannot be imported</h4>
          <ul aria-labelledby="import-problems">
            {preview.problems.map((problem) => (
              <li key={`${problem.where}: ${problem.message}`}>
                {problem.where}: {problem.message}
              </li>
            ))}
            {preview.problemCount > preview.problems.length ? <li>… and {preview.problemCount - preview.problems.length} more</li> : null}
          </ul>
        </>
      ) : null}
    </div>
  );
}
