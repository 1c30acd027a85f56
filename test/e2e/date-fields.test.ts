import { useConsoleFixture } from './console-fixture';
import type { RunningHost } from './harness';
import { screenshotPath } from './screenshots';

/**
 * Date fields write dates as the console does ("Mon 30 Nov 2026"), not as the browser's own date
 * input would in its locale (mm/dd/yyyy), and read what a person types that way.
 */
const desk = useConsoleFixture();
let host: RunningHost;

beforeAll(async () => {
  host = await desk.start({ seed: (socket) => socket.call('cases.create', { title: 'Checkout returns 500', customer: 'Acme Bank', plan: 'premium', severity: 'P2' }) });
});

it('All cases filters by logged day typed as "30 Nov 2026", shows it as the console writes it, and New case shows its time the same way', async () => {
  const { context, page } = await desk.open(host, { locale: 'en-US' });
  await page.keyboard.press('l');
  const table = page.getByRole('table', { name: 'All cases' });
  await table.getByRole('row').nth(1).waitFor();
  // No browser date input: its text would follow the browser's locale.
  expect(await page.locator('input[type="date"], input[type="datetime-local"]').count()).toBe(0);

  const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short' }).format(new Date());
  const from = page.getByRole('textbox', { name: 'Logged from', exact: true });
  await from.fill(today.toLowerCase());
  await page.keyboard.press('Tab');
  await expect.poll(() => from.inputValue()).toBe(`${weekday} ${today}`);
  await expect.poll(() => page.getByText('1 case, open and closed').count()).toBe(1);

  // A day the text cannot be is said so at the field, and the list keeps its last good filter.
  await from.fill('11/30/2026');
  await page.keyboard.press('Tab');
  await expect.poll(() => from.getAttribute('aria-invalid')).toBe('true');
  expect(await page.getByText('"11/30/2026" is not a date: write one like Mon 30 Nov 2026').count()).toBe(1);
  await page.screenshot({ path: screenshotPath('date-fields-all-cases.png') });

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'New case', exact: true }).click();
  const loggedAt = page.getByRole('dialog').getByLabel('Logged at', { exact: true });
  expect(await page.locator('input[type="date"], input[type="datetime-local"]').count()).toBe(0);
  expect(await loggedAt.inputValue()).toMatch(/^\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);
  await context.close();
});
