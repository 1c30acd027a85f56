import type { Locator, Page } from 'playwright-core';
import { useConsoleFixture } from './console-fixture';
import { screenshotPath } from './screenshots';

const desk = useConsoleFixture();

/** The console as an engineer in Berlin sees it (the default business calendar's zone), on a host of its own. */
async function openConsole(): Promise<Page> {
  return (await desk.open(await desk.start(), { viewport: { width: 1600, height: 900 } })).page;
}

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const panel = (page: Page) => page.getByRole('complementary');
const text = (locator: Locator) => locator.innerText();

async function logCase(page: Page, fields: { title: string; customer: string; plan?: string; severity?: string; loggedAt?: string }) {
  await button(page, 'New case').click();
  const dialog = page.getByRole('dialog', { name: 'New case', exact: true });
  await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(fields.title);
  await dialog.getByRole('textbox', { name: 'Customer', exact: true }).fill(fields.customer);
  if (fields.plan) await dialog.getByRole('combobox', { name: 'Plan', exact: true }).selectOption({ label: fields.plan });
  if (fields.severity) await dialog.getByRole('combobox', { name: 'Severity', exact: true }).selectOption({ label: fields.severity });
  if (fields.loggedAt) await dialog.getByLabel('Logged at', { exact: true }).fill(fields.loggedAt);
  await button(dialog, 'Log case').click();
  await dialog.waitFor({ state: 'detached' });
  await panel(page).getByRole('heading', { name: new RegExp(fields.title) }).waitFor();
}

/** Opens the action's dialog from the case panel, lets `fill` complete it, submits, and waits for it to close. */
async function act(page: Page, action: string, submit: string, fill: (dialog: Locator) => Promise<void> = async () => undefined, screenshot?: string) {
  await button(panel(page), action).click();
  const dialog = page.getByRole('dialog', { name: action, exact: true });
  await fill(dialog);
  if (screenshot) await page.screenshot({ path: screenshotPath(screenshot) });
  await button(dialog, submit).click();
  await dialog.waitFor({ state: 'detached' });
}

const fillText = (name: string, value: string) => async (dialog: Locator) => dialog.getByRole('textbox', { name, exact: true }).fill(value);

