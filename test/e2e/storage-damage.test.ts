import { readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { closedCase, openCase } from '../main/storage/fixtures/cases';
import { useConsoleFixture } from './console-fixture';
import { screenshotPath } from './screenshots';

const desk = useConsoleFixture();

describe('damage found while the console runs', () => {
  it('appears in the data problems at once, saying what is missing, without a reload', async () => {
    // Closed cases of twelve months, November 2025 to October 2026 (RD-1001 to RD-1012), one
    // history partition a month: more than the store holds in memory (8), so once the reports'
    // start-up build has read them all, the newest (read first) is no longer held and is read
    // from disk again when its case is opened.
    const closed = Array.from({ length: 12 }, (_, i) => closedCase(`RD-${1001 + i}`, 8, new Date(Date.UTC(2025, 10 + i, 2)).toISOString()));
    const cases = [openCase('RD-1013', 3), ...closed];
    const host = await desk.start({ dataset: { prefix: 'RD', nextNumber: 1014, cases } });
    const dir = host.dataDir;
    const partition = (await readdir(join(dir, 'history'))).filter((name) => /^\d{4}-\d{2}\.\d{3}\.json$/.test(name)).sort().at(-1)!;
    expect(partition).toMatch(/^2026-10\./);
    // The disk damages the file after the daily snapshot took its copy.
    const { page } = await desk.open(host);
    await writeFile(join(dir, 'history', `${partition}.new`), '{"schemaVersion": 1, "cases": [');
    await rename(join(dir, 'history', `${partition}.new`), join(dir, 'history', partition));
    const problems = page.getByRole('region', { name: 'Data problems' });
    expect(await problems.count()).toBe(0);

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'All cases', exact: true }).click();
    const table = page.getByRole('table', { name: 'All cases', exact: true });
    await table.getByRole('row').nth(4).waitFor();
    await table.getByRole('row').filter({ hasText: 'RD-1012' }).getByRole('cell').first().click();

    await problems.waitFor();
    await expect.poll(() => problems.innerText()).toMatch(new RegExp(`${partition.replace('.', '\\.')} could not be read[\\s\\S]*found it damaged while it ran`));
    expect(await problems.innerText()).toContain('Missing until it is restored: closed cases of October 2026');
    await page.screenshot({ path: screenshotPath('storage-damage-found-while-running.png') });
  });
});
