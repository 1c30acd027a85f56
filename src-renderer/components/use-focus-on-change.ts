import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moves focus to `target` whenever `key` changes (and on mount when `onMount`), without scrolling:
 * a view, review or case just opened then answers PageDown, Space and the arrow keys, and a
 * screen reader announces where the engineer now is. The target needs tabIndex -1.
 */
export function useFocusOnChange(target: RefObject<HTMLElement | null>, key: string | null, onMount = false): void {
  const previous = useRef<string | null | undefined>(onMount ? undefined : key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    target.current?.focus({ preventScroll: true });
  }, [target, key]);
}