/** The latest clock of a kind (a kind that restarts is numbered: "Customer update #2"). */
async function clockRow(page: Page, clock: string): Promise<string> {
  const name = new RegExp(`^${clock}( #\\d+)?$`);
  const rows = panel(page).getByRole('table', { name: 'Clocks' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  return text(rows.last());
}

async function status(page: Page): Promise<string> {
  return text(panel(page).getByRole('definition').nth(3));
}

describe('the console end to end', () => {
  it('takes a Premium P1 through its whole life, from logging to closing', async () => {
    const page = await openConsole();
    await logCase(page, { title: 'Checkout returns 500', customer: 'Acme Bank', plan: 'Premium', severity: 'P1 Critical' });
    const timeline = panel(page).getByRole('list', { name: 'Timeline' });
    expect(await text(timeline)).toContain('Escalated to senior engineering automatically: P1 Critical under the Premium plan is escalated automatically when logged');

    await act(page, 'Acknowledge', 'Send acknowledgement', async (dialog) => {
      for (const item of ['Validate severity and impact', 'Begin investigation', 'Outline next steps']) await dialog.getByRole('checkbox', { name: item }).check();
      await dialog.getByRole('textbox', { name: 'Next steps', exact: true }).fill('The payment gateway is being checked.');
      await dialog.getByRole('textbox', { name: 'Initial response to the customer', exact: true }).fill('We are on it; the payment gateway is being checked.');
    }, 'action-dialog.png');
    expect(await status(page)).toBe('Investigating');

    await act(page, 'Post update', 'Post', fillText('Update', 'Gateway restarted; monitoring.'));
    await act(page, 'Request information', 'Send request', fillText('What is requested', 'Please send the gateway logs.'));
    expect(await status(page)).toBe('Waiting on customer');
    expect(await clockRow(page, 'Customer update')).toContain('Paused');
    await page.screenshot({ path: screenshotPath('case-detail.png') });

    await act(page, 'Customer replied', 'Record reply', fillText('What the customer said', 'Logs attached.'));
    expect(await clockRow(page, 'Customer update')).not.toContain('Paused');
    await act(page, 'Escalate', 'Escalate case', async (dialog) => {
      await dialog.getByRole('combobox', { name: 'Trigger', exact: true }).selectOption({ label: 'Customer request' });
      await dialog.getByRole('combobox', { name: 'Level', exact: true }).selectOption({ label: 'Management' });
      await dialog.getByRole('textbox', { name: 'Justification', exact: true }).fill('Month-end billing run depends on it.');
    });
    expect(await text(panel(page).getByRole('definition').nth(5))).toBe('Management');
    await act(page, 'Provide workaround', 'Record workaround', fillText('Workaround', 'Route payments through the backup gateway.'));
    await act(page, 'Resolve', 'Mark resolved', async (dialog) => {
      await dialog.getByRole('combobox', { name: 'Criterion', exact: true }).selectOption({ label: 'Verified workaround' });
      await dialog.getByRole('combobox', { name: 'Method', exact: true }).selectOption({ label: 'Vendor coordination' });
      await dialog.getByRole('textbox', { name: 'Summary', exact: true }).fill('Backup gateway verified; vendor fixing the primary.');
    });
    expect(await status(page)).toBe('Resolved');
    await act(page, 'Close', 'Close case', fillText('Customer confirmation (optional)', 'Confirmed by the customer.'));
    expect(await status(page)).toBe('Closed');

    const entries = await timeline.getByRole('listitem').allInnerTexts();
    expect(entries.map((entry) => entry.split('\n').at(-1)?.split(/[ :(]/)[0])).toEqual([
      'Logged', 'Escalated', 'Acknowledged', 'Customer', 'Information', 'Customer', 'Escalated', 'Workaround', 'Resolved', 'Closed',
    ]);
    expect(await page.getByRole('cell', { name: 'Checkout returns 500' }).count()).toBe(0);
  });

  it('shows a Standard case logged on a Saturday as due in the business hours that follow', async () => {
    const page = await openConsole();
    await logCase(page, { title: 'Report export slow', customer: 'Globex', plan: 'Standard', loggedAt: '2026-11-21T10:00' });
    // Standard P3: 24 business hours from Monday 09:00 on Mon-Fri 09:00-17:00 (Berlin).
    expect(await clockRow(page, 'Initial response')).toContain('Wed 25 Nov, 17:00');
    await logCase(page, { title: 'Portal down', customer: 'Globex', plan: 'Standard', severity: 'P1 Critical', loggedAt: '2026-11-21T10:00' });
    // Standard P1: 8 business hours, so Monday's business day.
    expect(await clockRow(page, 'Initial response')).toContain('Mon 23 Nov, 17:00');
  });

  it('orders a queue by due time and reorders it when a case is updated', async () => {
    const page = await openConsole();
    await logCase(page, { title: 'Sync lagging', customer: 'Initech', plan: 'Premium', severity: 'P2 High' });
    await logCase(page, { title: 'Search errors', customer: 'Umbrella', plan: 'Premium', severity: 'P2 High' });
    const queue = page.getByRole('table', { name: 'P2 High queue' });
    const titles = async () => (await queue.getByRole('row').allInnerTexts()).slice(1).map((row) => row.split(/\t|\n/)[2]);
    expect(await titles()).toEqual(['Sync lagging', 'Search errors']);

    await queue.getByRole('cell', { name: 'Sync lagging', exact: true }).click();
    await act(page, 'Acknowledge', 'Send acknowledgement', async (dialog) => {
      for (const item of ['Validate severity and impact', 'Begin investigation', 'Outline next steps']) await dialog.getByRole('checkbox', { name: item }).check();
      await dialog.getByRole('textbox', { name: 'Next steps', exact: true }).fill('Looking into the sync backlog.');
    });
    await expect.poll(titles).toEqual(['Search errors', 'Sync lagging']);
    await act(page, 'Assign owner', 'Assign', fillText('New owner', 'Dana Whitfield'));
    expect(await text(panel(page).getByRole('definition').nth(4))).toBe('Dana Whitfield');
    await expect.poll(() => text(queue.getByRole('row').filter({ hasText: 'Sync lagging' }))).toContain('Dana Whitfield');
    await logCase(page, { title: 'Login loop', customer: 'Acme Bank', plan: 'Standard', severity: 'P4 Low' });
    await page.getByRole('tab', { name: /^P2 High/ }).click();
    await button(panel(page), 'Close panel').click();
    await page.screenshot({ path: screenshotPath('queues.png') });
    await button(page, 'Deadlines').click();
    await page.getByRole('table', { name: 'Deadlines' }).waitFor();
    await page.screenshot({ path: screenshotPath('deadlines.png') });
  });

  it('disables an action that is not allowed now and shows why', async () => {
    const page = await openConsole();
    await logCase(page, { title: 'Billing question', customer: 'Hooli', severity: 'P4 Low' });
    const close = button(panel(page), 'Close');
    expect(await close.isDisabled()).toBe(true);
    const reason = await close.evaluate((element) => document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent);
    expect(reason).toBe('resolve the case before closing it');
    expect(await panel(page).getByText('resolve the case before closing it', { exact: true }).isVisible()).toBe(true);
  });
});
