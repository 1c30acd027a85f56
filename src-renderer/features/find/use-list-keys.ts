import { useEffect, useRef } from 'react';
import { useDeskStores, useUi } from '../../state';
import { isShortcutEvent } from './keys';

export const LIST_KEYS = { down: 'J ArrowDown', up: 'K ArrowUp', open: 'Enter' } as const;

/** What the cursor moves through: an array of ids will do, or a sorted list that finds an id faster than a scan. */
export interface CursorList {
  readonly length: number;
  at(index: number): string | undefined;
  /** -1 when the case is not in the list. */
  indexOf(id: string): number;
}

/**
 * Arrows or j/k move the cursor through `list`, Enter opens the case under it. The cursor lives
 * in the UI store, so it survives switching views.
 */
export function useListKeys(list: CursorList): number {
  const { ui } = useDeskStores();
  const latest = useRef(list);
  latest.current = list;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutEvent(event) || ui.getState().dialog) return;
      const list = latest.current;
      if (list.length === 0) return;
      const { cursorId, moveCursor, openCase } = ui.getState();
      const at = cursorId === null ? -1 : list.indexOf(cursorId);
      if (event.key === 'j' || event.key === 'ArrowDown') moveCursor(list.at(Math.min(at + 1, list.length - 1))!);
      else if (event.key === 'k' || event.key === 'ArrowUp') moveCursor(list.at(Math.max(at - 1, 0))!);
      else if (event.key === 'Enter' && at >= 0) openCase(list.at(at)!);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ui]);
  const cursorId = useUi((state) => state.cursorId);
  return cursorId === null ? -1 : list.indexOf(cursorId);
}
