/**
 * Where focus goes when the case panel closes: the row of the list on screen that holds the
 * list's tab stop (the cursor's row, see useListKeys), else the view itself.
 */
export function focusTheView(): void {
  const main = document.querySelector<HTMLElement>('main');
  const row = [...(main?.querySelectorAll<HTMLElement>('[role="row"][tabindex="0"]') ?? [])].find((element) => !element.closest('[hidden]'));
  (row ?? main)?.focus({ preventScroll: true });
}
