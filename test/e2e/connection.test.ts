import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { connectSocket } from './desk-socket';
import { ROOT, launchBrowser, newDataDir, startHost, type RunningHost } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const RESULTS = join(ROOT, 'test-results');

describe('the connection is visible', () => {
  it('says when the host is gone, fails what was asked meanwhile, and recovers when it is back on the same address', async () => {
    await mkdir(RESULTS, { recursive: true });
    const dataDir = await newDataDir();
    const tokenFile = join(dataDir, 'token');
    let host: RunningHost = await startHost(dataDir, ['--token-file', tokenFile]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    try {
      const socket = await connectSocket(host);
      const { id } = await socket.call('cases.create', { title: 'Payments API returns 502', customer: 'Acme Bank', plan: 'standard', severity: 'P2' });
      socket.close();

      const page = await context.newPage();
      await page.goto(host.url);
      const newCase = page.getByRole('button', { name: 'New case', exact: true });
      await newCase.and(page.locator(':enabled')).waitFor();
      await page.getByRole('cell', { name: id, exact: true }).click();
      const panel = page.getByRole('complementary');
      await panel.getByRole('button', { name: 'Add note', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Add note', exact: true });
      await dialog.getByRole('textbox', { name: 'Internal note', exact: true }).fill('Pool resized to 200 connections');
      const save = dialog.getByRole('button', { name: 'Save note', exact: true });

      // Frozen, the host leaves the note unanswered; killed, its socket closes under the request.
      host.signal('SIGSTOP');
      await save.click();
      await save.and(page.locator(':disabled')).waitFor();
      await host.stop('SIGKILL');

      const banner = page.getByRole('alert').filter({ hasText: 'Connection lost' });
      await expect.poll(() => banner.isVisible(), { timeout: 5_000 }).toBe(true);
      expect(await banner.innerText()).toMatch(/Connection lost\. The console cannot reach its host\. (Retrying in \d+ s\.|Reconnecting now…) Actions are unavailable until the connection is back\./);
      await expect
        .poll(() => dialog.getByRole('alert').innerText())
        .toBe('The connection to the console was lost before it answered, so this may not have been done. Check once it is back, then try again.');
      expect(await newCase.isDisabled()).toBe(true);
      expect(await newCase.getAttribute('title')).toBe('Unavailable: the connection to the console is lost.');
      expect(await panel.getByRole('button', { name: 'Add note', exact: true }).isDisabled()).toBe(true);

      // Asked again during the outage, the note fails at once with a sentence, and the dialog can still be left.
      await save.click();
      await expect
        .poll(() => dialog.getByRole('alert').innerText())
        .toBe('The connection to the console was lost; it is reconnecting. Try again once it is back.');
      expect(await dialog.getByRole('button', { name: 'Cancel', exact: true }).isEnabled()).toBe(true);
      await page.screenshot({ path: join(RESULTS, 'connection-lost.png') });

      const before = host;
      host = await startHost(dataDir, ['--token-file', tokenFile, '--port', String(before.port)]);
      expect([host.port, host.token]).toEqual([before.port, before.token]);

      await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
      expect(await newCase.isEnabled()).toBe(true);
      expect(await panel.getByRole('button', { name: 'Add note', exact: true }).isEnabled()).toBe(true);
      await save.click();
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => panel.getByText('Pool resized to 200 connections').count()).toBeGreaterThanOrEqual(1);
      await page.screenshot({ path: join(RESULTS, 'connection-back.png') });
    } finally {
      await context.close();
      await host.stop();
    }
  });
});
