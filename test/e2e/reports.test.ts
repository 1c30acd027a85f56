import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { connectSocket, resolvedP1 } from './desk-socket';
import { launchBrowser, newDataDir, startHost, type RunningHost } from './harness';
import { screenshotPath } from './screenshots';
import { NO_RAW_WORDS, rawWordsIn } from '../human-words';

let browser: Browser;
let host: RunningHost | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const panel = (page: Page) => page.getByRole('complementary');

async function openConsole(): Promise<Page> {
  host = await startHost(await newDataDir());
  const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New case', exact: true }).and(page.locator(':enabled')).waitFor();
  return page;
}

async function logCase(page: Page, title: string, severity: string) {
  await button(page, 'New case').click();
  const dialog = page.getByRole('dialog', { name: 'New case', exact: true });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await dialog.getByRole('textbox', { name: 'Customer', exact: true }).fill('Initech');
  await dialog.getByRole('combobox', { name: 'Severity', exact: true }).selectOption({ label: severity });
  await button(dialog, 'Log case').click();
  await dialog.waitFor({ state: 'detached' });
  await panel(page).getByRole('heading', { name: new RegExp(title) }).waitFor();
}

describe('Reports and Management in the browser', () => {
  it('the report counts a new case and its table exports as CSV; management sees a P1 and not a P3', async () => {
    const page = await openConsole();
    await logCase(page, 'Payroll run fails', 'P1 Critical');
    const management = () => panel(page).locator('dt:text-is("Management") + dd').innerText();
    await expect.poll(management).toBe('Visible to management');
    await logCase(page, 'Typo in the invoice footer', 'P3 Medium');
    await expect.poll(management).toBe('Not visible to management');

    await button(page, 'Reports').click();
    const bySeverity = page.getByRole('table', { name: 'By severity' });
    await bySeverity.waitFor();
    const p1 = bySeverity.getByRole('row').filter({ has: page.getByRole('cell', { name: 'P1', exact: true }) });
    await expect.poll(async () => (await p1.getByRole('cell').allInnerTexts()).slice(0, 3)).toEqual(['P1', '1', '0']);
    await page.screenshot({ path: screenshotPath('reports.png') });
    // The view scrolls inside the content area, never the page: wheeled to its end, the top bar stays.
    const content = await page.locator('main.content').boundingBox();
    await page.mouse.move(content!.x + 6, content!.y + content!.height / 2);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 600);
    await expect.poll(() => page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeLessThanOrEqual(720);
    expect((await button(page, 'Reports').boundingBox())!.y).toBeGreaterThanOrEqual(0);
    // What a person reads: the period line and every table, on screen and in the HTML export.
    // (the chart's legend is a table of uPlot's, its cells run together in innerText: the report's own tables are read)
    const shown = [await page.locator('.report-period').innerText(), ...(await page.locator('main.content .report-scroll table').allInnerTexts())].join('\n');
    expect(shown).toContain('Week of');
    expect(rawWordsIn(shown)).toEqual(NO_RAW_WORDS);
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export HTML' }).click()]);
    const exported = (await readFile((await html.path())!, 'utf8')).replace(/<head>[\s\S]*?<\/head>/, '').replace(/<[^>]+>/g, '\n');
    expect(exported).toContain('grouped by severity');
    expect(rawWordsIn(exported)).toEqual(NO_RAW_WORDS);

    // Printed (Export PDF in the browser): the report's tables are on paper, the top bar is not.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('main.content .report-table table >> visible=true').first().evaluate((table) => table.getBoundingClientRect().height)).toBeGreaterThan(40);
    expect(await button(page, 'Reports').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export By severity as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('groups.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]!.startsWith('Severity,Created,Resolved,Time to acknowledge mean (wall, minutes)')).toBe(false);
    expect(lines[0]!.startsWith('Severity,Created,Resolved,"Time to acknowledge mean (wall, minutes)"')).toBe(true);
    expect(lines.slice(1, 4).map((line) => line.split(',').slice(0, 3).join(','))).toEqual(['P1,1,0', 'P3,1,0', 'All,2,0']);

    await button(page, 'Management').click();
    await page.getByRole('heading', { name: 'Management', level: 2 }).waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Counts' }).getByRole('listitem').first().innerText()).toBe('1 open case visible to management');
    const row = page.getByRole('row').filter({ hasText: 'Payroll run fails' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await page.getByRole('row').filter({ hasText: 'Typo in the invoice footer' }).count()).toBe(0);
    // the case id is one word on one line, however narrow its column gets
    const idLines = await row.getByRole('button').first().evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(idLines).toBe(1);
    const managementText = [...(await page.getByRole('list', { name: 'Counts' }).allInnerTexts()), ...(await page.locator('main.content table').allInnerTexts())].join('\n');
    expect(rawWordsIn(managementText)).toEqual(NO_RAW_WORDS);
    await page.screenshot({ path: screenshotPath('management.png') });
  });

  it("a review's root-cause categories and tags, chosen from the keyboard, are ranked in the report with the case behind them", async () => {
    host = await startHost(await newDataDir());
    const socket = await connectSocket(host);
    const first = await resolvedP1(socket);
    const second = await resolvedP1(socket);
    socket.close();
    const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const saved = () => expect.poll(() => page.getByRole('status', { name: 'Save status' }).textContent(), { timeout: 10_000 }).toBe('All changes saved');
    const review = async (caseId: string, categories: string[], tag: string | null) => {
      await page.goto(`${host!.url}&review=${caseId}`);
      await button(page, 'Start review').click();
      const rca = page.getByRole('region', { name: 'Root cause analysis', exact: true });
      for (const category of categories) {
        await rca.getByRole('checkbox', { name: category, exact: true }).focus();
        await page.keyboard.press('Space');
      }
      if (tag) {
        await rca.getByRole('textbox', { name: 'New tag' }).focus();
        await page.keyboard.type(tag);
        await page.keyboard.press('Enter');
      }
      await saved();
      await page.screenshot({ path: screenshotPath(`root-cause-labels-${caseId}.png`) });
    };
    await review(first, ['Configuration', 'Capacity'], 'connection-pool');
    await review(second, ['Configuration'], null);

    await button(page, 'Reports').click();
    const table = page.getByRole('table', { name: 'Recurring root causes' });
    await table.waitFor();
    const rows = async () => (await table.getByRole('row').allInnerTexts()).slice(1).map((row) => row.split('\t').filter((cell) => cell !== '').map((cell) => cell.trim()));
    await expect.poll(async () => (await rows()).map((row) => [row[0], row[1], row[2], row.at(-1)])).toEqual([
      ['Configuration', 'Category', '2', [first, second].sort().join(' ')],
      ['Capacity', 'Category', '1', first],
      ['connection-pool', 'Tag', '1', first],
    ]);
    await page.screenshot({ path: screenshotPath('reports-root-causes.png') });
  });
});
