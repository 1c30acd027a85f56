import { readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { writeDataset } from '../../src-main/core/storage';
import { closedCase, openCase } from '../main/storage/fixtures/cases';
import { launchBrowser, newDataDir, startHost, type RunningHost } from './harness';
import { screenshotPath } from './screenshots';

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

async function openConsole(dataDir: string): Promise<Page> {
  host = await startHost(dataDir);
  const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New case', exact: true }).and(page.locator(':enabled')).waitFor();
  return page;
}

describe('damage found while the console runs', () => {
  it('appears in the data problems at once, saying what is missing, without a reload', async () => {
    const dir = await newDataDir();
    const from = Date.UTC(2026, 9, 1);
    const cases = [openCase('RD-1004', 3), ...Array.from({ length: 3 }, (_, i) => closedCase(`RD-${1001 + i}`, 8, new Date(from + i * 86_400_000).toISOString()))];
    await writeDataset(dir, { prefix: 'RD', nextNumber: 1005, cases }, 100);
    const [partition] = (await readdir(join(dir, 'history'))).filter((name) => /^\d{4}-\d{2}\.\d{3}\.json$/.test(name));
    // The disk damages the file after the daily snapshot took its copy.
    const page = await openConsole(dir);
    await writeFile(join(dir, 'history', `${partition}.new`), '{"schemaVersion": 1, "cases": [');
    await rename(join(dir, 'history', `${partition}.new`), join(dir, 'history', partition));
    const problems = page.getByRole('region', { name: 'Data problems' });
    expect(await problems.count()).toBe(0);

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'All cases', exact: true }).click();
    const table = page.getByRole('table', { name: 'All cases', exact: true });
    await table.getByRole('row').nth(4).waitFor();
    await table.getByRole('row').filter({ hasText: 'RD-1002' }).getByRole('cell').first().click();

    await problems.waitFor();
    await expect.poll(() => problems.innerText()).toMatch(new RegExp(`${partition.replace('.', '\\.')} could not be read[\\s\\S]*found it damaged while it ran`));
    expect(await problems.innerText()).toContain('Missing until it is restored: closed cases of October 2026');
    await page.screenshot({ path: screenshotPath('storage-damage-found-while-running.png') });
  });
});
