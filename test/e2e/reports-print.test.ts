import { LAPTOP_WINDOW, useConsoleFixture } from './console-fixture';
import { resolvedP1 } from './desk-socket';
import { screenshotPath } from './screenshots';

const desk = useConsoleFixture();

/** A4 landscape less the report's 10 mm margins (reports.css), in CSS pixels (96 to the inch). */
const PRINTED_WIDTH = Math.floor(((297 - 20) / 25.4) * 96);
const PRINTED_HEIGHT = Math.floor(((210 - 20) / 25.4) * 96);

describe('Reports printed from the browser (Print or save as PDF)', () => {
  it('is on landscape A4 pages, every table within the width of the page, and the chart drawn as soon as the report shows', async () => {
    const host = await desk.start({
      seed: async (socket) => {
        await resolvedP1(socket);
        await resolvedP1(socket);
      },
    });
    // Not desk.open: the socket's answers are watched below from before the console connects.
    const page = await (await desk.browser.newContext({ timezoneId: 'Europe/Berlin', viewport: LAPTOP_WINDOW })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(host.url);
    // The chart's code (uPlot) is slow to come, as on a slow line: the report, answered, waits for it
    // instead of showing without its chart (which is what would be printed then).
    let reportAnswered!: () => void;
    const answered = new Promise<void>((resolve) => (reportAnswered = resolve));
    page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => String(payload).includes('"generatedAt"') && reportAnswered()));
    let releaseChart!: () => void;
    const chartReleased = new Promise<void>((resolve) => (releaseChart = resolve));
    await page.route(/\/WeeklyChart-[^/]*\.js$/, async (route) => {
      await chartReleased;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Reports', exact: true }).click();
    await answered;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.locator('main.content').innerText()).not.toContain('Loading the chart');
    expect(await page.getByRole('table', { name: 'By severity', exact: true }).count()).toBe(0);
    await expect.poll(() => page.getByText('Making the report…').isVisible()).toBe(true);
    releaseChart();
    // printed the moment the report shows: its chart is already drawn
    await page.getByRole('table', { name: 'By severity', exact: true }).waitFor();
    await page.emulateMedia({ media: 'print' });
    const chart = page.getByRole('img', { name: 'Cases created by severity and resolved, per week' });
    const inked = await chart.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) count++;
      return count;
    });
    expect(inked).toBeGreaterThan(1000);
    expect(await page.locator('main.content').innerText()).not.toContain('Loading');

    // The page is laid out at the printed page's width, as the browser lays it out to print.
    await page.setViewportSize({ width: PRINTED_WIDTH, height: PRINTED_HEIGHT });
    const boxes = await page.locator('main.content .report-table table, main.content .weekly-chart canvas').evaluateAll((elements) =>
      elements.filter((element) => element.getClientRects().length > 0).map((element) => {
        const box = element.getBoundingClientRect();
        return { left: Math.floor(box.left), right: Math.ceil(box.right), height: box.height };
      }),
    );
    expect(boxes.length).toBeGreaterThan(5);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(PRINTED_WIDTH);
      expect(box.height).toBeGreaterThan(20);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PRINTED_WIDTH);
    // the grouping's wide table is printed in parts, its first column in each: every column is on paper
    const bySeverity = page.locator('section.report-table').filter({ has: page.getByRole('heading', { name: 'By severity', exact: true }) });
    const onScreen = await bySeverity.locator('.report-scroll th[scope="col"]').allTextContents();
    expect(onScreen.length).toBeGreaterThan(15);
    const parts = bySeverity.locator('table >> visible=true');
    expect(await parts.count()).toBeGreaterThan(1);
    const onPaper = (await parts.locator('th[scope="col"]').allTextContents()).filter((label) => label !== onScreen[0]);
    expect([onScreen[0], ...onPaper]).toEqual(onScreen);
    // only the report is on paper: not the top bar, not the case panel
    expect(await page.getByRole('button', { name: 'Reports', exact: true }).isVisible()).toBe(false);
    await page.screenshot({ path: screenshotPath('reports-printed.png'), fullPage: true });

    // Chromium's own print takes the report's page size: every page is A4 landscape (842 x 595 points).
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    const sizes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((match) => [Math.round(Number(match[1])), Math.round(Number(match[2]))]);
    expect(sizes.length).toBeGreaterThan(0);
    expect(sizes.every(([width, height]) => width === 842 && height === 595)).toBe(true);
  });
});
