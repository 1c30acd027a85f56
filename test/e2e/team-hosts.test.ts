import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { SETTINGS_VERSION } from '../../src-main/core/data-dir';
import { SETTINGS_FILE } from '../../src-main/core/storage';
import { DEFAULT_SETTINGS } from '../../src-shared/settings';
import { startPostgres, type TestPostgres } from '../main/team/postgres';
import { launchBrowser, newDataDir, startHost, type RunningHost } from './harness';
import { screenshotPath } from './screenshots';

let browser: Browser;
let postgres: TestPostgres;
const hosts: RunningHost[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  postgres = await startPostgres();
});
afterAll(async () => {
  await Promise.allSettled(contexts.map((context) => context.close()));
  await Promise.allSettled(hosts.map((host) => host.stop()));
  await browser?.close();
  await postgres?.destroy();
});

/** A browser host on a data folder of its own, in team mode, with the engineer's name set. */
async function teamConsole(engineerName: string, url: string): Promise<Page> {
  const dir = await newDataDir();
  await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ schemaVersion: SETTINGS_VERSION, ...DEFAULT_SETTINGS, engineerName }));
  const host = await startHost(dir, ['--team', url]);
  hosts.push(host);
  const context = await browser.newContext({ timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 720 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New case', exact: true }).and(page.locator(':enabled')).waitFor();
  return page;
}

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const panel = (page: Page) => page.getByRole('complementary');
const timeline = (page: Page) => panel(page).getByRole('list', { name: 'Timeline' });
const banner = (page: Page) => page.locator('.team-banner');

async function openCase(page: Page, title: string): Promise<void> {
  await page.getByRole('cell', { name: title, exact: true }).click();
  await panel(page).getByRole('heading', { name: new RegExp(title) }).waitFor();
}

async function addNote(page: Page, note: string): Promise<void> {
  await button(panel(page), 'Add note').click();
  const dialog = page.getByRole('dialog', { name: 'Add note', exact: true });
  await dialog.getByRole('textbox', { name: 'Internal note', exact: true }).fill(note);
  await button(dialog, 'Save note').click();
  await dialog.waitFor({ state: 'detached' });
}

/** The timeline's entries as the engineer reads them, without the times (each console shows its own clock). */
async function entries(page: Page): Promise<string[]> {
  const items = await timeline(page).getByRole('listitem').allInnerTexts();
  return items.map((item) => item.replace(/\d{1,2}:\d{2}/g, '').replace(/\s+/g, ' ').trim());
}

// Limits for a loaded machine, not for speed: a change normally lands in well under a second.
describe('two browser hosts share cases through one PostgreSQL', { timeout: 240_000 }, () => {
  it('a case logged on one appears live on the other; an action there shows on the first; both work on while the server is down and converge when it is back', async () => {
    const url = await postgres.database();
    const ana = await teamConsole('Ana Lopez', url);
    const ben = await teamConsole('Ben Ode', url);

    // Ana logs a case; Ben's queue shows it without a reload.
    await button(ana, 'New case').click();
    const form = ana.getByRole('dialog', { name: 'New case', exact: true });
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill('Checkout returns 500');
    await form.getByRole('textbox', { name: 'Customer', exact: true }).fill('Acme Bank');
    await form.getByRole('combobox', { name: 'Severity', exact: true }).selectOption({ label: 'P2 High' });
    await button(form, 'Log case').click();
    await form.waitFor({ state: 'detached' });
    const key = (await panel(ana).getByRole('heading').first().innerText()).match(/[A-Z]+-\d+/)?.[0];
    expect(key).toMatch(/^AL-\d+$/);
    await ben.getByRole('cell', { name: 'Checkout returns 500', exact: true }).waitFor({ timeout: 30_000 });
    await ben.screenshot({ path: screenshotPath('team-live-case-arrives.png') });

    // Ben acts on it; Ana's open case shows Ben's note, with Ben as its author.
    await openCase(ben, 'Checkout returns 500');
    await addNote(ben, 'Seen the same from the EU gateway.');
    await timeline(ana).getByText('Seen the same from the EU gateway.').waitFor({ timeout: 30_000 });
    expect((await entries(ana)).find((entry) => entry.includes('EU gateway'))).toContain('Ben Ode');
    await ana.screenshot({ path: screenshotPath('team-live-action-arrives.png') });

    // The server stops: both keep working and say so, with their changes waiting.
    await postgres.stop();
    try {
      for (const page of [ana, ben]) await banner(page).getByText(/Team server unreachable, working offline/).waitFor({ timeout: 60_000 });
      await addNote(ana, 'Offline: restarted the payment worker.');
      await addNote(ben, 'Offline: customer confirms errors continue.');
      await banner(ana).getByText('Team server unreachable, working offline: 1 change waiting.').waitFor();
      await banner(ben).getByText('Team server unreachable, working offline: 1 change waiting.').waitFor();
      await timeline(ana).getByText('Offline: restarted the payment worker.').waitFor();
      await ana.screenshot({ path: screenshotPath('team-offline-ana.png') });
      await ben.screenshot({ path: screenshotPath('team-offline-ben.png') });
    } finally {
      await postgres.start();
    }

    // Back: the banners go, and both show one timeline, in the same order.
    for (const page of [ana, ben]) {
      await banner(page).waitFor({ state: 'detached', timeout: 60_000 });
      await timeline(page).getByText('Offline: restarted the payment worker.').waitFor({ timeout: 30_000 });
      await timeline(page).getByText('Offline: customer confirms errors continue.').waitFor({ timeout: 30_000 });
    }
    const [onAna, onBen] = [await entries(ana), await entries(ben)];
    expect(onAna).toEqual(onBen);
    expect(onAna.filter((entry) => entry.includes('Offline:'))).toHaveLength(2);
    for (const [page, name] of [[ana, 'ana'], [ben, 'ben']] as const) {
      // Down the case panel to its timeline, as a person scrolls.
      await page.mouse.move(1040, 400);
      await page.mouse.wheel(0, 1200);
      await timeline(page).getByText('Offline: customer confirms errors continue.').waitFor();
      await page.screenshot({ path: screenshotPath(`team-converged-${name}.png`) });
    }
  });
});
