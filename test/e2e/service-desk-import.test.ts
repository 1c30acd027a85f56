import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newDataDir, openConsole, startHost } from './harness';

const FIXTURES = join(__dirname, '../fixtures/import');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openImport(page: Page) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('region', { name: 'Import from Zendesk or Jira' });
}

describe('import from Zendesk or Jira in the browser host', () => {
  it('uploads the export, previews the mapping and the rows it cannot import, then imports with progress; the same file again adds nothing', async () => {
    const host = await startHost(await newDataDir());
    try {
      const page = await openConsole(browser, host);
      const section = await openImport(page);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), section.getByRole('button', { name: 'Choose export files' }).click()]);
      await chooser.setFiles([join(FIXTURES, 'zendesk-tickets.json'), join(FIXTURES, 'zendesk-audits.json')]);
      await expect.poll(() => section.getByText('Chosen:').textContent()).toBe('Chosen: zendesk-tickets.json, zendesk-audits.json');
      await section.getByRole('textbox', { name: 'Plans by customer' }).fill('Acme Corp = premium');
      await section.getByRole('button', { name: 'Preview' }).click();
      const preview = section.getByLabel('Import preview');
      await expect.poll(() => preview.getByRole('paragraph').first().textContent()).toBe('7 tickets read: 5 new cases, 0 to update, 0 already present, 2 cannot be imported.');
      const first = section.getByRole('table', { name: 'First rows and their mapping' }).getByRole('row').nth(1);
      expect(await first.getByRole('cell').allTextContents()).toEqual([
        '35436',
        'Checkout returns 502 for every order',
        'Acme Corp',
        'Premium',
        'urgent',
        'P1',
        'open → Open',
        'RD-1001 (New case)',
      ]);
      expect(await section.getByRole('list', { name: 'Rows that cannot be imported' }).getByRole('listitem').allTextContents()).toEqual([
        expect.stringMatching(/^ticket 35441: created_at "yesterday" is not a time/),
        expect.stringMatching(/^ticket 35442: status "archived" is not a Zendesk status/),
      ]);
      await section.screenshot({ path: '/tmp/desk-service-desk-preview.png' });

      await section.getByRole('button', { name: 'Import 5 cases' }).click();
      await expect.poll(() => section.getByRole('status').textContent()).toMatch(/^Imported 5 cases \(2 skipped, 0 already present\); previous data backed up as /);
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'All cases' }).click();
      await expect.poll(() => page.getByRole('cell', { name: 'Checkout returns 502 for every order' }).count()).toBe(1);
      // The case panel says where it came from.
      await page.getByRole('cell', { name: 'Checkout returns 502 for every order' }).click();
      await expect.poll(() => page.getByText('Imported from').locator('xpath=..').getByRole('definition').textContent()).toBe('Zendesk 35436 (example-desk.zendesk.com)');

      // The same file again: nothing to import.
      const again = await openImport(page);
      const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), again.getByRole('button', { name: 'Choose export files' }).click()]);
      await chooser2.setFiles([join(FIXTURES, 'zendesk-tickets.json'), join(FIXTURES, 'zendesk-audits.json')]);
      await again.getByRole('button', { name: 'Preview' }).click();
      await expect.poll(() => again.getByLabel('Import preview').getByRole('paragraph').first().textContent()).toBe(
        '7 tickets read: 0 new cases, 0 to update, 5 already present, 2 cannot be imported.',
      );
      expect(await again.getByRole('button', { name: 'Import 0 cases' }).isDisabled()).toBe(true);
    } finally {
      await host.stop();
    }
  });

  it('says what is wrong with a file that is not an export, and where', async () => {
    const host = await startHost(await newDataDir());
    try {
      const page = await openConsole(browser, host);
      const section = await openImport(page);
      await section.getByRole('radio', { name: 'Jira Service Management' }).check();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), section.getByRole('button', { name: 'Choose export files' }).click()]);
      await chooser.setFiles(join(FIXTURES, 'jsm-unclosed-quote.csv'));
      await section.getByRole('button', { name: 'Preview' }).click();
      await expect.poll(() => section.getByRole('alert').textContent()).toMatch(/^jsm-unclosed-quote\.csv cannot be imported: it is not valid CSV at line 3 /);
    } finally {
      await host.stop();
    }
  });
});
