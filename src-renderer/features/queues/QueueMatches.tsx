import { SEVERITIES, type Severity } from '../../../src-shared/domain';
import { count } from '../../../src-shared/words';
import { hasFilters, useDeskStores, useUi, type Queues } from '../../state';
import '../all-cases/all-cases.css';

/**
 * While a search or filter is on: how many open cases match in each queue ("2 in P1", "1 in P3"),
 * each a button that shows its queue, and a way on to every case, closed ones too.
 */
export function QueueMatches({ queues, active }: { queues: Queues; active: Severity }) {
  const { ui, allCases } = useDeskStores();
  const filters = useUi((state) => state.filters);
  if (!hasFilters(filters)) return null;
  const holding = SEVERITIES.filter((severity) => queues[severity].length > 0);
  const total = holding.reduce((sum, severity) => sum + queues[severity].length, 0);
  const searchAll = () => {
    allCases.getState().setText(filters.search.trim());
    allCases.getState().search();
    ui.getState().showView('allCases');
  };
  return (
    <div className="queue-matches" role="status" aria-label="Matches by queue">
      <span>{total === 0 ? 'No open case matches' : `${count(total, 'open case')} match${total === 1 ? 'es' : ''}:`}</span>
      {holding.map((severity) => (
        <button
          key={severity}
          type="button"
          className="chip"
          aria-pressed={severity === active}
          title={`Show the ${severity} queue`}
          onClick={() => ui.getState().showQueue(severity)}
        >
          {queues[severity].length} in {severity}
        </button>
      ))}
      {filters.search.trim() ? (
        <button type="button" className="link" onClick={searchAll}>
          Search all cases, closed ones too
        </button>
      ) : null}
    </div>
  );
}
