import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createFileCaseStore, writeDataset, type FileCaseStore } from '../../../src-main/core/storage';
import { closedCase, note, openCase } from './fixtures/cases';

let dir: string;
let store: FileCaseStore;
let now = Date.UTC(2026, 10, 26, 12);
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rd-backups-'));
  now = Date.UTC(2026, 10, 26, 12);
  store = createFileCaseStore({ dir, clock: { now: () => now }, keepBackups: 3 });
  await store.open();
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const DAY = 86_400_000;

describe('daily snapshots', () => {
  it('makes at most one snapshot a day, holding every data file as it was then', async () => {
    await store.create(openCase('RD-1001', 3));
    await store.create(closedCase('RD-1002', 15, '2026-11-20T10:00:00.000Z'));
    expect(await store.snapshotIfDue()).toBe(path.join(dir, 'backups', '2026-11-26'));
    await store.append('RD-1001', [note('RD-1001', 4)]);
    expect(await store.snapshotIfDue(now + 60_000)).toBeUndefined();

    const backup = path.join(dir, 'backups', '2026-11-26');
    expect(JSON.parse(await readFile(path.join(backup, 'active', 'RD-1001.json'), 'utf8')).case.events).toHaveLength(3);
    expect((await readdir(path.join(backup, 'history'))).sort()).toEqual(['2026-11.001.json', 'index', 'summary.json']);
    expect(await readdir(path.join(backup))).toEqual(expect.arrayContaining(['meta.json', 'active', 'history']));
  });

  it('keeps the settings and reviews beside the cases in a snapshot', async () => {
    await writeFile(path.join(dir, 'settings.json'), '{"schemaVersion":1,"engineerName":"Ana"}');
    await mkdir(path.join(dir, 'reviews'), { recursive: true });
    await writeFile(path.join(dir, 'reviews', 'RD-1001.json'), '{"schemaVersion":1}');
    const backup = await store.snapshotIfDue();
    expect(JSON.parse(await readFile(path.join(backup!, 'settings.json'), 'utf8')).engineerName).toBe('Ana');
    expect(await readdir(path.join(backup!, 'reviews'))).toEqual(['RD-1001.json']);
  });

  it('keeps only the newest snapshots, as many as configured', async () => {
    for (let day = 0; day < 5; day++) await store.snapshotIfDue(now + day * DAY);
    expect(await readdir(path.join(dir, 'backups'))).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
  });
});

describe('export and import', () => {
  const replacement = (cases = [openCase('RD-1100', 4), closedCase('RD-1101')]) => ({
    prefix: 'RD',
    nextNumber: 1200,
    cases,
    documents: [
      { file: 'settings.json', content: { schemaVersion: 1, engineerName: 'Imported' } },
      { file: 'reviews/RD-1100.json', content: { schemaVersion: 1, review: { caseId: 'RD-1100' } } },
    ],
    folders: ['reviews'],
  });

  it('reads every case, open and closed, by case number, with the counter', async () => {
    await store.create(closedCase('RD-1002'));
    await store.create(openCase('RD-1001', 3));
    expect(await store.exportCases()).toEqual({ prefix: 'RD', nextNumber: 1003, cases: [openCase('RD-1001', 3), closedCase('RD-1002')] });
  });

  it('replaces the cases and the other documents, after snapshotting the current data', async () => {
    await store.create(openCase('RD-1001', 3));
    await mkdir(path.join(dir, 'reviews'), { recursive: true });
    await writeFile(path.join(dir, 'reviews', 'RD-1001.json'), '{"schemaVersion":1}');
    await writeFile(path.join(dir, 'settings.json'), '{"schemaVersion":1,"engineerName":"Before"}');
    const { backup } = await store.replaceAll(replacement());
    expect(JSON.parse(await readFile(path.join(backup, 'active', 'RD-1001.json'), 'utf8')).case.id).toBe('RD-1001');
    expect(await readdir(path.join(backup, 'reviews'))).toEqual(['RD-1001.json']);
    expect(store.openCases()).toEqual([openCase('RD-1100', 4)]);
    expect(await store.get('RD-1001')).toBeUndefined();
    expect(await store.get('RD-1101')).toEqual(closedCase('RD-1101'));
    expect(await store.nextCaseId()).toBe('RD-1200');
    // The old review does not stay behind to attach itself to a case of the new data.
    expect(await readdir(path.join(dir, 'reviews'))).toEqual(['RD-1100.json']);
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8')).engineerName).toBe('Imported');
    expect((await store.verify()).problems).toEqual([]);
  });

  it('replaces the reviews folder with an empty one when the replacement has no review', async () => {
    await mkdir(path.join(dir, 'reviews'), { recursive: true });
    await writeFile(path.join(dir, 'reviews', 'RD-1001.json'), '{"schemaVersion":1}');
    await store.replaceAll({ ...replacement(), documents: [] });
    expect(await readdir(path.join(dir, 'reviews'))).toEqual([]);
  });

  it('finishes an import that was staged and committed when the store opens again after a crash', async () => {
    await store.create(openCase('RD-1001', 3));
    await store.close();
    await writeDataset(path.join(dir, 'import-staging'), { prefix: 'RD', nextNumber: 1200, cases: [openCase('RD-1100', 4)] }, 100);
    await mkdir(path.join(dir, 'import-staging', 'reviews'));
    await writeFile(path.join(dir, 'import-commit.json'), '{}');
    await mkdir(path.join(dir, 'reviews'));
    await writeFile(path.join(dir, 'reviews', 'RD-1001.json'), '{}');
    store = createFileCaseStore({ dir });
    await store.open();
    expect(store.openCases().map((c) => c.id)).toEqual(['RD-1100']);
    expect(await readdir(path.join(dir, 'reviews'))).toEqual([]);
    expect(await readdir(dir)).not.toContain('import-staging');
    expect(await readdir(dir)).not.toContain('import-commit.json');
  });

  it('drops an import that was staged but never committed', async () => {
    await store.create(openCase('RD-1001', 3));
    await store.close();
    await writeDataset(path.join(dir, 'import-staging'), { prefix: 'RD', nextNumber: 1200, cases: [openCase('RD-1100', 4)] }, 100);
    store = createFileCaseStore({ dir });
    await store.open();
    expect(store.openCases().map((c) => c.id)).toEqual(['RD-1001']);
    expect(await readdir(dir)).not.toContain('import-staging');
  });
});
