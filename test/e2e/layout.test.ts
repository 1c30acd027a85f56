import type { Locator, Page } from 'playwright-core';
import { useConsoleFixture } from './console-fixture';
import { resolvedP1 } from './desk-socket';
import type { RunningHost } from './harness';
import { screenshotPath } from './screenshots';

/**
 * Every view scrolls the way a person scrolls it: the mouse wheel over the view (Playwright's
 * clicks and scrollIntoView would scroll by themselves and hide a view that cannot), PageDown and
 * Space from the keyboard, at the window sizes engineers use. No block of a view lies over another.
 */
const WINDOWS = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

const desk = useConsoleFixture();
let host: RunningHost;
let reviewCaseId: string;
let longCaseId: string;

beforeAll(async () => {
  host = await desk.start({
    // A queue longer than any window, a case with a long timeline, and a review to edit.
    seed: async (socket) => {
      for (let i = 0; i < 40; i++) await socket.call('cases.create', { title: `Sync lagging for tenant ${i + 1}`, customer: `Customer ${i + 1}`, plan: 'premium', severity: 'P2' });
      reviewCaseId = await resolvedP1(socket);
      longCaseId = (await socket.call('cases.create', { title: 'Checkout returns 500', customer: 'Acme Bank', plan: 'premium', severity: 'P3' })).id;
      for (let i = 0; i < 25; i++) await socket.call('cases.act', { id: longCaseId, command: { type: 'addNote', text: `Checked gateway node ${i + 1}: connection pool at its limit` } });
      await socket.call('reviews.start', { caseId: reviewCaseId });
    },
  });
});

