import fc from 'fast-check';
import { aheadOf, rowsToRender, type ViewRange } from '../../src-renderer/components/render-ahead';

const OVERSCAN = 8;

/** A view of `screen` rows starting at `start` in a list of `count` rows, as the virtualizer reports it. */
function view(start: number, screen: number, count: number): ViewRange {
  return { startIndex: start, endIndex: Math.min(count - 1, start + screen - 1), overscan: OVERSCAN, count };
}

/** Lists of 1..5,000 rows, screens of 1..40 rows, a view inside the list (a list scrolled to its end shows a whole screen). */
const views = fc
  .record({ count: fc.integer({ min: 1, max: 5_000 }), screen: fc.integer({ min: 1, max: 40 }) })
  .chain(({ count, screen }) => fc.record({ count: fc.constant(count), screen: fc.constant(screen), start: fc.integer({ min: 0, max: Math.max(0, count - screen) }) }));

describe('rows rendered ahead of a scroll', () => {
  it('without rows rendered ahead, a list renders the rows in view and 8 more on each side', () => {
    expect(rowsToRender(view(100, 20, 1_000), null)).toEqual(Array.from({ length: 36 }, (_, i) => 92 + i));
    expect(rowsToRender(view(0, 20, 10), null)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('after a view is shown, the next render adds a screen on each side', () => {
    const shown = view(100, 20, 1_000);
    expect(aheadOf(shown)).toEqual({ from: 72, to: 147 });
    const rows = rowsToRender(shown, aheadOf(shown));
    expect([rows[0], rows.at(-1)]).toEqual([72, 147]);
  });

  it('a scroll of up to a screen either way into the rows rendered ahead mounts no row: every row it needs is already there', () => {
    fc.assert(
      fc.property(views, fc.integer({ min: -40, max: 40 }), ({ count, screen, start }, by) => {
        const before = view(start, screen, count);
        const ahead = aheadOf(before);
        const rendered = new Set(rowsToRender(before, ahead));
        const move = Math.max(-screen, Math.min(screen, by));
        const after = view(Math.max(0, Math.min(count - screen, start + move)), screen, count);
        const needed = rowsToRender(after, null);
        expect(needed.filter((index) => !rendered.has(index))).toEqual([]);
        // The render right after the scroll keeps the rows of the view before it, so scrolling back mounts nothing either.
        const next = new Set(rowsToRender(after, ahead));
        expect(rowsToRender(before, null).filter((index) => !next.has(index))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('renders one run of rows inside the list, never more than five screens and the overscan', () => {
    fc.assert(
      fc.property(views, fc.option(fc.record({ from: fc.integer({ min: -100, max: 5_100 }), length: fc.integer({ min: 0, max: 500 }) })), ({ count, screen, start }, held) => {
        const shown = view(start, screen, count);
        const rows = rowsToRender(shown, held ? { from: held.from, to: held.from + held.length } : null);
        expect(rows.length).toBeGreaterThan(0);
        expect(rows[0]).toBeGreaterThanOrEqual(0);
        expect(rows.at(-1)).toBeLessThan(count);
        expect(rows.every((index, i) => i === 0 || index === rows[i - 1]! + 1)).toBe(true);
        // The rows in view and the overscan are always there.
        expect(rows[0]).toBeLessThanOrEqual(Math.max(0, shown.startIndex - OVERSCAN));
        expect(rows.at(-1)).toBeGreaterThanOrEqual(Math.min(count - 1, shown.endIndex + OVERSCAN));
        expect(rows.length).toBeLessThanOrEqual(5 * screen + 4 * OVERSCAN);
      }),
      { numRuns: 500 },
    );
  });

  it('rows rendered ahead for a view far away are dropped, not kept', () => {
    const far = aheadOf(view(4_000, 20, 5_000));
    expect(rowsToRender(view(100, 20, 5_000), far)).toEqual(rowsToRender(view(100, 20, 5_000), null));
  });
});
