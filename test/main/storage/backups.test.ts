import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createFileCaseStore, EXPORT_FORMAT, writeDataset, type FileCaseStore } from '../../../src-main/core/storage';
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
  it('exports every case, open and closed, in one tagged object', async () => {
    await store.create(openCase('RD-1001', 3));
    await store.create(closedCase('RD-1002'));
    const exported = await store.exportAll();
    expect(exported).toEqual({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: '2026-11-26T12:00:00.000Z',
      nextNumber: 1003,
      cases: [openCase('RD-1001', 3), closedCase('RD-1002')],
    });
  });

  it('replaces all cases with a valid import, after snapshotting the current data', async () => {
    await store.create(openCase('RD-1001', 3));
    const incoming = { format: EXPORT_FORMAT, version: 1, exportedAt: '2026-11-25T08:00:00.000Z', nextNumber: 1200, cases: [openCase('RD-1100', 4), closedCase('RD-1101')] };
    const result = await store.importAll(incoming);
    expect(result.imported).toBe(2);
    expect(JSON.parse(await readFile(path.join(result.backup, 'active', 'RD-1001.json'), 'utf8')).case.id).toBe('RD-1001');
    expect(store.openCases()).toEqual([openCase('RD-1100', 4)]);
    expect(await store.get('RD-1001')).toBeUndefined();
    expect(await store.get('RD-1101')).toEqual(closedCase('RD-1101'));
    expect(await store.nextCaseId()).toBe('RD-1200');
    expect((await store.verify()).problems).toEqual([]);
  });

  it('rejects an invalid import naming the path of the first problems, and changes nothing', async () => {
    await store.create(openCase('RD-1001', 3));
    const good = openCase('RD-1100', 5);
    const bad = { ...good, events: good.events.map((e) => (e.seq === 4 ? { ...e, at: '2026-11-02T09:00:00+01:00' } : e)) };
    const incoming = { format: EXPORT_FORMAT, version: 1, exportedAt: '2026-11-25T08:00:00.000Z', nextNumber: 1200, cases: [good, bad] };
    await expect(store.importAll(incoming)).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      message: 'The import file is invalid: cases[1].events[3].at: must be a UTC ISO 8601 instant ending in Z.',
    });
    await expect(store.importAll({ ...incoming, cases: [good, good] })).rejects.toThrow('cases[1]: case RD-1100 appears twice');
    expect(store.openCases().map((c) => c.id)).toEqual(['RD-1001']);
    expect(await readdir(dir)).not.toContain('backups');
  });

  it('finishes an import that was staged and committed when the store opens again after a crash', async () => {
    await store.create(openCase('RD-1001', 3));
    await store.close();
    await writeDataset(path.join(dir, 'import-staging'), { prefix: 'RD', nextNumber: 1200, cases: [openCase('RD-1100', 4)] }, 100);
    await writeFile(path.join(dir, 'import-commit.json'), '{}');
    store = createFileCaseStore({ dir });
    await store.open();
    expect(store.openCases().map((c) => c.id)).toEqual(['RD-1100']);
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
