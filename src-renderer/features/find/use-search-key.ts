import { useEffect, type RefObject } from 'react';
import { useDeskStores } from '../../state';
import { isShortcutEvent } from './keys';

/** The key that puts the focus in the search box of the filter bar on screen. */
export const SEARCH_KEY = '/';

/** `/` focuses `input` while no dialog is open and the engineer is not typing elsewhere. */
export function useSearchKey(input: RefObject<HTMLInputElement | null>): void {
  const { ui } = useDeskStores();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== SEARCH_KEY || !isShortcutEvent(event) || ui.getState().dialog) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ui, input]);
}
