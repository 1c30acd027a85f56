import { useEffect, useRef, type RefObject } from 'react';
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

/** A list's row at a position, by its aria-rowindex (the header is row 1). */
export function rowElementAt(table: HTMLElement | null, index: number): HTMLElement | null {
  return table?.querySelector<HTMLElement>(`[role="row"][aria-rowindex="${index + 2}"]`) ?? null;
}

/** The position of the row an element is in, or -1. */
function rowIndexOf(table: HTMLElement, target: EventTarget | null): number {
  if (!(target instanceof Element) || !table.contains(target)) return -1;
  const row = target.closest('[role="row"][aria-rowindex]');
  const index = row ? Number(row.getAttribute('aria-rowindex')) - 2 : -1;
  return Number.isInteger(index) ? index : -1;
}

/** How many frames a row that is not rendered yet (a long jump) is waited for before focus gives up. */
const FOCUS_FRAMES = 4;

/**
 * The keyboard model of a list (docs/ui.md, "Accessibility"). The rows form one tab stop (a roving
 * tabindex: the row under the cursor, else the first, has tabIndex 0), so the cursor is where the
 * focus is: focusing a row with the keyboard moves the cursor there (a click opens the row), and moving the cursor with
 * the keys moves the focus onto its row. j/k move the cursor from anywhere outside a field or a
 * dialog; the arrows move it only while the focus is in the list (elsewhere they scroll or drive
 * the focused control); Enter opens what is under the cursor only when the focus is on a row
 * (`open(index)`, else the case on that row), so Enter on any other control does what that
 * control says. The cursor lives in the UI store, so it survives switching views. A list kept
 * mounted but not shown passes `enabled` false: it still shows the cursor, but the keys belong
 * to the list on screen.
 */
export function useListKeys(table: RefObject<HTMLElement | null>, list: CursorList, open?: (index: number) => void, enabled = true): number {
  const { ui } = useDeskStores();
  const latest = useRef({ list, open });
  latest.current = { list, open };
  const focusWanted = useRef(false);
  useEffect(() => {
    if (!enabled) return;
    // A row focused by a press of the mouse is about to be clicked (which opens it): moving the
    // cursor then would scroll the row under the pointer before the click lands.
    let byPointer = false;
    const onPointer = () => {
      byPointer = true;
    };
    const onKey = (event: KeyboardEvent) => {
      byPointer = false;
      if (!isShortcutEvent(event) || ui.getState().dialog) return;
      const { list, open } = latest.current;
      if (list.length === 0) return;
      const element = table.current;
      const inList = element !== null && event.target instanceof Node && element.contains(event.target);
      const { cursorId, cursorRow, moveCursor, openCase } = ui.getState();
      const at = cursorIndex(list, cursorId, cursorRow);
      const moveTo = (index: number) => {
        focusWanted.current = true;
        moveCursor(list.at(index)!, list.rows?.keyAt(index) ?? null);
        // The cursor may already be there (the first j after focus left the list): focus follows anyway.
        if (index === at) rowElementAt(element, index)?.focus({ preventScroll: true });
      };
      const down = event.key === 'j' || (inList && event.key === 'ArrowDown');
      const up = event.key === 'k' || (inList && event.key === 'ArrowUp');
      if (down) moveTo(Math.min(at + 1, list.length - 1));
      else if (up) moveTo(Math.max(at - 1, 0));
      else if (event.key === 'Enter' && inList && event.target instanceof Element && event.target.matches('[role="row"]') && at >= 0) {
        (open ?? ((index: number) => openCase(list.at(index)!)))(at);
      } else return;
      event.preventDefault();
    };
    // Focus on a row from the keyboard (Tab) moves the cursor there.
    const onFocus = (event: FocusEvent) => {
      const element = table.current;
      if (!element || byPointer) return;
      const index = rowIndexOf(element, event.target);
      const { list } = latest.current;
      const id = index >= 0 ? list.at(index) : undefined;
      if (id === undefined) return;
      const { cursorId, cursorRow, moveCursor } = ui.getState();
      if (cursorIndex(list, cursorId, cursorRow) !== index) moveCursor(id, list.rows?.keyAt(index) ?? null);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('focusin', onFocus);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('focusin', onFocus);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [ui, enabled, table]);
  const cursorId = useUi((state) => state.cursorId);
  const cursorRow = useUi((state) => state.cursorRow);
  const cursor = cursorIndex(list, cursorId, cursorRow);
  // Moved by the keys: the focus follows onto the row once it is rendered (it is scrolled into view first).
  useEffect(() => {
    if (!focusWanted.current || cursor < 0) return;
    let frames = 0;
    let handle = 0;
    const tryFocus = () => {
      const row = rowElementAt(table.current, cursor);
      if (row) {
        focusWanted.current = false;
        if (document.activeElement !== row) row.focus({ preventScroll: true });
      } else if (frames++ < FOCUS_FRAMES) handle = requestAnimationFrame(tryFocus);
    };
    tryFocus();
    return () => cancelAnimationFrame(handle);
  }, [cursor, table]);
  return cursor;
}

/** The row that takes the list's one tab stop: the cursor's, else the first. */
export const tabStopOf = (cursor: number): number => (cursor >= 0 ? cursor : 0);
