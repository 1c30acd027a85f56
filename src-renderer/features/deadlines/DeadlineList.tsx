import { useMemo, type CSSProperties } from 'react';
import { SeverityBadge } from '../../components/SeverityBadge';
import { formatDue } from '../../components/time-format';
import { VirtualRows } from '../../components/VirtualRows';
import { useDeskStores } from '../../state';
import { LiveClockState, LiveCountdown } from '../clocks';
import { useListKeys } from '../find';
import { mergeDeadlines, type DeadlineItem } from './deadline-item';

const ROW_HEIGHT = 30;
const COLUMNS = ['Due', 'Owed', 'Case', 'Severity', 'Title', 'Customer', 'Clock', 'Countdown'] as const;

/** Everything owed across the sources it is given, in time order, overdue first. */
export function DeadlineList({ sources }: { sources: ReadonlyArray<readonly DeadlineItem[]> }) {
  const { ui } = useDeskStores();
  const items = useMemo(() => mergeDeadlines(sources), [sources]);
  const ids = useMemo(() => items.map((item) => item.caseId), [items]);
  const cursor = useListKeys(ids);

  if (items.length === 0) return <p className="empty">Nothing is owed. New cases and acknowledged cases add their deadlines here.</p>;

  const renderRow = (index: number, style: CSSProperties) => {
    const item = items[index]!;
    return (
      <div
        key={index}
        role="row"
        aria-rowindex={index + 2}
        aria-selected={index === cursor}
        className={`deadline-row${index === cursor ? ' cursor' : ''}`}
        style={style}
        onClick={() => (item.opens === 'review' ? ui.getState().openReview(item.caseId) : ui.getState().openCase(item.caseId))}
      >
        <span role="cell">{item.dueAt ? formatDue(item.dueAt) : 'Paused'}</span>
        <span role="cell">{item.label}</span>
        <span role="cell">{item.caseId}</span>
        <span role="cell"><SeverityBadge severity={item.severity} /></span>
        <span role="cell" className="col-title">{item.caseTitle}</span>
        <span role="cell">{item.customer}</span>
        <span role="cell">{item.clock ? <LiveClockState clock={item.clock} /> : null}</span>
        <span role="cell">{item.clock ? <LiveCountdown clock={item.clock} /> : null}</span>
      </div>
    );
  };

  return (
    <div role="table" aria-label="Deadlines" aria-rowcount={items.length + 1} className="deadline-table">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="deadline-row deadline-head">
          {COLUMNS.map((column) => (
            <span key={column} role="columnheader">
              {column}
            </span>
          ))}
        </div>
      </div>
      <VirtualRows count={items.length} rowHeight={ROW_HEIGHT} renderRow={renderRow} activeIndex={cursor >= 0 ? cursor : undefined} />
    </div>
  );
}
