import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { createFileCaseStore, openDocument } from '../../../src-main/core/storage';
import { openCase } from './fixtures/cases';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rd-document-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOW = Date.UTC(2026, 10, 26, 15, 51, 6);
const clock = { now: () => NOW };

describe('versioned documents', () => {
  it('migrates meta.json from version 1 (last id as text) to version 2 (next number) and writes it back', async () => {
    await writeFile(path.join(dir, 'meta.json'), JSON.stringify({ schemaVersion: 1, lastIssued: 'RD-1041' }));
    const store = createFileCaseStore({ dir, clock });
    const report = await store.open();
    expect(report.migrated).toEqual(['meta.json: 1 -> 2']);
    expect(await store.nextCaseId()).toBe('RD-1042');
    await store.close();
    expect(JSON.parse(await readFile(path.join(dir, 'meta.json'), 'utf8'))).toEqual({ schemaVersion: 2, prefix: 'RD', nextNumber: 1043 });
  });

  it('moves a file that is not JSON aside, reports it with the latest backup, and starts that file empty', async () => {
    const seeded = createFileCaseStore({ dir, clock });
    await seeded.open();
    await seeded.create(openCase('RD-1001'));
    await seeded.snapshotIfDue();
    await seeded.close();
    const file = path.join(dir, 'active', 'RD-1001.json');
    await writeFile(file, '{"schemaVersion":1,"case":');

    const store = createFileCaseStore({ dir, clock });
    const report = await store.open();
    expect(report.corrupt).toEqual([
      {
        file,
        movedTo: `${file}.corrupt-20261126T155106000Z`,
        reason: expect.stringMatching(/^RD-1001\.json: is not valid JSON/),
        latestBackup: path.join(dir, 'backups', '2026-11-26', 'active', 'RD-1001.json'),
      },
    ]);
    expect(store.openCases()).toEqual([]);
    expect(await readFile(`${file}.corrupt-20261126T155106000Z`, 'utf8')).toBe('{"schemaVersion":1,"case":');
    await store.close();
  });

  it('reports a file that fails validation with the zod message naming the field, and never overwrites it', async () => {
    const record = openCase('RD-1001');
    const bad = { schemaVersion: 1, case: { ...record, events: record.events.map((e, i) => (i === 3 ? { ...e, at: '2026-11-02 09:00' } : e)) } };
    await mkdir(path.join(dir, 'active'), { recursive: true });
    await writeFile(path.join(dir, 'active', 'RD-1001.json'), JSON.stringify(bad));
    const store = createFileCaseStore({ dir, clock });
    const report = await store.open();
    expect(report.corrupt).toHaveLength(1);
    expect(report.corrupt[0].reason).toBe('RD-1001.json: case.events[3].at: must be a UTC ISO 8601 instant ending in Z');
    expect(report.corrupt[0].latestBackup).toBeUndefined();
    expect(await readdir(path.join(dir, 'active'))).toEqual(['RD-1001.json.corrupt-20261126T155106000Z']);
    await store.close();
  });

  it('treats a file from a newer version as unreadable rather than guessing its shape', async () => {
    await writeFile(path.join(dir, 'meta.json'), JSON.stringify({ schemaVersion: 9, prefix: 'RD', nextNumber: 2000 }));
    const store = createFileCaseStore({ dir, clock });
    const report = await store.open();
    expect(report.corrupt[0].reason).toMatch(/schemaVersion: 9 was written by a newer Response Desk/);
    await store.close();
  });
});

describe('openDocument for any versioned file', () => {
  const settingsSchema = z.object({ schemaVersion: z.literal(2), theme: z.enum(['light', 'dark']), reminderMinutes: z.number().int().positive() });
  type Settings = z.infer<typeof settingsSchema>;
  const spec = (file: string) => ({
    path: file,
    schema: settingsSchema,
    version: 2,
    migrations: [{ from: 1, migrate: (doc: Record<string, unknown>) => ({ theme: doc.dark === true ? 'dark' : 'light', reminderMinutes: 15 }) }],
    empty: (): Settings => ({ schemaVersion: 2, theme: 'light', reminderMinutes: 15 }),
    now: () => NOW,
  });

  it('starts a missing file from its empty document without writing it', async () => {
    const file = path.join(dir, 'settings.json');
    const opened = await openDocument(spec(file));
    expect(opened.db?.data).toEqual({ schemaVersion: 2, theme: 'light', reminderMinutes: 15 });
    expect(await readdir(dir)).toEqual([]);
  });

  it('runs the ordered migrations and persists the result through the durable lowdb adapter', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ schemaVersion: 1, dark: true }));
    const opened = await openDocument(spec(file));
    expect(opened.migrated).toBe('settings.json: 1 -> 2');
    if (!opened.db) throw new Error('expected a document');
    opened.db.data.reminderMinutes = 30;
    await opened.db.write();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ schemaVersion: 2, theme: 'dark', reminderMinutes: 30 });
  });
});
