import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';
const FIELD = 'input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled)';

/** In document order, which is the tab order (no positive tabindex here); sorted, as jsdom lists a selector list group by group. */
function focusables(root: HTMLElement, selector = FOCUSABLE): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(selector)]
    .filter((element) => !element.closest('[hidden], [inert]'))
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** Whether focus can be put back on an element: a control (not the page body), still in the page, enabled, not hidden. */
function canTakeFocus(element: Element | null): element is HTMLElement {
  return element instanceof HTMLElement && element !== document.body && element.isConnected && !element.matches(':disabled') && !element.closest('[hidden], [inert]');
}

/**
 * Where focus goes when the control that opened a dialog is gone or disabled (Acknowledge, once
 * the case is acknowledged): the heading of the region it was in (the case panel's), else the
 * region itself (the view); a dialog opened by a shortcut with nothing focused gives it to the view.
 */
function fallbackOf(opener: Element | null): HTMLElement | null {
  const region = opener?.closest<HTMLElement>('aside, main');
  if (!region) return document.querySelector<HTMLElement>('main');
  return region.querySelector<HTMLElement>('h2[tabindex="-1"]') ?? (region.hasAttribute('tabindex') ? region : null);
}

/**
 * Makes `dialog` modal for the keyboard (the WAI-ARIA dialog pattern): when it opens, focus moves
 * to its first field (else its first control); Tab and Shift+Tab go round inside it, and focus that
 * lands outside it is brought back; when it closes, focus returns to the control that opened it (or,
 * when that control is gone or disabled, to the heading of the region it was in).
 */
export function useModalFocus(dialog: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = dialog.current;
    if (!root) return;
    const opener = document.activeElement;
    (focusables(root, FIELD)[0] ?? focusables(root)[0] ?? root).focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const all = focusables(root);
      if (all.length === 0) return event.preventDefault();
      const first = all[0]!;
      const last = all.at(-1)!;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !root.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !root.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !root.contains(event.target)) (focusables(root)[0] ?? root).focus();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
      const back = canTakeFocus(opener) ? opener : fallbackOf(opener);
      back?.focus({ preventScroll: true });
      // What closed the dialog may disable its opener a moment later (the action it opened is done).
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || document.activeElement === null) fallbackOf(opener)?.focus({ preventScroll: true });
      });
    };
  }, [dialog]);
}

/** A modal dialog named by `label`: Escape closes it, and it holds the keyboard focus while open (`useModalFocus`). */
export function Dialog({ label, onClose, children }: { label: string; onClose: () => void; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  useModalFocus(root);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div ref={root} className="dialog" role="dialog" aria-modal="true" aria-label={label} tabIndex={-1}>
      {children}
    </div>
  );
}
