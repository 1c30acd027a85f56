import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { launchBrowser, newDataDir, openConsole, startHost } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('notifications and data through the browser host', () => {
  it('shows the automatic escalation of a Premium P1 in the page, also to a page that connects later', async () => {
    const host = await startHost(await newDataDir());
    try {
      const page = await openConsole(browser, host);
      await page.getByRole('button', { name: 'New case' }).click();
      const dialog = page.getByRole('dialog', { name: 'New case' });
      await dialog.getByRole('textbox', { name: 'Title' }).fill('Checkout outage');
      await dialog.getByRole('textbox', { name: 'Customer' }).fill('Acme Bank');
      await dialog.getByRole('combobox', { name: 'Plan' }).selectOption({ label: 'Premium' });
      await dialog.getByRole('combobox', { name: 'Severity' }).selectOption('P1');
      await dialog.getByRole('button', { name: 'Log case' }).click();
      await page.getByRole('button', { name: 'Notifications, 1 unread' }).click();
      const list = page.getByRole('list', { name: 'Notifications' });
      // The plan by its name, and the notification's time after it.
      await expect.poll(() => list.getByRole('button').first().textContent()).toMatch(
        /^P1 Critical · RD-1001 Checkout outage Escalated to senior engineering automatically under the Premium plan\. \w{3} \d{1,2} \w{3}, \d{2}:\d{2}$/,
      );

      // Read state is kept in main: the first page has read it, so the later page finds it read.
      const later = await openConsole(browser, host);
      await later.getByRole('button', { name: /^Notifications/ }).click();
      await expect.poll(() => later.getByRole('list', { name: 'Notifications' }).getByRole('button').count()).toBe(1);
    } finally {
      await host.stop();
    }
  });

  it('downloads every case with "Export all data"', async () => {
    const host = await startHost(await newDataDir());
    try {
      const page = await openConsole(browser, host);
      await page.getByRole('button', { name: 'New case' }).click();
      const dialog = page.getByRole('dialog', { name: 'New case' });
      await dialog.getByRole('textbox', { name: 'Title' }).fill('Slow search');
      await dialog.getByRole('textbox', { name: 'Customer' }).fill('Acme');
      await dialog.getByRole('button', { name: 'Log case' }).click();
      await expect.poll(() => page.getByRole('cell', { name: 'Slow search' }).count()).toBe(1);
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all data' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^response-desk-export-\d{4}-\d{2}-\d{2}\.json$/);
      const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as { format: string; cases: Array<{ id: string }> };
      expect(exported.format).toBe('response-desk.bundle');
      expect(exported.cases.map((c) => c.id)).toEqual(['RD-1001']);
    } finally {
      await host.stop();
    }
  });
});
