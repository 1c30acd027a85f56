import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CaseEvent } from '../../../src-shared/domain';
import { createFileCaseStore, type FileCaseStore } from '../../../src-main/core/storage';
import { closedCase, event, note, openCase, reopened, resolvedAndClosed } from './fixtures/cases';

let dir: string;
const stores: FileCaseStore[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rd-store-'));
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function openStore(options: { partitionSize?: number } = {}): Promise<FileCaseStore> {
  const store = createFileCaseStore({ dir, clock: { now: () => Date.UTC(2026, 10, 26, 12) }, ...options });
  stores.push(store);
  await store.open();
  return store;
}

async function reopen(store: FileCaseStore): Promise<FileCaseStore> {
  await store.close();
  return openStore();
}

const json = async (file: string): Promise<unknown> => JSON.parse(await readFile(path.join(dir, file), 'utf8'));

describe('file case store', () => {
  it('keeps created cases and appended events across a reopen', async () => {
    let store = await openStore();
    await store.create(openCase('RD-1001', 3));
    const updated = await store.append('RD-1001', [note('RD-1001', 4)]);
    expect(updated.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    store = await reopen(store);
    expect(store.openCases()).toEqual([updated]);
    expect(await store.get('RD-1001')).toEqual(updated);
  });

  it('stores each open case in its own file, so bringing the files up to date rewrites only the cases that changed', async () => {
    let store = await openStore();
    await store.create(openCase('RD-1001', 3));
    await store.create(openCase('RD-1002', 3));
    store = await reopen(store);
    const inode = async (file: string) => (await stat(path.join(dir, file))).ino;
    const before = { first: await inode('active/RD-1001.json'), second: await inode('active/RD-1002.json') };
    await store.append('RD-1002', [note('RD-1002', 4)]);
    await store.close();
    expect((await readdir(path.join(dir, 'active'))).sort()).toEqual(['RD-1001.json', 'RD-1002.json']);
    expect(await json('active/RD-1001.json')).toEqual({ schemaVersion: 1, case: openCase('RD-1001', 3) });
    expect(await inode('active/RD-1001.json')).toBe(before.first);
    expect(await inode('active/RD-1002.json')).not.toBe(before.second);
    expect(((await json('active/RD-1002.json')) as { case: { events: unknown[] } }).case.events).toHaveLength(4);
  });

  it('rejects an invalid event with an error naming the case and the field, and stores nothing', async () => {
    const store = await openStore();
    await store.create(openCase('RD-1001', 3));
    const bad = { ...note('RD-1001', 4), at: 'yesterday' } as CaseEvent;
    await expect(store.append('RD-1001', [note('RD-1001', 4), bad])).rejects.toMatchObject({
      code: 'EVENT_INVALID',
      message: 'Event 2 for case RD-1001 is invalid: at: must be a UTC ISO 8601 instant ending in Z.',
    });
    expect((await store.get('RD-1001'))?.events).toHaveLength(3);
  });

  it('rejects an event whose seq does not continue the timeline', async () => {
    const store = await openStore();
    await store.create(openCase('RD-1001', 3));
    await expect(store.append('RD-1001', [note('RD-1001', 5)])).rejects.toMatchObject({
      code: 'EVENT_OUT_OF_SEQUENCE',
      message: expect.stringContaining('case RD-1001 has seq 5, but the timeline expects 4'),
    });
  });

  it('rejects creating a case whose timeline does not start at seq 1 with its logged event', async () => {
    const store = await openStore();
    const record = openCase('RD-1001', 3);
    await expect(store.create({ ...record, events: record.events.slice(1) })).rejects.toMatchObject({
      code: 'EVENT_INVALID',
      message: "Case RD-1001 must start with a 'logged' event, not 'acknowledged'.",
    });
  });

  it('rejects appending to a case that does not exist', async () => {
    const store = await openStore();
    await expect(store.append('RD-4040', [note('RD-4040', 2)])).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
  });

  it('rejects creating a case whose id is taken, open or closed', async () => {
    const store = await openStore();
    await store.create(closedCase('RD-1001'));
    await expect(store.create(openCase('RD-1001'))).rejects.toMatchObject({ code: 'CASE_EXISTS' });
  });

  it('takes a case away, open or closed, for good, and never hands its number out again (team mode: a case merged into the team\'s)', async () => {
    let store = await openStore();
    const keptOpen = openCase(await store.nextCaseId());
    const goneOpen = openCase(await store.nextCaseId());
    const goneClosed = closedCase(await store.nextCaseId());
    for (const record of [keptOpen, goneOpen, goneClosed]) await store.create(record);
    await store.remove(goneOpen.id);
    await store.remove(goneClosed.id);
    await store.remove('RD-4242');
    store = await reopen(store);
    expect(store.openCases()).toEqual([keptOpen]);
    expect(await store.get(goneOpen.id)).toBeUndefined();
    expect(await store.get(goneClosed.id)).toBeUndefined();
    expect(await store.history({ limit: 10 })).toEqual({ total: 0, cases: [] });
    expect(await store.closedSummaries()).toEqual([]);
    expect(await store.nextCaseId()).toBe('RD-1004');
    expect(await store.verify()).toMatchObject({ problems: [], openCases: 1, closedCases: 0 });
  });

  it('loses no append when appends to one case and to many cases run concurrently', async () => {
    let store = await openStore();
    await Promise.all(['RD-1001', 'RD-1002', 'RD-1003'].map((id) => store.create(openCase(id, 2))));
    await Promise.all(
      ['RD-1001', 'RD-1002', 'RD-1003'].flatMap((id) => [3, 4, 5, 6].map((seq) => store.append(id, [note(id, seq, `note ${seq}`)]))),
    );
    store = await reopen(store);
    for (const record of store.openCases()) expect(record.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(store.openCases()).toHaveLength(3);
  });

  it('allocates case ids RD-1001, RD-1002, ... durably and never hands one out twice', async () => {
    let store = await openStore();
    expect(await Promise.all([store.nextCaseId(), store.nextCaseId()])).toEqual(['RD-1001', 'RD-1002']);
    store = await reopen(store);
    expect(await store.nextCaseId()).toBe('RD-1003');
  });

  it('continues above every stored case id even when meta.json is lost', async () => {
    let store = await openStore();
    await store.create(openCase('RD-1007', 2));
    await store.create(closedCase('RD-2500'));
    await store.close();
    await rm(path.join(dir, 'meta.json'));
    store = await openStore();
    expect(await store.nextCaseId()).toBe('RD-2501');
  });

  it('moves a case to its closing month in history when it closes, and back when it reopens', async () => {
    let store = await openStore();
    await store.create(openCase('RD-1001', 13));
    const closed = await store.append('RD-1001', resolvedAndClosed('RD-1001', 14, '2026-11-20T10:00:00.000Z'));
    expect(store.openCases()).toEqual([]);
    expect(await readdir(path.join(dir, 'active'))).toEqual([]);
    expect(await json('history/2026-11.001.json')).toEqual({ schemaVersion: 1, cases: [closed] });
    // The index keeps the closed case's summary too, so a list over every case reads only the index.
    expect(await json('history/index/RD-1.json')).toEqual({
      schemaVersion: 2,
      entries: {
        'RD-1001': {
          partition: '2026-11.001',
          closedAt: '2026-11-20T10:00:00.000Z',
          summary: {
            title: 'Checkout API returns 502 for EU tenants after the 4.12 rollout',
            customer: 'Northwind Logistics',
            plan: 'Enterprise',
            severity: 'P2',
            owner: 'Dana Reyes',
            loggedAt: closed.events[0]!.at,
            updatedAt: '2026-11-20T10:00:00.000Z',
          },
        },
      },
    });

    store = await reopen(store);
    expect(await store.get('RD-1001')).toEqual(closed);
    const again = await store.append('RD-1001', [reopened('RD-1001', 16)]);
    expect(store.openCases()).toEqual([again]);
    expect(await store.history({ limit: 10 })).toEqual({ total: 0, cases: [] });
    expect((await store.verify()).problems).toEqual([]);
  });

  it('keeps a closed case in history when feedback arrives after closing', async () => {
    const store = await openStore();
    await store.create(closedCase('RD-1001'));
    const withFeedback = await store.append('RD-1001', [event('RD-1001', 16, 'feedbackReceived', { rating: 5, comment: 'Quick and clear.' })]);
    expect(store.openCases()).toEqual([]);
    expect(await store.get('RD-1001')).toEqual(withFeedback);
  });

  it('lists history newest closure first, a page at a time, across partitions', async () => {
    const store = await openStore({ partitionSize: 2 });
    const closings = ['2026-09-03', '2026-10-01', '2026-10-09', '2026-10-20', '2026-11-02'];
    for (const [i, day] of closings.entries()) await store.create(closedCase(`RD-${1001 + i}`, 15, `${day}T10:00:00.000Z`));
    const first = await store.history({ limit: 2 });
    const rest = await store.history({ limit: 10, offset: 2 });
    expect(first.total).toBe(5);
    expect([...first.cases, ...rest.cases].map((c) => c.id)).toEqual(['RD-1005', 'RD-1004', 'RD-1003', 'RD-1002', 'RD-1001']);
    expect((await readdir(path.join(dir, 'history'))).filter((f) => f.endsWith('.json')).sort()).toEqual([
      '2026-09.001.json',
      '2026-10.001.json',
      '2026-10.002.json',
      '2026-11.001.json',
      'summary.json',
    ]);
  });

  it('never reads history partitions at open, only when a closed case is asked for', async () => {
    let store = await openStore();
    await store.create(closedCase('RD-1001', 15, '2026-11-20T10:00:00.000Z'));
    store = await reopen(store);
    await store.close();
    await writeFile(path.join(dir, 'history', '2026-11.001.json'), 'not json');
    store = await openStore();
    expect(store.report().corrupt).toEqual([]);
    await expect(store.get('RD-1001')).rejects.toMatchObject({ name: 'StorageDamageError' });
    expect(store.report().corrupt.map((c) => path.basename(c.file))).toEqual(['2026-11.001.json']);
  });

  it('finishes a close cut short by a crash: a case in both places ends up once, in history', async () => {
    let store = await openStore();
    const closed = closedCase('RD-1001');
    await store.create(closed);
    await store.close();
    await writeFile(path.join(dir, 'active', 'RD-1001.json'), JSON.stringify({ schemaVersion: 1, case: closed }));
    store = await openStore();
    expect(store.openCases()).toEqual([]);
    expect(await store.get('RD-1001')).toEqual(closed);
    expect((await store.verify()).problems).toEqual([]);
  });

  it('finishes a reopen cut short by a crash: the copy with more events wins', async () => {
    let store = await openStore();
    const closed = closedCase('RD-1001');
    await store.create(closed);
    await store.close();
    const reopenedCase = { id: 'RD-1001', events: [...closed.events, reopened('RD-1001', 16)] };
    await writeFile(path.join(dir, 'active', 'RD-1001.json'), JSON.stringify({ schemaVersion: 1, case: reopenedCase }));
    store = await openStore();
    expect(store.openCases()).toEqual([reopenedCase]);
    expect(await store.history({ limit: 5 })).toEqual({ total: 0, cases: [] });
    expect((await store.verify()).problems).toEqual([]);
  });

  it('refuses commands before open() and after close()', async () => {
    const store = createFileCaseStore({ dir });
    await expect(store.nextCaseId()).rejects.toMatchObject({ code: 'STORE_NOT_OPEN' });
    await store.open();
    await store.close();
    await expect(store.append('RD-1001', [note('RD-1001', 2)])).rejects.toMatchObject({ code: 'STORE_CLOSED' });
  });

  it('verify reports a case found in two history partitions', async () => {
    const store = await openStore();
    const closed = closedCase('RD-1001', 15, '2026-11-20T10:00:00.000Z');
    await store.create(closed);
    await writeFile(path.join(dir, 'history', '2026-10.001.json'), JSON.stringify({ schemaVersion: 1, cases: [closed] }));
    expect([...(await store.verify()).problems].sort()).toEqual([
      'case RD-1001 is in both history/2026-10.001.json and history/2026-11.001.json',
      'history/2026-10.001.json: case RD-1001 is not indexed to 2026-10.001',
      'history/summary.json: counts 0 cases in 2026-10.001, the partition holds 1',
    ]);
  });
});
