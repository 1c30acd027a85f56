import type { Browser } from 'playwright-core';
import { launchBrowser, newDataDir, openConsole, startHost } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('settings end to end, through the browser host', () => {
  it('refuses an invalid cadence naming the field, then saves the fixed value and still shows it after a reload', async () => {
    const host = await startHost(await newDataDir());
    try {
      const page = await openConsole(browser, host);
      await page.getByRole('button', { name: 'Settings' }).click();
      const cadence = page.getByRole('spinbutton', { name: 'Standard P2 update cadence (minutes)' });
      await cadence.fill('-5');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('Standard P2 update cadence (minutes): must be more than 0 minutes');
      expect(await cadence.getAttribute('aria-invalid')).toBe('true');

      await cadence.fill('90');
      await page.getByRole('textbox', { name: 'Engineer name' }).fill('Ana Lopez');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);

      await page.reload();
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect.poll(() => page.getByRole('spinbutton', { name: 'Standard P2 update cadence (minutes)' }).inputValue()).toBe('90');
      expect(await page.getByRole('textbox', { name: 'Engineer name' }).inputValue()).toBe('Ana Lopez');
    } finally {
      await host.stop();
    }
  });
});
