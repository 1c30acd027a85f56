import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { NO_RAW_WORDS, rawWordsIn } from '../human-words';
import { launchBrowser, newDataDir, ROOT, startHost, type RunningHost } from './harness';

const RESULTS = join(ROOT, 'test-results');

let browser: Browser;
let host: RunningHost;
beforeAll(async () => {
  browser = await launchBrowser();
  await mkdir(RESULTS, { recursive: true });
  host = await startHost(await newDataDir());
});
afterAll(async () => {
  await host?.stop();
  await browser?.close();
});

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const panel = (page: Page) => page.getByRole('complementary');

/** The page's text as a person reads it, with what they typed themselves allowed. */
async function pageWords(page: Page) {
  return rawWordsIn(await page.locator('body').innerText());
}

async function act(page: Page, action: string, submit: string, fill: (dialog: Locator) => Promise<void>) {
  await button(panel(page), action).click();
  const dialog = page.getByRole('dialog', { name: action, exact: true });
  await fill(dialog);
  expect(await pageWords(page)).toEqual(NO_RAW_WORDS);
  await button(dialog, submit).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('human words on a 1280x720 screen', () => {
  it('performs the framework actions and never shows a code, an ISO time or a wrong plural', async () => {
    const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(host.url);
    await button(page, 'New case').and(page.locator(':enabled')).waitFor();

    await button(page, 'New case').click();
    const logging = page.getByRole('dialog', { name: 'New case', exact: true });
    await logging.getByRole('textbox', { name: 'Title', exact: true }).fill('Checkout returns 500');
    await logging.getByRole('textbox', { name: 'Customer', exact: true }).fill('Acme Bank');
    await logging.getByRole('combobox', { name: 'Plan', exact: true }).selectOption({ label: 'Premium' });
    await logging.getByRole('combobox', { name: 'Severity', exact: true }).selectOption({ label: 'P1 Critical' });
    await button(logging, 'Log case').click();
    await logging.waitFor({ state: 'detached' });
    await panel(page).getByRole('heading', { name: /Checkout returns 500/ }).waitFor();
    expect(await pageWords(page)).toEqual(NO_RAW_WORDS);

    await act(page, 'Acknowledge', 'Send acknowledgement', async (dialog) => {
      for (const item of ['Validate severity and impact', 'Begin investigation', 'Outline next steps', 'Request additional information if required']) {
        await dialog.getByRole('checkbox', { name: item }).check();
      }
      await dialog.getByRole('textbox', { name: 'Next steps', exact: true }).fill('We check the payment gateway.');
      await dialog.getByRole('textbox', { name: 'What is requested', exact: true }).fill('The gateway logs of the last hour.');
      const response = await dialog.getByRole('textbox', { name: 'Initial response to the customer', exact: true }).inputValue();
      expect(response).toContain('Next steps: We check the payment gateway.');
      expect(response).toMatch(/Next update by \w{3} \d{1,2} \w{3}, \d{2}:\d{2} CET\./);
    });
    // one step: acknowledged and waiting on the customer
    expect(await panel(page).getByRole('definition').nth(3).innerText()).toBe('Waiting on customer');

    await act(page, 'Customer replied', 'Record reply', (dialog) => dialog.getByRole('textbox', { name: 'What the customer said', exact: true }).fill('Logs attached.'));
    await act(page, 'Post update', 'Post', async (dialog) => {
      const update = dialog.getByRole('textbox', { name: 'Update', exact: true });
      expect(await update.inputValue()).toContain('P1 Critical, Investigating');
    });
    await act(page, 'Escalate', 'Escalate case', async (dialog) => {
      await dialog.getByRole('combobox', { name: 'Level', exact: true }).selectOption({ label: 'Management' });
      await dialog.getByRole('textbox', { name: 'Justification', exact: true }).fill('Month-end billing run depends on it.');
    });
    await act(page, 'Provide workaround', 'Record workaround', (dialog) => dialog.getByRole('textbox', { name: 'Workaround', exact: true }).fill('Route payments through the backup gateway.'));
    await act(page, 'Record feedback', 'Save feedback', (dialog) => dialog.getByRole('combobox', { name: 'Rating', exact: true }).selectOption({ label: '4 of 5' }).then(() => undefined));
    await act(page, 'Resolve', 'Mark resolved', async (dialog) => {
      await dialog.getByRole('combobox', { name: 'Criterion', exact: true }).selectOption({ label: 'Verified workaround' });
      await dialog.getByRole('combobox', { name: 'Method', exact: true }).selectOption({ label: 'Configuration change' });
      await dialog.getByRole('textbox', { name: 'Summary', exact: true }).fill('Pool size raised.');
    });

    const timeline = await panel(page).getByRole('list', { name: 'Timeline' }).innerText();
    expect(rawWordsIn(timeline)).toEqual(NO_RAW_WORDS);
    expect(timeline).toContain('under the Premium plan');
    expect(timeline).toContain('Information requested from the customer: The gateway logs of the last hour.');
    expect(timeline).toContain('Resolved: verified workaround, by configuration change: Pool size raised.');
    expect(await pageWords(page)).toEqual(NO_RAW_WORDS);

    await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
    expect(await page.getByRole('list', { name: 'Notifications' }).innerText()).toContain('Escalated to senior engineering automatically under the Premium plan.');
    expect(await pageWords(page)).toEqual(NO_RAW_WORDS);
    await page.keyboard.press('Escape');

    await page.keyboard.press('d');
    expect(await pageWords(page)).toEqual(NO_RAW_WORDS);
    await page.screenshot({ path: join(RESULTS, 'words-deadlines.png') });
    await context.close();
  });
});
