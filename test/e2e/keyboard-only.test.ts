import type { Browser, Page } from 'playwright-core';
import { connectSocket, resolvedP1 } from './desk-socket';
import { launchBrowser, newDataDir, startHost } from './harness';
import { screenshotPath } from './screenshots';

/** A case's life and its review with the keyboard alone, in a 1280x720 window: no click, no mouse. */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Focus {
  readonly tag: string;
  readonly role: string | null;
  readonly name: string;
  /** The dialog the focus is in, by its name; null outside a dialog. */
  readonly dialog: string | null;
  /** The region the focus is in: the case panel, the view, or the top bar. */
  readonly region: string | null;
}

/** Where the focus is: document.activeElement, described. */
const focus = (page: Page): Promise<Focus> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const label = (el: Element | null) => el?.getAttribute('aria-label') ?? null;
    return {
      tag: element?.tagName.toLowerCase() ?? 'none',
      role: element?.getAttribute('role') ?? null,
      name: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim().replace(/\s+/g, ' '),
      dialog: label(element?.closest('[role="dialog"]') ?? null),
      region: element?.closest('aside') ? 'case panel' : element?.closest('main') ? 'view' : element?.closest('header') ? 'top bar' : null,
    };
  });

/** Tab (or Shift+Tab) until the focus is on the control named `name`; every stop on the way is checked with `stay`. */
async function tabTo(page: Page, name: string | RegExp, stay: (at: Focus) => void = () => undefined, back = false): Promise<Focus> {
  for (let step = 0; step < 80; step += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const at = await focus(page);
    stay(at);
    if (typeof name === 'string' ? at.name === name : name.test(at.name)) return at;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

const inDialog = (dialog: string) => (at: Focus) => expect(at.dialog, `focus left the ${dialog} dialog`).toBe(dialog);

describe('keyboard only', () => {
  it('logs, acknowledges, resolves and closes a case and opens its review, the focus where a person expects after each step', async () => {
    const host = await startHost(await newDataDir());
    try {
      const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.getByRole('button', { name: 'New case', exact: true }).and(page.locator(':enabled')).waitFor();

      // Log: n opens the form with the focus on its first field; Tab stays in the dialog.
      await page.keyboard.press('n');
      await page.getByRole('dialog', { name: 'New case' }).waitFor();
      expect(await focus(page)).toMatchObject({ tag: 'input', dialog: 'New case' });
      await page.keyboard.type('Checkout returns 500');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Acme Bank');
      await tabTo(page, 'Log case', inDialog('New case'));
      await page.keyboard.press('Enter');
      const panel = page.getByRole('complementary');
      const heading = panel.getByRole('heading', { level: 2 });
      await heading.filter({ hasText: 'Checkout returns 500' }).waitFor();
      await expect.poll(() => focus(page)).toMatchObject({ tag: 'h2', region: 'case panel', dialog: null });
      const caseHeading = (await focus(page)).name;
      expect(caseHeading).toMatch(/^RD-\d+ Checkout returns 500$/);

      // Acknowledge: the checklist by Space, the next steps typed, sent with Enter on its button.
      await page.keyboard.press('a');
      await page.getByRole('dialog', { name: 'Acknowledge' }).waitFor();
      expect(await focus(page)).toMatchObject({ tag: 'input', name: '', dialog: 'Acknowledge' });
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      expect(await focus(page)).toMatchObject({ tag: 'textarea', dialog: 'Acknowledge' });
      await page.keyboard.type('Checking the connection pool');
      // Shift+Tab from the first control goes round to the last, still in the dialog.
      await tabTo(page, 'Send acknowledgement', inDialog('Acknowledge'));
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await panel.getByText('Investigating', { exact: true }).first().waitFor();
      await expect.poll(() => focus(page)).toMatchObject({ tag: 'h2', name: caseHeading, region: 'case panel' });

      // Resolve: the first field is the criterion; the summary typed; Enter on Mark resolved.
      await page.keyboard.press('r');
      await page.getByRole('dialog', { name: 'Resolve' }).waitFor();
      expect(await focus(page)).toMatchObject({ tag: 'select', dialog: 'Resolve' });
      await tabTo(page, '', (at) => inDialog('Resolve')(at));
      expect(await focus(page)).toMatchObject({ tag: 'textarea' });
      await page.keyboard.type('Connection pool resized');
      await tabTo(page, 'Mark resolved', inDialog('Resolve'));
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await panel.getByText('Resolved', { exact: true }).first().waitFor();
      await expect.poll(() => focus(page)).toMatchObject({ tag: 'h2', name: caseHeading, region: 'case panel' });

      // Close: Escape first gives the focus back to where it was; then closed for good.
      await page.keyboard.press('c');
      await page.getByRole('dialog', { name: 'Close' }).waitFor();
      expect(await focus(page)).toMatchObject({ tag: 'textarea', dialog: 'Close' });
      await page.keyboard.press('Escape');
      await expect.poll(() => focus(page)).toMatchObject({ tag: 'h2', name: caseHeading });
      await page.keyboard.press('c');
      await page.getByRole('dialog', { name: 'Close' }).waitFor();
      await page.keyboard.type('Customer confirmed checkout works');
      await tabTo(page, 'Close case', inDialog('Close'));
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await panel.getByText('Closed', { exact: true }).first().waitFor();
      await expect.poll(() => focus(page)).toMatchObject({ tag: 'h2', name: caseHeading, region: 'case panel' });

      // Its review: Tab through the panel to Start review; Enter opens the review with the focus on its heading.
      await tabTo(page, 'Start review', (at) => expect(at.region).toBe('case panel'));
      await page.keyboard.press('Enter');
      await page.getByRole('article', { name: /^Post-incident review of RD-\d+$/ }).getByText('Draft, revision 1', { exact: true }).waitFor();
      await expect.poll(() => focus(page)).toMatchObject({ tag: 'h2', region: 'view', name: expect.stringMatching(/^Post-incident review: RD-\d+ Checkout returns 500$/) });
      await page.screenshot({ path: screenshotPath('keyboard-only-review.png') });
      await context.close();
    } finally {
      await host.stop();
    }
  });

  it('the queue: j puts the focus on a row, Enter on a focused view button shows that view and opens no case', async () => {
    const host = await startHost(await newDataDir());
    try {
      const socket = await connectSocket(host);
      await socket.call('cases.create', { title: 'Report export misses a column', customer: 'Initech', plan: 'standard', severity: 'P3' });
      await socket.call('cases.create', { title: 'Login slow', customer: 'Globex', plan: 'standard', severity: 'P3' });
      socket.close();
      const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.getByRole('table', { name: 'P3 Medium queue' }).getByRole('row').nth(2).waitFor();
      await page.keyboard.press('j');
      await page.keyboard.press('ArrowDown');
      expect(await focus(page)).toMatchObject({ role: 'row', region: 'view' });
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
      await tabTo(page, 'Deadlines', () => undefined, true);
      await page.keyboard.press('Enter');
      await page.getByRole('table', { name: 'Deadlines' }).waitFor();
      expect(await page.getByRole('complementary').count()).toBe(0);
      // The arrows move between the queue tabs, which show their queue.
      await page.keyboard.press('q');
      await tabTo(page, /P3 Medium/);
      await page.keyboard.press('ArrowRight');
      expect(await focus(page)).toMatchObject({ role: 'tab', name: expect.stringMatching(/P4 Low/) });
      expect(await page.getByRole('tab', { name: /^P4 Low/ }).getAttribute('aria-selected')).toBe('true');
      await context.close();
    } finally {
      await host.stop();
    }
  });
});

describe('print', () => {
  it('lays a short review out on one or two pages', async () => {
    const host = await startHost(await newDataDir());
    try {
      const socket = await connectSocket(host);
      const caseId = await resolvedP1(socket, 3);
      await socket.call('reviews.start', { caseId });
      socket.close();
      const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      // In headless Chromium window.print() would hold the page for good: it does what a browser does, minus the dialog.
      await page.addInitScript(() => {
        window.print = () => void window.dispatchEvent(new Event('beforeprint'));
      });
      await page.goto(`${host.url}&review=${caseId}`);
      await page.getByText('Draft, revision 1', { exact: true }).waitFor();
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.locator('.print-only').waitFor({ state: 'attached' });
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      const pages = pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
      await context.close();
    } finally {
      await host.stop();
    }
  });
});
