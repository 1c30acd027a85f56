import { memo, useMemo, useRef, type CSSProperties } from 'react';
import { SEVERITY_INFO, type Severity } from '../../../src-shared/domain';
import { planNamesOf } from '../../../src-shared/words';
import { VirtualRows } from '../../components/VirtualRows';
import { caseViewOf, indexByDue, useDeskStores, useLoadedSettings, type CaseView } from '../../state';
import { LIST_KEYS, tabStopOf, useListKeys, type CursorList } from '../find';
import { QueueRow } from './QueueRow';
import './queue-table.css';

export const ROW_HEIGHT = 30;

/** The columns in the order of the DOM; the style sheet says which give way on a narrow table (docs/ui.md, "Tables that fit"). */
const COLUMNS = [
  { label: 'Id', className: 'col-id' },
  { label: 'Severity', className: 'col-severity' },
  { label: 'Title', className: 'col-title' },
  { label: 'Customer', className: 'col-customer' },
  { label: 'Plan', className: 'col-plan' },
  { label: 'Status', className: 'col-status' },
  { label: 'Owner', className: 'col-owner' },
  { label: 'Next due', className: 'col-due' },
  { label: 'Clock', className: 'col-clock' },
  { label: 'Countdown', className: 'col-countdown' },
] as const;

const HEAD = (
  <div role="row" aria-rowindex={1} className="queue-row queue-head">
    {COLUMNS.map((column) => (
      <span key={column.label} role="columnheader" className={column.className}>
        {column.label}
      </span>
    ))}
  </div>
);

/**
 * One queue, nearest due first; only the rows in view are rendered. Every queue stays mounted;
 * only the `active` one answers the list keys and scrolls to the cursor.
 */
export const QueueList = memo(function QueueList({ severity, cases, active }: { severity: Severity; cases: readonly CaseView[]; active: boolean }) {
  const { cases: casesStore } = useDeskStores();
  const policy = useLoadedSettings().policy;
  const planName = useMemo(() => planNamesOf(policy.plans), [policy.plans]);
  const list = useMemo<CursorList>(
    () => ({
      length: cases.length,
      at: (index) => cases[index]?.state.id,
      // The queue is sorted, so a case is found by its own due time: no scan of the whole queue.
      indexOf: (id) => {
        const record = casesStore.getState().byId.get(id);
        return record ? indexByDue(cases, caseViewOf(record, policy)) : -1;
      },
    }),
    [cases, casesStore, policy],
  );
  const table = useRef<HTMLDivElement>(null);
  const cursor = useListKeys(table, list, undefined, active);

  const idOf = (index: number) => cases[index]!.state.id;
  const renderRow = (index: number, style: CSSProperties, key: number) => {
    const view = cases[index]!;
    return <QueueRow key={key} view={view} index={index} cursor={index === cursor} tabStop={index === tabStopOf(cursor)} planName={planName(view.state.plan)} style={style} />;
  };

  const label = SEVERITY_INFO[severity].label;
  if (cases.length === 0) {
    return <p className="empty">No cases in {label} match. Log one with “New case” (N), or clear the filters.</p>;
  }
  return (
    <div
      ref={table}
      role="table"
      aria-label={`${label} queue`}
      aria-rowcount={cases.length + 1}
      className="queue-table"
      title={`Move with ${LIST_KEYS.down.replace(' ', ' or ')} / ${LIST_KEYS.up.replace(' ', ' or ')}; ${LIST_KEYS.open} opens`}
    >
      <VirtualRows head={HEAD} count={cases.length} rowHeight={ROW_HEIGHT} renderRow={renderRow} idOf={idOf} activeIndex={active ? cursor : undefined} className="queue-body" renderAhead />
    </div>
  );
});
