import { observeElementRect, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { aheadOf, rowsToRender, type RowSpan } from './render-ahead';
import { assignSlots } from './row-slots';

/** Used while the scroller has no height yet (not laid out): a first screenful, never nothing. */
const UNMEASURED = { width: 1024, height: 720 };

function observeOrAssume(instance: Virtualizer<HTMLDivElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : UNMEASURED));
}

interface Props {
  /** The header row (role="row", one row high): it scrolls sideways with the rows and stays at the top. */
  readonly head: ReactNode;
  readonly count: number;
  readonly rowHeight: number;
  /** One row; it must carry role="row", position itself with the style it is given and use `key` as its React key. */
  readonly renderRow: (index: number, style: CSSProperties, key: number) => ReactNode;
  /** The id of the item at a position: rows are then keyed by recycled slots (see row-slots.ts), else by position. */
  readonly idOf?: (index: number) => string;
  /** Scrolled into view when it changes (the keyboard cursor). */
  readonly activeIndex?: number;
  readonly className?: string;
  /** Told the first and last index rendered whenever they change (a list that loads its rows by page). */
  readonly onRange?: (first: number, last: number) => void;
  /**
   * Once the list has been scrolled, renders a screen of rows ahead on each side of each view
   * shown, as work that gives way to the next input (a transition): a scroll of up to a screen
   * then finds its rows in the DOM and laid out, and shows them in the frame it happens in.
   */
  readonly renderAhead?: boolean;
}

const OVERSCAN = 8;

/**
 * Only the rows in view (plus a few) are in the DOM, so a queue of 10,000 costs what 30 do.
 * The header and the rows share one scroller, so a table wider than its box scrolls sideways as
 * a whole (wheel, trackpad, or the arrow keys once a row has the focus: the rows are the list's tab stop),
 * while the header stays at the top. The scroller is the `rows` size container: a table's
 * columns answer to the width it shows (`@container rows`, `cqw`), not to the window's.
 */
export function VirtualRows({ head, count, rowHeight, renderRow, idOf, activeIndex, className, onRange, renderAhead = false }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const slots = useRef<ReadonlyMap<string, number>>(new Map());
  const [ahead, setAhead] = useState<RowSpan | null>(null);
  const rangeExtractor = useCallback((range: Range) => rowsToRender(range, ahead), [ahead]);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    rangeExtractor,
    observeElementRect: observeOrAssume,
    // The rows start under the header, and a row scrolled to is never left under it.
    scrollMargin: rowHeight,
    scrollPaddingStart: rowHeight,
  });
  // One style object per offset, kept across renders, so a memoized row that did not move is not rendered again.
  const styles = useMemo(() => new Map<number, CSSProperties>(), [rowHeight]);
  const styleAt = (start: number): CSSProperties => {
    let style = styles.get(start);
    if (!style) styles.set(start, (style = { position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${start - rowHeight}px)` }));
    return style;
  };
  useEffect(() => {
    if (activeIndex !== undefined && activeIndex >= 0 && activeIndex < count) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, count, virtualizer]);

  // The rows in view. Once the list has been scrolled, each view shown is followed by a screen
  // more on each side, rendered as a transition. Not before: a list shown and not scrolled (a
  // search's answer, the rows of a new query on their way) renders only its view.
  const inView = virtualizer.range;
  const viewFrom = inView?.startIndex ?? -1;
  const viewTo = inView?.endIndex ?? -1;
  const scrolled = useRef(false);
  useEffect(() => {
    if (virtualizer.isScrolling) scrolled.current = true;
    if (!renderAhead || viewFrom < 0 || !scrolled.current) return;
    startTransition(() => setAhead(aheadOf({ startIndex: viewFrom, endIndex: viewTo, overscan: OVERSCAN })));
  }, [renderAhead, viewFrom, viewTo, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => onRange?.(first, last), [onRange, first, last]);
  if (idOf) slots.current = assignSlots(slots.current, items.map((item) => idOf(item.index)));
  return (
    <div ref={scroller} className={`virtual-scroller ${className ?? ''}`} style={{ scrollPaddingTop: rowHeight }}>
      <div role="rowgroup" className="virtual-head" style={{ height: rowHeight }}>
        {head}
      </div>
      <div className="virtual-space" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => renderRow(item.index, styleAt(item.start), idOf ? slots.current.get(idOf(item.index))! : item.index))}
      </div>
    </div>
  );
}
