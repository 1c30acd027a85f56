import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newDataDir, openConsole, startHost } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
}

describe('export then import of all data through the browser host', () => {
  it('downloads the bundle from one console and replaces the data of an empty one with it', async () => {
    const source = await startHost(await newDataDir());
    const target = await startHost(await newDataDir());
    try {
      const page = await openConsole(browser, source);
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.getByRole('button', { name: 'New case' }).click();
      const dialog = page.getByRole('dialog', { name: 'New case' });
      await dialog.getByRole('textbox', { name: 'Title' }).fill('Checkout 502s');
      await dialog.getByRole('textbox', { name: 'Customer' }).fill('Acme');
      await dialog.getByRole('button', { name: 'Log case' }).click();
      await expect.poll(() => page.getByRole('cell', { name: 'Checkout 502s' }).count()).toBe(1);
      await openSettings(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all data' }).click()]);
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Exported' }).textContent()).toBe(
        `Exported 1 case, 0 reviews, settings and 1 calendar to ${download.suggestedFilename()}.`,
      );
      const file = (await download.path())!;
      const exported = JSON.parse(await readFile(file, 'utf8')) as { format: string; cases: Array<{ id: string }> };
      expect(exported.format).toBe('response-desk.bundle');

      const other = await openConsole(browser, target);
      await other.setViewportSize({ width: 1280, height: 720 });
      await openSettings(other);
      const [chooser] = await Promise.all([other.waitForEvent('filechooser'), other.getByRole('button', { name: 'Import data' }).click()]);
      await chooser.setFiles(file);
      await other.getByRole('group', { name: 'Confirm import' }).getByRole('button', { name: 'Replace all data' }).click();
      await expect.poll(() => other.getByRole('status').filter({ hasText: 'Imported' }).textContent()).toMatch(
        /^Imported 1 case, 0 reviews, settings and 1 calendar; previous data backed up as .*before-import.*\.$/,
      );
      await other.screenshot({ path: '/tmp/desk-import-done.png' });

      // The imported case is there, and exporting again gives the same bundle but for the time.
      const [again] = await Promise.all([other.waitForEvent('download'), other.getByRole('button', { name: 'Export all data' }).click()]);
      const second = JSON.parse(await readFile((await again.path())!, 'utf8')) as Record<string, unknown>;
      expect({ ...second, exportedAt: 'x' }).toEqual({ ...exported, exportedAt: 'x' });
    } finally {
      await source.stop();
      await target.stop();
    }
  });

  it('shows why a file is refused and changes nothing', async () => {
    const host = await startHost(await newDataDir());
    try {
      const page = await openConsole(browser, host);
      await openSettings(page);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import data' }).click()]);
      await chooser.setFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"tickets": []}') });
      await page.getByRole('button', { name: 'Replace all data' }).click();
      await expect.poll(() => page.getByRole('alert').filter({ hasText: 'import file' }).textContent()).toBe(
        'The import file is invalid: format: must be "response-desk.bundle" (or an older "response-desk.cases" export), not null.',
      );
    } finally {
      await host.stop();
    }
  });
});
