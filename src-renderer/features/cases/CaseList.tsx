import { SEVERITY_INFO, type CaseRecord } from '../../../src-shared/domain';
import { useCases } from '../../state';

function loggedData(record: CaseRecord) {
  const first = record.events[0];
  return first?.type === 'logged' ? { ...first.data, at: first.at } : undefined;
}

/** Every open case, newest first. */
export function CaseList() {
  const byId = useCases((state) => state.byId);
  const status = useCases((state) => state.status);
  const error = useCases((state) => state.error);
  const records = Object.values(byId).sort((a, b) => (loggedData(b)?.at ?? '').localeCompare(loggedData(a)?.at ?? ''));

  if (status === 'failed') return <p role="alert">Cases could not be loaded: {error?.message}</p>;
  if (status !== 'ready') return <p aria-busy="true">Loading cases…</p>;
  if (records.length === 0) return <p className="empty">No open cases. Log one with “New case”.</p>;

  return (
    <table className="case-table" aria-label="Open cases">
      <thead>
        <tr>
          <th scope="col">Id</th>
          <th scope="col">Severity</th>
          <th scope="col">Title</th>
          <th scope="col">Customer</th>
          <th scope="col">Plan</th>
          <th scope="col">Logged</th>
        </tr>
      </thead>
      <tbody>
        {records.map((record) => {
          const logged = loggedData(record);
          return (
            <tr key={record.id}>
              <td>{record.id}</td>
              <td>{logged ? SEVERITY_INFO[logged.severity].label : ''}</td>
              <td>{logged?.title}</td>
              <td>{logged?.customer}</td>
              <td>{logged?.plan}</td>
              <td>{logged ? new Date(logged.at).toLocaleString() : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
