import { useEffect, useRef } from 'react';
import { useDeskStores, useUi } from '../../state';
import { isShortcutEvent } from './keys';

export const LIST_KEYS = { down: 'J ArrowDown', up: 'K ArrowUp', open: 'Enter' } as const;

/** What the cursor moves through: an array of ids will do, or a sorted list that finds an id faster than a scan. */
export interface CursorList {
  readonly length: number;
  /** The case on the row at index. */
  at(index: number): string | undefined;
  /** The case's row (its first, where it has several); -1 when the case is not in the list. */
  indexOf(id: string): number;
  /** Where a case can have several rows (the deadlines): each row's own key, and the row with a key (-1 when none). */
  readonly rows?: { keyAt(index: number): string | undefined; indexOf(key: string): number };
}

function cursorIndex(list: CursorList, cursorId: string | null, cursorRow: string | null): number {
  if (cursorId === null) return -1;
  const row = cursorRow !== null && list.rows ? list.rows.indexOf(cursorRow) : -1;
  return row >= 0 ? row : list.indexOf(cursorId);
}

/**
 * Arrows or j/k move the cursor through `list`, Enter opens what is under it: `open(index)`, else
 * the case on that row. The cursor lives in the UI store, so it survives switching views. A list
 * kept mounted but not shown passes `enabled` false: it still shows the cursor, but the keys
 * belong to the list on screen.
 */
export function useListKeys(list: CursorList, open?: (index: number) => void, enabled = true): number {
  const { ui } = useDeskStores();
  const latest = useRef({ list, open });
  latest.current = { list, open };
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event) || ui.getState().dialog) return;
      const { list, open } = latest.current;
      if (list.length === 0) return;
      const { cursorId, cursorRow, moveCursor, openCase } = ui.getState();
      const at = cursorIndex(list, cursorId, cursorRow);
      const moveTo = (index: number) => moveCursor(list.at(index)!, list.rows?.keyAt(index) ?? null);
      if (event.key === 'j' || event.key === 'ArrowDown') moveTo(Math.min(at + 1, list.length - 1));
      else if (event.key === 'k' || event.key === 'ArrowUp') moveTo(Math.max(at - 1, 0));
      else if (event.key === 'Enter' && at >= 0) (open ?? ((index: number) => openCase(list.at(index)!)))(at);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ui, enabled]);
  const cursorId = useUi((state) => state.cursorId);
  const cursorRow = useUi((state) => state.cursorRow);
  return cursorIndex(list, cursorId, cursorRow);
}
