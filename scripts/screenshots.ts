// `npm run screenshots`: refreshes the pictures in docs/screenshots/ from a running console.
// Tests never write there (they keep theirs under test-results/); this runs only when asked.
// It seeds a fresh data directory with a day's worth of cases through the browser host,
// opens the console in Chromium at 1440x900 in the Europe/Berlin zone, and photographs each view.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';
import { connectSocket, type DeskSocket } from '../test/e2e/desk-socket';
import { launchBrowser, newDataDir, ROOT, startHost } from '../test/e2e/harness';

const OUT = join(ROOT, 'docs/screenshots');
const WINDOW = { width: 1440, height: 900 };
const CHECKLIST = { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true };

async function seed(socket: DeskSocket): Promise<{ detailCase: string; reviewCase: string }> {
  const create = async (title: string, customer: string, plan: string, severity: 'P1' | 'P2' | 'P3' | 'P4', minutesAgo: number) =>
    (await socket.call('cases.create', { title, customer, plan, severity, loggedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString() })).id;
  const acknowledge = (id: string, response: string) => socket.call('cases.act', { id, command: { type: 'acknowledge', checklist: CHECKLIST, response } });

  const checkout = await create('Checkout returns 500 for card payments', 'Acme Bank', 'premium', 'P1', 50);
  await acknowledge(checkout, 'We are on it: the payment gateway is being checked.');
  await socket.call('cases.act', { id: checkout, command: { type: 'postUpdate', channel: 'email', text: 'Gateway restarted; error rate falling, still monitoring.' } });
  await socket.call('cases.act', { id: checkout, command: { type: 'assignOwner', owner: 'Dana Whitfield' } });
  await create('Login page times out in the EU region', 'Globex', 'premium', 'P1', 5);
  const sync = await create('Nightly sync lags behind by hours', 'Initech', 'premium', 'P2', 240);
  await acknowledge(sync, 'Looking into the sync backlog.');
  await socket.call('cases.act', { id: sync, command: { type: 'requestInformation', text: 'Please send the sync agent logs from last night.' } });
  await create('Search returns stale results', 'Umbrella', 'standard', 'P2', 30);
  await create('Invoice PDF renders the wrong currency', 'Hooli', 'standard', 'P3', 600);
  await create('Report export is slow for large accounts', 'Globex', 'standard', 'P3', 90);
  await create('Typo in the password reset email', 'Acme Bank', 'standard', 'P4', 1200);

  const outage = await create('Payments API returns 502', 'Acme Bank', 'standard', 'P1', 300);
  await acknowledge(outage, 'Investigating the 502s.');
  await socket.call('cases.act', { id: outage, command: { type: 'addNote', text: 'Connection pool at its limit on every node.' } });
  await socket.call('cases.act', { id: outage, command: { type: 'resolve', criterion: 'serviceRestored', method: 'configurationChange', summary: 'Connection pool resized.' } });
  const review = await socket.call('reviews.start', { caseId: outage });
  await socket.call('reviews.save', {
    caseId: outage,
    baseVersion: review.review?.version ?? 1,
    changes: [{ op: 'setText', field: 'summary', value: 'For 42 minutes card payments failed with 502 errors because the **connection pool** was exhausted after a configuration change.' }],
  });
  return { detailCase: checkout, reviewCase: outage };
}

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const shoot = (page: Page, file: string) => page.screenshot({ path: join(OUT, file) });

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
  await mkdir(OUT, { recursive: true });
  const host = await startHost(await newDataDir());
  const browser = await launchBrowser();
  try {
    const socket = await connectSocket(host);
    const { detailCase, reviewCase } = await seed(socket);
    socket.close();

    const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: WINDOW });
    const page = await context.newPage();
    await page.goto(host.url);
    await button(page, 'New case').and(page.locator(':enabled')).waitFor();

    await page.getByRole('tab', { name: /^P1 Critical/ }).click();
    await page.getByRole('table', { name: 'P1 Critical queue' }).getByRole('row').nth(1).waitFor();
    await shoot(page, 'queues.png');

    await page.getByRole('cell', { name: detailCase, exact: true }).click();
    await page.getByRole('complementary').getByRole('table', { name: 'Clocks' }).waitFor();
    await shoot(page, 'case-detail.png');

    await button(page.getByRole('complementary'), 'Post update').click();
    await page.getByRole('dialog').waitFor();
    await shoot(page, 'action-dialog.png');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    await button(page, 'Deadlines').click();
    await page.getByRole('table', { name: 'Deadlines' }).getByRole('row').nth(1).waitFor();
    await shoot(page, 'deadlines.png');

    await button(page, 'Settings').click();
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor();
    await shoot(page, 'settings.png');

    const allCases = button(page, 'All cases');
    if ((await allCases.count()) > 0) {
      await allCases.click();
      await page.getByRole('table').first().waitFor();
      await shoot(page, 'all-cases.png');
    }

    await page.goto(`${host.url}&review=${reviewCase}`);
    await page.getByRole('article', { name: `Post-incident review of ${reviewCase}`, exact: true }).getByText(/revision 1/).waitFor();
    await shoot(page, 'review.png');
    await context.close();
    console.log(`screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await host.stop();
  }
}

await main();
