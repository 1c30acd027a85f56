import type { Browser } from 'playwright-core';
import { launchBrowser, newDataDir, openConsole, startHost } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the console end to end, through the browser host', () => {
  it('prints exactly one ready line on stdout', async () => {
    const host = await startHost(await newDataDir());
    try {
      const readyLines = host.logs().split('\n').filter((line) => line.startsWith('Console ready at '));
      expect(readyLines).toHaveLength(1);
      expect(readyLines[0]).toMatch(/^Console ready at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
    } finally {
      await host.stop();
    }
  });

  it('creates a case, lists it, and still lists it after the host restarts', async () => {
    const dataDir = await newDataDir();
    let host = await startHost(dataDir);
    try {
      let page = await openConsole(browser, host);
      await page.getByRole('button', { name: 'New case' }).click();
      const dialog = page.getByRole('dialog', { name: 'New case' });
      await dialog.getByRole('textbox', { name: 'Title' }).fill('Payments API returns 502');
      await dialog.getByRole('textbox', { name: 'Customer' }).fill('Acme Bank');
      await dialog.getByRole('button', { name: 'Log case' }).click();
      await expect.poll(() => page.getByRole('cell', { name: 'Payments API returns 502' }).count()).toBe(1);
      await page.close();

      await host.stop();
      host = await startHost(dataDir);
      page = await openConsole(browser, host);
      await expect.poll(() => page.getByRole('cell', { name: 'Payments API returns 502' }).count(), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => page.getByRole('cell', { name: 'P3 Medium' }).count()).toBe(1);
    } finally {
      await host.stop();
    }
  });

  it('refuses a page request and a WebSocket without the token, and logs both', async () => {
    const host = await startHost(await newDataDir());
    try {
      const response = await fetch(`http://127.0.0.1:${host.port}/`);
      expect(response.status).toBe(401);
      const page = await browser.newPage();
      const wsOutcome = await page.evaluate(async (port) => {
        return new Promise<string>((resolvePromise) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
          ws.onopen = () => resolvePromise('open');
          ws.onclose = () => resolvePromise('closed');
        });
      }, host.port);
      expect(wsOutcome).toBe('closed');
      await page.close();
      await expect.poll(() => host.logs()).toMatch(/refused GET .*missing or wrong token/);
      await expect.poll(() => host.logs()).toMatch(/refused WebSocket/);
    } finally {
      await host.stop();
    }
  });
});
