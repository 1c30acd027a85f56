import { useCallback, useMemo, useRef, type CSSProperties } from 'react';
import { SeverityBadge } from '../../components/SeverityBadge';
import { formatDate, formatDue } from '../../components/time-format';
import { VirtualRows } from '../../components/VirtualRows';
import { useDeskStores } from '../../state';
import { LiveClockState, LiveCountdown } from '../clocks';
import { tabStopOf, useListKeys, type CursorList } from '../find';
import { mergeDeadlines, type DeadlineItem } from './deadline-item';

const ROW_HEIGHT = 30;
const COLUMNS = ['Due', 'Owed', 'Case', 'Severity', 'Title', 'Customer', 'Clock', 'Countdown'] as const;

const HEAD = (
  <div role="row" aria-rowindex={1} className="deadline-row deadline-head">
    {COLUMNS.map((column) => (
      <span key={column} role="columnheader">
        {column}
      </span>
    ))}
  </div>
);

/** Everything owed across the sources it is given, in time order, overdue first. */
export function DeadlineList({ sources }: { sources: ReadonlyArray<readonly DeadlineItem[]> }) {
  const { ui } = useDeskStores();
  const items = useMemo(() => mergeDeadlines(sources), [sources]);
  // A case can owe several things: the cursor rests on one row by its key, not on the case.
  const list = useMemo<CursorList>(() => {
    const firstOfCase = new Map<string, number>();
    const byKey = new Map<string, number>();
    items.forEach((item, index) => {
      if (!firstOfCase.has(item.caseId)) firstOfCase.set(item.caseId, index);
      byKey.set(item.key, index);
    });
    return {
      length: items.length,
      at: (index) => items[index]?.caseId,
      indexOf: (id) => firstOfCase.get(id) ?? -1,
      rows: { keyAt: (index) => items[index]?.key, indexOf: (key) => byKey.get(key) ?? -1 },
    };
  }, [items]);
  /** A review's item opens the review; any other item opens its case. */
  const open = useCallback(
    (index: number) => {
      const item = items[index];
      if (!item) return;
      const state = ui.getState();
      if (item.opens === 'review') state.openReview(item.caseId);
      else state.openCase(item.caseId);
      state.moveCursor(item.caseId, item.key);
    },
    [items, ui],
  );
  const table = useRef<HTMLDivElement>(null);
  const cursor = useListKeys(table, list, open);

  if (items.length === 0) return <p className="empty">Nothing is owed. New cases and acknowledged cases add their deadlines here.</p>;

  const renderRow = (index: number, style: CSSProperties) => {
    const item = items[index]!;
    return (
      <div
        key={index}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={index === cursor}
        tabIndex={index === tabStopOf(cursor) ? 0 : -1}
        className={`deadline-row${index === cursor ? ' cursor' : ''}`}
        style={style}
        onClick={() => open(index)}
      >
        <span role="cell">{item.dueDate ? formatDate(item.dueDate) : item.dueAt ? formatDue(item.dueAt) : 'Paused'}</span>
        <span role="cell">{item.label}</span>
        <span role="cell">{item.caseId}</span>
        <span role="cell"><SeverityBadge severity={item.severity} /></span>
        <span role="cell" className="col-title">{item.caseTitle}</span>
        <span role="cell">{item.customer}</span>
        <span role="cell">{item.clock ? <LiveClockState clock={item.clock} escalated={item.escalated} /> : null}</span>
        <span role="cell">{item.clock ? <LiveCountdown clock={item.clock} escalated={item.escalated} /> : null}</span>
      </div>
    );
  };

  return (
    <div ref={table} role="table" aria-label="Deadlines" aria-rowcount={items.length + 1} className="deadline-table">
      <VirtualRows head={HEAD} count={items.length} rowHeight={ROW_HEIGHT} renderRow={renderRow} activeIndex={cursor >= 0 ? cursor : undefined} />
    </div>
  );
}
