/** A run of rows by index, both ends included. */
export interface RowSpan {
  readonly from: number;
  readonly to: number;
}

/** The rows in view (`startIndex`..`endIndex`), the rows rendered past them on each side, and how many rows there are. */
export interface ViewRange {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly overscan: number;
  readonly count: number;
}

/** What a list renders ahead once a view has been shown: one more screen on each side, past the overscan. */
export function aheadOf(view: Pick<ViewRange, 'startIndex' | 'endIndex' | 'overscan'>): RowSpan {
  const screen = view.endIndex - view.startIndex + 1;
  return { from: view.startIndex - screen - view.overscan, to: view.endIndex + screen + view.overscan };
}

/**
 * The rows to render for a view: those in view plus the overscan, and, while they touch it, the
 * rows rendered ahead for an earlier view (`ahead`), kept up to two screens past the view so that
 * a scroll of up to a screen into them mounts no row; rows farther away go.
 */
export function rowsToRender(view: ViewRange, ahead: RowSpan | null): number[] {
  const last = view.count - 1;
  let from = Math.max(0, view.startIndex - view.overscan);
  let to = Math.min(last, view.endIndex + view.overscan);
  if (ahead && ahead.from <= to + 1 && ahead.to >= from - 1) {
    const keep = 2 * (view.endIndex - view.startIndex + 1) + view.overscan;
    from = Math.min(from, Math.max(0, ahead.from, view.startIndex - keep));
    to = Math.max(to, Math.min(last, ahead.to, view.endIndex + keep));
  }
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}
