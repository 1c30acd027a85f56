import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { connectSocket, resolvedP1 } from './desk-socket';
import { launchBrowser, newDataDir, startHost, type RunningHost } from './harness';
import { screenshotPath } from './screenshots';

/**
 * axe-core (WCAG 2.1 A and AA rules) on every view of the console, in the light and the dark
 * scheme, with rows in each state (normal, hovered, under the cursor) and dialogs open. Any
 * violation fails, listed with the rule, the element and what axe found.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser;
let host: RunningHost;
let reviewCaseId: string;
beforeAll(async () => {
  browser = await launchBrowser();
  host = await startHost(await newDataDir());
  const socket = await connectSocket(host);
  reviewCaseId = await resolvedP1(socket, 2);
  await socket.call('reviews.start', { caseId: reviewCaseId });
  await socket.call('cases.create', { title: 'Checkout slow for some users', customer: 'Globex', plan: 'premium', severity: 'P2' });
  await socket.call('cases.create', { title: 'Report export misses a column', customer: 'Initech', plan: 'standard', severity: 'P3' });
  await socket.call('cases.create', { title: 'Question about the audit log', customer: 'Umbrella', plan: 'standard', severity: 'P4' });
  socket.close();
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

/**
 * The console's CSP (script-src 'self') refuses an inline <script>, which is how Playwright's
 * addScriptTag injects; a script given to the context with addInitScript is evaluated by the
 * browser itself (CDP Page.addScriptToEvaluateOnNewDocument), outside the page's CSP, which stays on.
 */
async function open(scheme: 'light' | 'dark'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: { width: 1440, height: 900 }, colorScheme: scheme });
  await context.addInitScript({ content: AXE_SOURCE });
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New case', exact: true }).and(page.locator(':enabled')).waitFor();
  return { context, page };
}

interface Violation {
  readonly id: string;
  readonly help: string;
  readonly nodes: ReadonlyArray<{ target: unknown[]; failureSummary?: string }>;
}

