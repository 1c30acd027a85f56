import type { Page } from 'playwright-core';
import { connectSocket } from './desk-socket';
import { useConsoleFixture } from './console-fixture';
import type { RunningHost } from './harness';
import { screenshotPath } from './screenshots';

/** Keyboard help, Escape and the notification list as a person meets them in a 1280x720 window. */
const desk = useConsoleFixture();
const open = async (host: RunningHost): Promise<Page> => (await desk.open(host)).page;
const P1 = { title: 'Checkout returns 500', customer: 'Acme Bank', plan: 'premium', severity: 'P1' } as const;

async function listed(host: RunningHost) {
  const socket = await connectSocket(host);
  try {
    return await socket.call('notifications.list', {});
  } finally {
    socket.close();
  }
}
const readIds = async (host: RunningHost) => (await listed(host)).filter((n) => n.read).map((n) => n.id);
const unreadInCore = async (host: RunningHost) => (await listed(host)).filter((n) => !n.read).length;

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
const unread = async (page: Page) => Number(/(\d+) unread/.exec((await bell(page).getAttribute('aria-label')) ?? '')?.[1]);

describe('keyboard and notifications at 1280x720', () => {
  it('? lists the shortcuts, and Escape closes the dialog, then the notification list, then the case panel', async () => {
    let id = '';
    const host = await desk.start({
      seed: async (socket) => {
        id = (await socket.call('cases.create', P1)).id;
      },
    });
    const page = await open(host);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByRole('table', { name: 'On the open case' }).getByRole('row', { name: /Acknowledge/ }).waitFor();
    await page.screenshot({ path: screenshotPath('shortcuts-1280x720.png') });
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.getByRole('table', { name: 'P1 Critical queue' }).getByRole('cell', { name: id, exact: true }).click();
    const caseHeading = page.getByRole('complementary').getByRole('heading', { level: 2 });
    await caseHeading.waitFor();
    await bell(page).click();
    const list = page.getByRole('list', { name: 'Notifications' });
    await list.getByRole('listitem').first().waitFor();
    // Each notification says when it came, in the console's one time format.
    expect(await list.getByRole('listitem').first().locator('time').innerText()).toMatch(/^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]{2}, \d\d:\d\d$/);
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect(await caseHeading.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await caseHeading.waitFor({ state: 'detached' });
  });

  it('a click outside closes the notification list; what was read stays read after a reload and a restart', async () => {
    // A P1 is escalated automatically at logging, which notifies.
    let host = await desk.start({ seed: (socket) => socket.call('cases.create', P1) });
    let page = await open(host);
    await expect.poll(() => unread(page), { timeout: 10_000 }).toBeGreaterThan(0);
    await bell(page).click();
    await expect.poll(() => unread(page)).toBe(0);
    await page.getByRole('heading', { name: 'P1 Critical', exact: true }).click();
    await page.getByRole('list', { name: 'Notifications' }).waitFor({ state: 'detached' });

    const readBefore = await readIds(host);
    expect(readBefore.length).toBeGreaterThan(0);

    // A reload asks the core again: the page counts as unread only what the core has not marked read.
    await page.reload();
    await page.getByRole('button', { name: 'New case', exact: true }).and(page.locator(':enabled')).waitFor();
    await expect.poll(async () => (await unread(page)) === (await unreadInCore(host))).toBe(true);
    await page.context().close();

    await host.stop();
    host = await desk.start({ dataDir: host.dataDir });
    expect(await readIds(host)).toEqual(expect.arrayContaining(readBefore));
    page = await open(host);
    await expect.poll(async () => (await unread(page)) === (await unreadInCore(host))).toBe(true);
  });
});
