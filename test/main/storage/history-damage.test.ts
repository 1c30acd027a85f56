import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CorruptFile } from '../../../src-main/core/storage';
import { createFileCaseStore, type FileCaseStore } from '../../../src-main/core/storage';
import { closedCase, openCase } from './fixtures/cases';

let dir: string;
const stores: FileCaseStore[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rd-history-damage-'));
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function openStore(): Promise<FileCaseStore> {
  const store = createFileCaseStore({ dir, clock: { now: () => Date.UTC(2026, 10, 26, 12) }, partitionSize: 2 });
  stores.push(store);
  await store.open();
  return store;
}

/** Five closed cases over three partitions (two per file) and one open case, then closed. */
async function withHistory(): Promise<void> {
  const store = await openStore();
  for (const id of ['RD-1001', 'RD-1002', 'RD-1003', 'RD-1004', 'RD-1005']) await store.create(closedCase(id, 6));
  await store.create(openCase('RD-1006', 3));
  await store.close();
  stores.splice(stores.indexOf(store), 1);
}

/** Damage as a disk makes it: the file's content replaced (by rename, so a backup hard link keeps the old content). */
async function damage(file: string, content: string): Promise<void> {
  const target = path.join(dir, file);
  await writeFile(`${target}.new`, content);
  await rename(`${target}.new`, target);
}

const partitions = async () => (await readdir(path.join(dir, 'history'))).filter((name) => /^\d{4}-\d{2}\.\d{3}\.json$/.test(name)).sort();

describe('the history summary is rebuilt from the partitions', () => {
  it('when it is missing: the history still counts and pages every closed case, verify finds nothing wrong, and nothing is reported missing', async () => {
    await withHistory();
    expect(await partitions()).toHaveLength(3);
    await rm(path.join(dir, 'history', 'summary.json'));
    const store = await openStore();
    const page = await store.history({ limit: 10 });
    expect(page.total).toBe(5);
    expect(page.cases.map((record) => record.id).sort()).toEqual(['RD-1001', 'RD-1002', 'RD-1003', 'RD-1004', 'RD-1005']);
    expect((await store.exportCases()).cases).toHaveLength(6);
    expect((await store.verify()).problems).toEqual([]);
    expect(store.report().corrupt).toEqual([]);
  });

  it('when it is damaged: kept aside, reported as rebuilt (nothing missing), and the listeners hear of it', async () => {
    await withHistory();
    await damage('history/summary.json', '{"schemaVersion": 1, "partitions": {"2026-1');
    const store = await openStore();
    const heard: CorruptFile[] = [];
    store.onDamage((problem) => heard.push(problem));
    expect((await store.history({ limit: 2, offset: 4 })).total).toBe(5);
    expect(heard).toEqual([
      expect.objectContaining({ file: path.join(dir, 'history', 'summary.json'), reason: expect.stringMatching(/^summary\.json: is not valid JSON/), repaired: expect.stringMatching(/^rebuilt from the 3 history files/) }),
    ]);
    expect((await readdir(path.join(dir, 'history'))).some((name) => name.startsWith('summary.json.corrupt-'))).toBe(true);
    expect((await store.verify()).problems).toEqual([]);
  });
});

describe('a history partition found damaged while running', () => {
  it('is reported to the listeners once, and a case kept in it is refused as damaged, never answered as unknown', async () => {
    await withHistory();
    const [first] = await partitions();
    await damage(path.join('history', first), '{"schemaVersion": 1, "cases": [');
    const store = await openStore();
    const heard: CorruptFile[] = [];
    store.onDamage((problem) => heard.push(problem));
    await expect(store.get('RD-1001')).rejects.toMatchObject({ name: 'StorageDamageError', code: 'STORE_CORRUPT', message: expect.stringContaining(`history/${first} cannot be read`) });
    await expect(store.get('RD-1002')).rejects.toMatchObject({ name: 'StorageDamageError' });
    expect(heard).toEqual([expect.objectContaining({ file: path.join(dir, 'history', first), movedTo: expect.stringContaining(`${first}.corrupt-`) })]);
    // The rest of the history still reads.
    expect((await store.get('RD-1005'))?.id).toBe('RD-1005');
  });

  it('takes no newly closed case, so a restore from backup cannot drop one', async () => {
    await withHistory();
    const last = (await partitions()).at(-1)!;
    await damage(path.join('history', last), 'not json');
    const store = await openStore();
    await expect(store.get('RD-1005')).rejects.toMatchObject({ name: 'StorageDamageError' });
    await store.create(closedCase('RD-1007', 6));
    expect((await store.get('RD-1007'))?.id).toBe('RD-1007');
    const kept = await partitions();
    expect(kept.at(-1)).not.toBe(last);
  });
});
