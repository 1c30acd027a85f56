import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

type Watched = HTMLElement & { changedRows?: number[] };

/** A limit for a wait that only a hang reaches, not a slow machine. */
const HANG = { timeout: 30_000 };

/** The aria-rowindex of each row of a list (components/VirtualRows) whose box lies in the list's view, under its header. */
export function rowsInView(table: Locator): Promise<number[]> {
  return table.evaluate((element) => {
    const scroller = element.querySelector('.virtual-scroller')!;
    const top = scroller.getBoundingClientRect().top + scroller.querySelector('.virtual-head')!.getBoundingClientRect().height;
    const bottom = scroller.getBoundingClientRect().top + scroller.clientHeight;
    return [...scroller.querySelectorAll('.virtual-space > [role="row"]')]
      .filter((row) => row.getBoundingClientRect().bottom > top && row.getBoundingClientRect().top < bottom)
      .map((row) => Number(row.getAttribute('aria-rowindex')));
  });
}

/**
 * Turns the mouse wheel over a list by one screen `turns` times, as a person pages down (the
 * pointer must be over the list). Before each turn it waits for the list to render a screen
 * ahead; after it, every row in view must be an element that was already in the DOM at its place
 * before the turn: none added and none moved there (a recycled row taking another case).
 * After each turn, `shown` is told the rows in view, to check their content.
 */
export async function pageDownRendersNothing(page: Page, table: Locator, turns: number, shown: (view: number[]) => Promise<void>): Promise<void> {
  const lastRendered = async () => Number(await table.locator('.virtual-space > [role="row"]').last().getAttribute('aria-rowindex'));
  for (let turn = 0; turn < turns; turn++) {
    const before = await rowsInView(table);
    const screen = before.length;
    await expect.poll(lastRendered, HANG).toBeGreaterThanOrEqual(before.at(-1)! + screen);
    await expect.poll(() => table.getByText('Loading…').count(), HANG).toBe(0);
    // Every row element added to the list, or given another place in it, from here on.
    await table.evaluate((element: Watched) => {
      const changed: number[] = [];
      element.changedRows = changed;
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'attributes') changed.push(Number((record.target as Element).getAttribute('aria-rowindex')));
          for (const node of record.addedNodes) if (node instanceof HTMLElement) changed.push(Number(node.getAttribute('aria-rowindex')));
        }
      }).observe(element.querySelector('.virtual-space')!, { childList: true, subtree: true, attributeFilter: ['aria-rowindex'] });
    });
    await page.mouse.wheel(0, screen * 30);
    await expect.poll(async () => (await rowsInView(table))[0], HANG).toBeGreaterThan(before[0]! + screen - 3);
    const now = await rowsInView(table);
    const changed = await table.evaluate((element: Watched) => element.changedRows ?? []);
    expect(now.filter((index) => changed.includes(index))).toEqual([]);
    await shown(now);
  }
}
