import { openCase } from '../main/storage/fixtures/cases';
import { useConsoleFixture } from './console-fixture';
import { pageDownRendersNothing } from './render-ahead';

/**
 * A long queue pages down as All cases does (docs/ui.md, "Lists at scale"): once scrolled, the
 * queue renders a screen ahead, so a wheel turn of a screen shows rows that are already there,
 * each with its own case.
 */
const desk = useConsoleFixture();

describe('a long queue in the browser', () => {
  it('a wheel turn of one screen shows rows already rendered ahead, each with its case', async () => {
    // 300 open P2 cases (the fixtures' cases are P2), logged a minute apart.
    const cases = Array.from({ length: 300 }, (_, i) => openCase(`RD-${1001 + i}`, 3, Date.UTC(2026, 10, 2, 9) + i * 60_000));
    const host = await desk.start({ dataset: { prefix: 'RD', nextNumber: 1301, cases } });
    const { context, page } = await desk.open(host);
    await page.keyboard.press('2');
    const queue = page.getByRole('table', { name: 'P2 High queue' });
    await queue.getByRole('row').nth(1).waitFor();
    expect(await queue.getAttribute('aria-rowcount')).toBe('301');
    const box = (await queue.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 60);
    const ids = new Set<string>();
    await pageDownRendersNothing(page, queue, 3, async (view) => {
      // Each row in view shows one case, and no case shows twice.
      const shown = await Promise.all(view.map((index) => queue.locator(`.virtual-space > [aria-rowindex="${index}"] .col-id`).innerText()));
      for (const id of shown) expect(id).toMatch(/^RD-1\d{3}$/);
      expect(new Set(shown).size).toBe(shown.length);
      for (const id of shown) ids.add(id);
    });
    expect(ids.size).toBeGreaterThan(30);
    await context.close();
  });
});
