import { useMemo, type CSSProperties } from 'react';
import { SEVERITY_INFO, type Severity } from '../../../src-shared/domain';
import { CLOCK_LABEL, STATUS_LABEL } from '../../components/labels';
import { SeverityBadge } from '../../components/SeverityBadge';
import { formatDue } from '../../components/time-format';
import { VirtualRows } from '../../components/VirtualRows';
import { useDeskStores, useLoadedSettings, type CaseView } from '../../state';
import { ReviewRequiredBadge } from '../case-review';
import { LiveClockState, LiveCountdown } from '../clocks';
import { LIST_KEYS, useListKeys } from '../find';

export const ROW_HEIGHT = 30;

const COLUMNS = ['Id', 'Severity', 'Title', 'Customer', 'Plan', 'Status', 'Owner', 'Next due', 'Clock', 'Countdown'] as const;

function planName(plans: ReadonlyArray<{ id: string; name: string }>, plan: string): string {
  return plans.find((p) => p.id === plan)?.name ?? plan;
}

/** One queue, nearest due first; only the rows in view are rendered. */
export function QueueList({ severity, cases }: { severity: Severity; cases: readonly CaseView[] }) {
  const { ui } = useDeskStores();
  const plans = useLoadedSettings().policy.plans;
  const ids = useMemo(() => cases.map((view) => view.state.id), [cases]);
  const cursor = useListKeys(ids);

  const renderRow = (index: number, style: CSSProperties) => {
    const view = cases[index]!;
    const s = view.state;
    const next = view.next;
    return (
      // Keyed by position: switching queues or reordering updates the rows in place instead of replacing them.
      <div
        key={index}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={index === cursor}
        className={`queue-row${index === cursor ? ' cursor' : ''}`}
        style={style}
        onClick={() => ui.getState().openCase(s.id)}
      >
        <span role="cell" className="col-id">{s.id}</span>
        <span role="cell" className="col-severity"><SeverityBadge severity={s.severity} /></span>
        <span role="cell" className="col-title">{s.title}</span>
        <span role="cell" className="col-customer">{s.customer}</span>
        <span role="cell" className="col-plan">{planName(plans, s.plan)}</span>
        <span role="cell" className="col-status">
          {STATUS_LABEL[s.status]}
          <ReviewRequiredBadge caseId={s.id} />
        </span>
        <span role="cell" className="col-owner">{s.owner ?? '—'}</span>
        <span role="cell" className="col-due">
          {next ? `${CLOCK_LABEL[next.kind]}${next.dueAt ? ` · ${formatDue(next.dueAt)}` : ''}` : view.problem ?? 'Nothing due'}
        </span>
        <span role="cell" className="col-clock">{next ? <LiveClockState clock={next} /> : null}</span>
        <span role="cell" className="col-countdown">{next ? <LiveCountdown clock={next} /> : null}</span>
      </div>
    );
  };

  const label = SEVERITY_INFO[severity].label;
  if (cases.length === 0) {
    return <p className="empty">No cases in {label} match. Log one with “New case” (N), or clear the filters.</p>;
  }
  return (
    <div
      role="table"
      aria-label={`${label} queue`}
      aria-rowcount={cases.length + 1}
      className="queue-table"
      title={`Move with ${LIST_KEYS.down.replace(' ', ' or ')} / ${LIST_KEYS.up.replace(' ', ' or ')}; ${LIST_KEYS.open} opens`}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="queue-row queue-head">
          {COLUMNS.map((column) => (
            <span key={column} role="columnheader" className={`col-${column.toLowerCase().replace(' ', '-')}`}>
              {column}
            </span>
          ))}
        </div>
      </div>
      <VirtualRows count={cases.length} rowHeight={ROW_HEIGHT} renderRow={renderRow} activeIndex={cursor} className="queue-body" />
    </div>
  );
}
