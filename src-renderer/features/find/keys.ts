/** Single-key shortcuts must not fire while the engineer types or holds a modifier. */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return false;
  const target = event.target;
  if (target instanceof HTMLElement) {
    if (target.isContentEditable) return false;
    if (target.closest('input, textarea, select, [role="dialog"]')) return false;
  }
  return true;
}
