import { useLayoutEffect, type RefObject } from 'react';

/**
 * While `printed` is in the page, its ancestors are marked `.print-path` (the print stylesheet then
 * hides every other branch, and lets the marked containers grow with their content instead of
 * scrolling it); the element itself carries `.print-root` or `.print-only`. Marked before the
 * browser takes the print layout: a selector asking each element whether it holds the printed one
 * would be checked on every change to the page, printing or not.
 */
export function usePrintPath(printed: RefObject<HTMLElement | null>, shown: boolean): void {
  useLayoutEffect(() => {
    const marked: Element[] = [];
    for (let at = printed.current?.parentElement; at; at = at.parentElement) {
      at.classList.add('print-path');
      marked.push(at);
    }
    return () => marked.forEach((element) => element.classList.remove('print-path'));
  }, [printed, shown]);
}