const openConsole = (size: { width: number; height: number }, query = '') => desk.open(host, { viewport: size, query });

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not laid out`);
  return box;
}

/** The whole box lies in the window (or, when taller than the window, fills it from its top). */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  if ((await locator.count()) === 0) return false;
  const box = await boxOf(locator);
  const height = page.viewportSize()!.height;
  return box.y >= 0 && (box.y + box.height <= height + 0.5 || box.y <= 1);
}

/** Wheels over `scroller` (near its left edge, clear of inner scrollers) until `target` is in the window. */
async function wheelUntilInView(page: Page, scroller: Locator, target: Locator): Promise<number> {
  const box = await boxOf(scroller);
  await page.mouse.move(box.x + 6, box.y + box.height / 2);
  let wheels = 0;
  await expect
    .poll(
      async () => {
        if (await inViewport(page, target)) return true;
        await page.mouse.wheel(0, 300);
        wheels++;
        return false;
      },
      { timeout: 20_000, interval: 50 },
    )
    .toBe(true);
  return wheels;
}

/** Presses `key` until `target` is in the window; the view must move at each press. */
async function keyUntilInView(page: Page, key: string, target: Locator): Promise<number> {
  let presses = 0;
  await expect
    .poll(
      async () => {
        if (await inViewport(page, target)) return true;
        await page.keyboard.press(key);
        presses++;
        return false;
      },
      { timeout: 20_000, interval: 50 },
    )
    .toBe(true);
  return presses;
}

const scrollTop = (scroller: Locator) => scroller.evaluate((element) => element.scrollTop);

/** Pairs of the boxes matched by `selector` (each box with a name) that overlap by more than a pixel. */
async function overlaps(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const boxes = [...document.querySelectorAll(selector)].map((element) => ({
      name: `${element.tagName.toLowerCase()}.${element.className} "${(element.querySelector('h2, h3')?.textContent ?? '').trim()}"`,
      rect: element.getBoundingClientRect(),
      element,
    }));
    const found: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        if (a.element.contains(b.element) || b.element.contains(a.element)) return;
        const across = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const down = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (across > 1 && down > 1) found.push(`${a.name} overlaps ${b.name}`);
      }),
    );
    return found;
  }, selector);
}

const content = (page: Page) => page.locator('main.content');
/** The blocks of a view: the children of main.content, through the offline guard (a fieldset laid out as if it were not there). */
const VIEW_BLOCKS = 'main.content > *, main.content > .offline-guard > *';
const panel = (page: Page) => page.getByRole('complementary');

describe.each(WINDOWS)('at $width x $height every view scrolls', (size) => {
  const name = `${size.width}x${size.height}`;

  it('Settings scrolls with the wheel to its last section, the Data block lies below Notifications, and the sticky save bar has nothing above it down to the end of the form', async () => {
    const { context, page } = await openConsole(size);
    await page.keyboard.press(',');
    const data = page.getByRole('region', { name: 'Data', exact: true });
    await data.waitFor();
    expect(await overlaps(page, `${VIEW_BLOCKS}, .settings form > section`)).toEqual([]);
    expect(await inViewport(page, data)).toBe(false);

    // The save bar belongs to the settings form: down to the form's last section it stays stuck to
    // the top of the scrolling area, with no sliver of content above it. Team and Data, below the
    // form, are not saved by it, and the bar leaves with the form.
    const lastFormSection = page.locator('.settings form > section').last();
    expect(await wheelUntilInView(page, content(page), lastFormSection)).toBeGreaterThan(0);
    const bar = page.locator('.settings-actions');
    const [barBox, contentBox] = [await boxOf(bar), await boxOf(content(page))];
    expect(Math.abs(barBox.y - contentBox.y)).toBeLessThanOrEqual(1);
    await wheelUntilInView(page, content(page), data);
    expect(await inViewport(page, data)).toBe(true);
    expect(await overlaps(page, `${VIEW_BLOCKS}, .settings form > section`)).toEqual([]);
    await page.screenshot({ path: screenshotPath(`layout-settings-end-${name}.png`) });
    await context.close();
  });

  it('Settings moves with PageDown and Space once the view is chosen from the keyboard', async () => {
    const { context, page } = await openConsole(size);
    await page.keyboard.press(',');
    const data = page.getByRole('region', { name: 'Data', exact: true });
    await data.waitFor();
    await page.keyboard.press('PageDown');
    await expect.poll(() => scrollTop(content(page))).toBeGreaterThan(0);
    expect(await keyUntilInView(page, 'PageDown', data)).toBeGreaterThan(0);

    await page.keyboard.press('Home');
    await expect.poll(() => scrollTop(content(page))).toBe(0);
    await page.keyboard.press('Space');
    await expect.poll(() => scrollTop(content(page))).toBeGreaterThan(0);
    await context.close();
  });

  it('a review scrolls with the wheel and PageDown to its last section, no section over another', async () => {
    const { context, page } = await openConsole(size, `&review=${reviewCaseId}`);
    const editor = page.getByRole('article', { name: `Post-incident review of ${reviewCaseId}`, exact: true });
    const last = editor.locator(':scope > section').last();
    await last.waitFor();
    expect(await inViewport(page, last)).toBe(false);
    expect(await wheelUntilInView(page, content(page), last)).toBeGreaterThan(0);
    expect(await overlaps(page, `${VIEW_BLOCKS}, .review-panel > *`)).toEqual([]);
    await page.screenshot({ path: screenshotPath(`layout-review-end-${name}.png`) });

    await page.reload();
    await last.waitFor();
    expect(await scrollTop(content(page))).toBe(0);
    expect(await keyUntilInView(page, 'PageDown', last)).toBeGreaterThan(0);
    await context.close();
  });

  it('the case panel scrolls with the wheel and PageDown to the end of its timeline', async () => {
    const { context, page } = await openConsole(size);
    await page.keyboard.press('3');
    await page.getByRole('table', { name: 'P3 Medium queue' }).getByRole('cell', { name: longCaseId, exact: true }).click();
    const lastEvent = panel(page).getByRole('list', { name: 'Timeline' }).getByRole('listitem').last();
    await lastEvent.waitFor();
    expect(await inViewport(page, lastEvent)).toBe(false);
    expect(await wheelUntilInView(page, panel(page), lastEvent)).toBeGreaterThan(0);
    expect(await overlaps(page, 'aside.detail > *')).toEqual([]);
    await page.screenshot({ path: screenshotPath(`layout-case-panel-end-${name}.png`) });

    await panel(page).evaluate((element) => element.scrollTo(0, 0));
    expect(await keyUntilInView(page, 'PageDown', lastEvent)).toBeGreaterThan(0);
    await context.close();
  });

  it('a queue longer than the window scrolls its rows with the wheel, under a header that stays', async () => {
    const { context, page } = await openConsole(size);
    await page.keyboard.press('2');
    const queue = page.getByRole('table', { name: 'P2 High queue' });
    const head = queue.getByRole('columnheader', { name: 'Title', exact: true });
    const lastRow = queue.getByRole('row', { name: /Sync lagging for tenant 40\b/ });
    await queue.getByRole('row').nth(1).waitFor();
    expect(await lastRow.count()).toBe(0);
    const rows = queue.locator('.virtual-scroller');
    expect(await wheelUntilInView(page, rows, lastRow)).toBeGreaterThan(0);
    expect(await inViewport(page, head)).toBe(true);
    expect(await overlaps(page, `${VIEW_BLOCKS}, .queues > *`)).toEqual([]);
    await context.close();
  });

  it('All cases scrolls its rows with the wheel to the last case', async () => {
    const { context, page } = await openConsole(size);
    await page.keyboard.press('l');
    const table = page.getByRole('table', { name: 'All cases' });
    await table.getByRole('row').nth(1).waitFor();
    const total = Number(await table.getAttribute('aria-rowcount'));
    expect(total).toBeGreaterThan(40);
    const lastRow = table.locator(`[aria-rowindex="${total}"]`);
    expect(await lastRow.count()).toBe(0);
    expect(await wheelUntilInView(page, table.locator('.virtual-scroller'), lastRow)).toBeGreaterThan(0);
    expect(await overlaps(page, `${VIEW_BLOCKS}, .all-cases > *`)).toEqual([]);
    await context.close();
  });

  it('Deadlines scrolls its rows with the wheel to the last item', async () => {
    const { context, page } = await openConsole(size);
    await page.keyboard.press('d');
    const table = page.getByRole('table', { name: 'Deadlines' });
    await table.getByRole('row').nth(1).waitFor();
    const total = Number(await table.getAttribute('aria-rowcount'));
    const lastRow = table.locator(`[aria-rowindex="${total}"]`);
    expect(await lastRow.count()).toBe(0);
    expect(await wheelUntilInView(page, table.locator('.virtual-scroller'), lastRow)).toBeGreaterThan(0);
    expect(await overlaps(page, `${VIEW_BLOCKS}, .deadlines > *`)).toEqual([]);
    await context.close();
  });
});
