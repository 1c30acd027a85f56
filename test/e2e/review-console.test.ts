import type { Browser, Page } from 'playwright-core';
import { connectSocket, resolvedP1 } from './desk-socket';
import { launchBrowser, newDataDir, startHost } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const button = (scope: Page | ReturnType<Page['locator']>, name: string) => scope.getByRole('button', { name, exact: true });

describe('the post-incident review inside the console, through the browser host', () => {
  it('a P1 resolved while the console is open shows Review required in its queue row and the deadlines; Start review in the case opens the editor on the case events', async () => {
    const host = await startHost(await newDataDir());
    try {
      const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: { width: 1600, height: 900 } });
      const page = await context.newPage();
      await page.goto(host.url);
      await button(page, 'New case').and(page.locator(':enabled')).waitFor();

      const socket = await connectSocket(host);
      const caseId = await resolvedP1(socket);
      socket.close();

      const queue = page.getByRole('table', { name: 'P1 Critical queue' });
      const row = queue.getByRole('row').filter({ has: page.getByRole('cell', { name: caseId, exact: true }) });
      await expect.poll(() => row.getByText('Review required', { exact: true }).count(), { timeout: 10_000 }).toBe(1);

      await button(page, 'Deadlines').click();
      const owed = page.getByRole('table', { name: 'Deadlines' }).getByRole('row').filter({ has: page.getByRole('cell', { name: caseId, exact: true }) });
      await expect.poll(() => owed.getByRole('cell', { name: 'Review required', exact: true }).count(), { timeout: 10_000 }).toBe(1);

      await button(page, 'Queues').click();
      await row.getByRole('cell', { name: caseId, exact: true }).click();
      const section = page.getByRole('complementary').getByRole('region', { name: 'Post-incident review', exact: true });
      await section.getByText(/^Review required, due /).waitFor();
      await button(section, 'Start review').click();

      const editor = page.getByRole('article', { name: `Post-incident review of ${caseId}`, exact: true });
      const timeline = editor.getByRole('region', { name: 'Timeline', exact: true }).getByRole('row');
      await expect.poll(() => timeline.count(), { timeout: 10_000 }).toBe(3);
      expect(await timeline.evaluateAll((all) => all.map((entry) => entry.getAttribute('aria-label')?.replace(/^\w{3} \d{1,2} \w{3}(?: \d{4})?, \d{2}:\d{2} \S+ /, '')))).toEqual(['Case logged', 'Acknowledgement', 'Resolution']);
      expect(new URL(page.url()).searchParams.get('review')).toBe(caseId);

      // the address is a deep link: a reload opens the same review
      await page.reload();
      await editor.getByText('Draft, revision 1', { exact: true }).waitFor();

      await button(page, 'Back to queues').click();
      await queue.waitFor();
      expect(new URL(page.url()).searchParams.get('review')).toBeNull();
      await context.close();
    } finally {
      await host.stop();
    }
  });
});
