import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createFileCaseStore, type FileCaseStore } from '../../../src-main/core/storage';
import type { CaseRecord } from '../../../src-shared/domain';
import { closedCase, event, note, openCase, reopened, resolvedAndClosed } from './fixtures/cases';

/**
 * The staged copy an import of many cases writes into (stageCases): cases move between the open
 * cases and the history as their new timelines say, new closed cases fill partitions by month,
 * and only a commit makes any of it the data, every file consistent with the others.
 */
let dir: string;
let store: FileCaseStore;
const now = Date.UTC(2026, 10, 30, 12);
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rd-staging-'));
  store = createFileCaseStore({ dir, clock: { now: () => now }, partitionSize: 3 });
  await store.open();
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function closedIn(id: string, month: string): CaseRecord {
  return closedCase(id, 6, `${month}-15T10:00:00.000Z`);
}

async function reopen(): Promise<FileCaseStore> {
  await store.close();
  store = createFileCaseStore({ dir, clock: { now: () => now }, partitionSize: 3 });
  await store.open();
  return store;
}

describe('staging an import of many cases', () => {
  it('new open and closed cases, a case closed by the import, one reopened and one changed in history land consistently on commit', async () => {
    await store.create(openCase('RD-1001', 3));
    await store.create(closedIn('RD-1002', '2026-09'));
    await store.create(closedIn('RD-1003', '2026-09'));
    const open = openCase('RD-1001', 3);
    const closedNow = { id: 'RD-1001', events: [...open.events, ...resolvedAndClosed('RD-1001', 4, '2026-11-20T10:00:00.000Z')] };
    const reopenedCase = { id: 'RD-1002', events: [...closedIn('RD-1002', '2026-09').events, reopened('RD-1002', 7)] };
    const changedInHistory = { id: 'RD-1003', events: [...closedIn('RD-1003', '2026-09').events, event('RD-1003', 7, 'feedbackReceived', { rating: 5, comment: 'Thanks' })] };
    // Eight new closed cases over two months (partitions of 3) and two new open ones, in batches.
    const fresh = [
      ...['2026-10', '2026-11', '2026-10', '2026-10', '2026-11', '2026-10', '2026-10', '2026-11'].map((month, i) => closedIn(`RD-${1004 + i}`, month)),
      openCase('RD-1012', 4),
      openCase('RD-1013', 2),
    ];
    const seen: string[] = [];
    const { backup, value } = await store.stageCases(async (staging) => {
      await staging.eachCase((record) => seen.push(record.id));
      await staging.put([closedNow, reopenedCase, changedInHistory, ...fresh.slice(0, 4)]);
      // What was put reads back before the commit, from wherever it waits.
      expect((await staging.get('RD-1004'))?.id).toBe('RD-1004');
      expect((await staging.get('RD-1002'))?.events).toHaveLength(7);
      await staging.put(fresh.slice(4));
      return { value: 'done', commit: { nextNumber: 1014 } };
    });
    expect(value).toBe('done');
    expect(backup).toMatch(/backups\/2026-11-30-before-import-/);
    expect(seen.sort()).toEqual(['RD-1001', 'RD-1002', 'RD-1003']);

    for (const next of [async () => store, reopen]) {
      const current = await next();
      expect((await current.verify()).problems).toEqual([]);
      const all = (await current.exportCases()).cases;
      expect(all.map((record) => record.id)).toEqual(Array.from({ length: 13 }, (_, i) => `RD-${1001 + i}`));
      expect(all.find((record) => record.id === 'RD-1003')).toEqual(changedInHistory);
      expect(current.openCases().map((record) => record.id).sort()).toEqual(['RD-1002', 'RD-1012', 'RD-1013']);
      expect((await current.exportCases()).nextNumber).toBe(1014);
    }
    // New partitions after the month's last one; none over the partition size.
    const partitions = (await readdir(path.join(dir, 'history'))).filter((name) => /^\d{4}-\d{2}\.\d{3}\.json$/.test(name)).sort();
    expect(partitions).toEqual(['2026-09.001.json', '2026-10.001.json', '2026-10.002.json', '2026-11.001.json', '2026-11.002.json']);
    expect(await readdir(dir)).not.toContain('import-staging');
  });

  it('work that throws, or decides not to commit, leaves the data as it was and no staging behind', async () => {
    await store.create(openCase('RD-1001', 3));
    await expect(
      store.stageCases(async (staging) => {
        await staging.put([closedIn('RD-1002', '2026-10'), { id: 'RD-1001', events: [...openCase('RD-1001', 3).events, note('RD-1001', 4)] }]);
        throw new Error('the file turned out bad at its end');
      }),
    ).rejects.toThrow('the file turned out bad at its end');
    expect(await store.stageCases(async (staging) => {
      await staging.put([closedIn('RD-1002', '2026-10')]);
      return { value: 0, commit: null };
    })).toEqual({ backup: null, value: 0 });
    expect((await store.exportCases()).cases).toEqual([openCase('RD-1001', 3)]);
    expect(await readdir(dir)).not.toContain('import-staging');
    expect(await readdir(dir)).not.toContain('backups');
    expect((await (await reopen()).exportCases()).cases).toEqual([openCase('RD-1001', 3)]);
  });

  it('committed with "close", the store closes instead of reading the open cases again, and the import is whole on the next open', async () => {
    await store.create(openCase('RD-1001', 3));
    const { value } = await store.stageCases(async (staging) => {
      await staging.put([openCase('RD-1002', 2), closedIn('RD-1003', '2026-10')]);
      return { value: 'done', commit: { nextNumber: 1004 } };
    }, undefined, 'close');
    expect(value).toBe('done');
    // Closed: nothing more is read or written through it (the command ends here).
    await expect(store.exportCases()).rejects.toThrow('The case store is closed');
    expect(store.openCases()).toEqual([]);
    const next = await reopen();
    expect((await next.verify()).problems).toEqual([]);
    expect((await next.exportCases()).cases.map((record) => record.id)).toEqual(['RD-1001', 'RD-1002', 'RD-1003']);
    expect(next.openCases().map((record) => record.id).sort()).toEqual(['RD-1001', 'RD-1002']);
    expect((await next.exportCases()).nextNumber).toBe(1004);
  });

  it('refuses a counter that is not above the cases it staged, and changes nothing', async () => {
    await expect(store.stageCases(async (staging) => {
      await staging.put([openCase('RD-1005', 2)]);
      return { value: 0, commit: { nextNumber: 1005 } };
    })).rejects.toThrow('The counter 1005 is not above the imported case RD-1005.');
    expect((await store.exportCases()).cases).toEqual([]);
  });
});