async function violations(page: Page): Promise<string[]> {
  const found = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, help: violation.help, nodes: violation.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })) }));
  }, WCAG_21_AA);
  return found.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.help}) at ${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`));
}

async function expectNoViolations(page: Page, what: string): Promise<void> {
  const found = await violations(page);
  if (found.length > 0) await page.screenshot({ path: screenshotPath(`axe-${what.replace(/\W+/g, '-')}.png`) });
  expect(found, what).toEqual([]);
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

describe.each(['light', 'dark'] as const)('axe-core finds no WCAG 2.1 A or AA violation (%s scheme)', (scheme) => {
  it('the CSP stays on: an inline script is refused, yet axe runs', async () => {
    const { context, page } = await open(scheme);
    await page.addScriptTag({ content: 'window.inlineRan = true' }).catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined();
    expect(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe)).toBe('object');
    // and axe does find a violation when there is one: grey text on white is 2.3:1
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.textContent = 'A faint line';
      probe.style.color = '#aaaaaa';
      probe.style.background = '#ffffff';
      document.querySelector('main')!.append(probe);
    });
    expect((await violations(page)).join('\n')).toContain('color-contrast');
    await context.close();
  });

  it('Queues, with a row under the cursor and a row hovered, and the notification list open', async () => {
    // A Premium P1 is escalated at logging, which notifies: the bell has an unread count (the run
    // in the other scheme read the earlier ones), and the notification list an item.
    const socket = await connectSocket(host);
    await socket.call('cases.create', { title: `Checkout returns 500 (${scheme})`, customer: 'Acme Bank', plan: 'premium', severity: 'P1' });
    socket.close();
    const { context, page } = await open(scheme);
    const queue = page.getByRole('table', { name: 'P1 Critical queue' });
    await queue.getByRole('row').nth(1).waitFor();
    // the unread badge is on screen too
    await page.getByRole('button', { name: /^Notifications, [1-9]\d* unread$/ }).waitFor();
    await page.keyboard.press('j');
    await expectNoViolations(page, `${scheme} queues, cursor row`);
    for (const key of ['2', '3', '4']) {
      await page.keyboard.press(key);
      await page.keyboard.press('j');
      const table = page.getByRole('tabpanel').getByRole('table');
      await table.getByRole('row').nth(1).hover();
      await expectNoViolations(page, `${scheme} queue ${key}, cursor row hovered`);
    }
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').first().waitFor();
    await expectNoViolations(page, `${scheme} notification list`);
    await context.close();
  });

  it('Deadlines, All cases and Settings', async () => {
    const { context, page } = await open(scheme);
    await button(page, 'Deadlines').click();
    const deadlines = page.getByRole('table', { name: 'Deadlines' });
    await deadlines.getByRole('row').nth(1).waitFor();
    await page.keyboard.press('j');
    await deadlines.getByRole('row').nth(2).hover();
    await expectNoViolations(page, `${scheme} deadlines`);
    await button(page, 'All cases').click();
    const all = page.getByRole('table', { name: 'All cases' });
    await all.getByRole('cell', { name: reviewCaseId, exact: true }).waitFor();
    await page.keyboard.press('j');
    await expectNoViolations(page, `${scheme} all cases`);
    await button(page, 'Settings').click();
    await page.getByRole('button', { name: 'Save settings' }).waitFor();
    await expectNoViolations(page, `${scheme} settings`);
    await context.close();
  });

  it('Reports and Management', async () => {
    const { context, page } = await open(scheme);
    await button(page, 'Reports').click();
    await page.getByRole('table', { name: 'By severity', exact: true }).waitFor();
    await expectNoViolations(page, `${scheme} reports`);
    await button(page, 'Management').click();
    await page.getByRole('heading', { name: 'Management', level: 2 }).waitFor();
    await expectNoViolations(page, `${scheme} management`);
    await context.close();
  });

  it('a case panel open, and its dialogs', async () => {
    const { context, page } = await open(scheme);
    await page.keyboard.press('3');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary');
    await panel.getByRole('heading', { level: 2 }).waitFor();
    await expectNoViolations(page, `${scheme} case panel`);
    await page.keyboard.press('a');
    await page.getByRole('dialog', { name: 'Acknowledge' }).waitFor();
    await expectNoViolations(page, `${scheme} acknowledge dialog`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.getByRole('dialog', { name: 'New case' }).waitFor();
    await expectNoViolations(page, `${scheme} new case dialog`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await expectNoViolations(page, `${scheme} shortcuts dialog`);
    await context.close();
  });

  it('a review, with an entry hidden from the exports', async () => {
    const { context, page } = await open(scheme);
    await page.goto(`${host.url}&review=${reviewCaseId}`);
    const editor = page.getByRole('article', { name: `Post-incident review of ${reviewCaseId}` });
    await editor.getByText('Draft, revision 1', { exact: true }).waitFor();
    await editor.getByRole('region', { name: 'Timeline', exact: true }).getByRole('checkbox', { name: 'Hidden', exact: true }).first().check();
    await expectNoViolations(page, `${scheme} review`);
    await context.close();
  });
});

describe('forced colours (high contrast)', () => {
  it('keeps the cursor row, the chosen queue and severity readable without colour', async () => {
    const { context, page } = await open('light');
    await page.emulateMedia({ forcedColors: 'active' });
    await page.getByRole('table', { name: 'P1 Critical queue' }).getByRole('row').nth(1).waitFor();
    await page.keyboard.press('j');
    const styles = await page.evaluate(() => {
      const outline = (selector: string) => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).outlineStyle : 'missing';
      };
      return {
        cursorRow: outline('[role="tabpanel"]:not([hidden]) .queue-row.cursor'),
        chosenTab: getComputedStyle(document.querySelector('[role="tab"][aria-selected="true"]')!).borderTopWidth,
      };
    });
    expect(styles.cursorRow).toBe('solid');
    expect(styles.chosenTab).toBe('3px');
    // Severity reads as a symbol and a word, whatever the colours.
    expect(await page.getByRole('tabpanel').getByRole('row').nth(1).getByRole('cell').nth(1).innerText()).toMatch(/^▲\s*P1 Critical$/);
    await page.screenshot({ path: screenshotPath('forced-colors-queues.png') });
    await context.close();
  });
});
