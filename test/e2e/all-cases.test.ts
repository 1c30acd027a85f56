import type { Locator, Page } from 'playwright-core';
import type { Dataset } from '../../src-main/core/storage';
import { closedCase } from '../main/storage/fixtures/cases';
import { useConsoleFixture } from './console-fixture';
import { pageDownRendersNothing, rowsInView } from './render-ahead';
import { screenshotPath } from './screenshots';

const desk = useConsoleFixture();

/** A laptop's window, in Berlin; its store holds `dataset` if given. */
async function openConsole(dataset?: Dataset): Promise<Page> {
  const { page } = await desk.open(await desk.start({ dataset }));
  return page;
}

/** A console whose store holds `count` closed cases (RD-1001 on, closed an hour apart from 1 Jan 2025), showing All cases. */
async function closedHistory(count: number): Promise<{ page: Page; table: Locator }> {
  const from = Date.UTC(2025, 0, 1);
  const cases = Array.from({ length: count }, (_, i) => closedCase(`RD-${1001 + i}`, 15, new Date(from + i * 3_600_000).toISOString()));
  const page = await openConsole({ prefix: 'RD', nextNumber: 1001 + count, cases });
  await button(page.getByRole('navigation', { name: 'Views' }), 'All cases').click();
  await page.getByText(`${count} cases, open and closed`).waitFor();
  return { page, table: page.getByRole('table', { name: 'All cases', exact: true }) };
}

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const panel = (page: Page) => page.getByRole('complementary');
const status = (page: Page) => panel(page).getByRole('definition').nth(3).innerText();

async function act(page: Page, action: string, submit: string, fill: (dialog: Locator) => Promise<void> = async () => undefined) {
  await button(panel(page), action).click();
  const dialog = page.getByRole('dialog', { name: action, exact: true });
  await fill(dialog);
  await button(dialog, submit).click();
  await dialog.waitFor({ state: 'detached' });
}

async function logCase(page: Page, title: string, customer: string) {
  await button(page, 'New case').click();
  const dialog = page.getByRole('dialog', { name: 'New case', exact: true });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await dialog.getByRole('textbox', { name: 'Customer', exact: true }).fill(customer);
  await button(dialog, 'Log case').click();
  await dialog.waitFor({ state: 'detached' });
  await panel(page).getByRole('heading', { name: new RegExp(title) }).waitFor();
}

describe('All cases in the browser', () => {
  it('finds a closed case by search, opens it and reopens it', async () => {
    const page = await openConsole();
    await logCase(page, 'Invoices export times out', 'Umbrella Health');
    await act(page, 'Acknowledge', 'Send acknowledgement', async (dialog) => {
      for (const item of ['Validate severity and impact', 'Begin investigation', 'Outline next steps']) await dialog.getByRole('checkbox', { name: item }).check();
      await dialog.getByRole('textbox', { name: 'Next steps', exact: true }).fill('Looking at the export job.');
    });
    await act(page, 'Resolve', 'Mark resolved', async (dialog) => {
      await dialog.getByRole('combobox', { name: 'Criterion', exact: true }).selectOption({ label: 'Service restored' });
      await dialog.getByRole('combobox', { name: 'Method', exact: true }).selectOption({ label: 'Bug fix' });
      await dialog.getByRole('textbox', { name: 'Summary', exact: true }).fill('Export batch size fixed.');
    });
    await act(page, 'Close', 'Close case');
    expect(await status(page)).toBe('Closed');
    await logCase(page, 'Portal slow at month end', 'Globex');
    await page.keyboard.press('Escape');
    // Closed, it has left the queues.
    expect(await page.getByRole('cell', { name: 'Invoices export times out' }).count()).toBe(0);

    await button(page.getByRole('navigation', { name: 'Views' }), 'All cases').click();
    const table = page.getByRole('table', { name: 'All cases', exact: true });
    await table.getByRole('row').nth(2).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).click();
    await page.keyboard.type('invoices', { delay: 30 });
    await expect.poll(async () => (await table.getByRole('row').allInnerTexts()).slice(1)).toEqual([expect.stringMatching(/Invoices export times out[\s\S]*Umbrella Health[\s\S]*Closed/)]);
    await page.screenshot({ path: screenshotPath('all-cases-found-closed-case.png') });

    await table.getByRole('row').nth(1).getByRole('cell').first().click();
    await panel(page).getByRole('heading', { name: /Invoices export times out/ }).waitFor();
    expect(await status(page)).toBe('Closed');
    await expect.poll(() => button(panel(page), 'Record feedback').isEnabled()).toBe(true);
    await act(page, 'Reopen', 'Reopen case', async (dialog) => dialog.getByRole('textbox', { name: 'Reason', exact: true }).fill('The timeouts came back.'));
    expect(await status(page)).toBe('Investigating');
    // The list follows: the row says the case is open again.
    await expect.poll(() => table.getByRole('row').nth(1).innerText()).toMatch(/Investigating/);
    await page.screenshot({ path: screenshotPath('all-cases-reopened.png') });

    await button(page.getByRole('navigation', { name: 'Views' }), 'Queues').click();
    await page.keyboard.press('3');
    await page.getByRole('table', { name: 'P3 Medium queue' }).getByRole('cell', { name: 'Invoices export times out' }).waitFor();
  });

  it('scrolls through thousands of closed cases with the mouse wheel, loading the rows as they come into view', async () => {
    const { page, table } = await closedHistory(3_000);
    expect(await table.getAttribute('aria-rowcount')).toBe('3001');
    const box = (await table.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 600);
    // 24,000 px down: about row 800, far beyond the first pages asked for.
    await expect.poll(async () => Number(await table.getByRole('row').last().getAttribute('aria-rowindex')), { timeout: 10_000 }).toBeGreaterThan(700);
    await expect.poll(() => table.getByText('Loading…').count(), { timeout: 10_000 }).toBe(0);
    const last = await table.getByRole('row').last().innerText();
    expect(last).toMatch(/RD-\d{4}[\s\S]*Closed/);
    expect(await table.getByRole('row').count()).toBeLessThan(80);
    await page.screenshot({ path: screenshotPath('all-cases-scrolled.png') });
  });

  it('a scroll of one screen finds the rows it shows already rendered, and their data', async () => {
    const { page, table } = await closedHistory(1_000);
    const box = (await table.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

    const lastRendered = async () => Number(await table.locator('.virtual-space > [role="row"]').last().getAttribute('aria-rowindex'));
    const screen = (await rowsInView(table)).length;
    expect(screen).toBeGreaterThan(10);
    // Shown and not scrolled, the list renders its view and 8 rows more; from the first scroll on, a screen ahead.
    expect(await lastRendered()).toBeLessThan(screen + 12);
    await page.mouse.wheel(0, 60);
    await pageDownRendersNothing(page, table, 3, async (view) => {
      // The rows shown are the right ones, with their data: most recently updated first.
      const first = await table.locator(`.virtual-space > [aria-rowindex="${view[0]}"]`).innerText();
      expect(first).toContain(`RD-${1000 - (view[0]! - 2) + 1000}`);
    });
  });
});
