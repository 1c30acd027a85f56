import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DeskHandlers } from '../../../src-shared/contract';
import { MAX_CASE_NUMBER } from '../../../src-shared/domain';
import { dispatch } from '../../../src-main/core/dispatch';
import { toDeskError } from '../../../src-main/core/errors';
import { createFileCaseStore, type FileCaseStore } from '../../../src-main/core/storage';
import { note, openCase } from './fixtures/cases';

let dir: string;
const stores: FileCaseStore[] = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rd-identity-'));
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function openStore(): Promise<FileCaseStore> {
  const store = createFileCaseStore({ dir, clock: { now: () => Date.UTC(2026, 10, 26, 12) } });
  stores.push(store);
  await store.open();
  return store;
}

describe('identity holds', () => {
  it('hands out the last case number, then refuses with a clear error instead of stopping', async () => {
    await writeFile(path.join(dir, 'meta.json'), JSON.stringify({ schemaVersion: 2, prefix: 'RD', nextNumber: MAX_CASE_NUMBER }));
    const store = await openStore();
    expect(await store.nextCaseId()).toBe(`RD-${MAX_CASE_NUMBER}`);
    const refused = await store.nextCaseId().catch((error: unknown) => error);
    expect(toDeskError(refused, 'cases.create').error).toEqual({ code: 'NOT_ALLOWED', message: `No case number is left: RD-${MAX_CASE_NUMBER} was the last one, and ids are never reused.` });
  });

  it('reads a counter past the documented maximum as damage, and carries on above the stored cases', async () => {
    const before = await openStore();
    await before.create(openCase('RD-1001', 3));
    await before.close();
    await writeFile(path.join(dir, 'meta.json'), JSON.stringify({ schemaVersion: 2, prefix: 'RD', nextNumber: Number.MAX_SAFE_INTEGER }));
    const after = await openStore();
    expect(after.report().corrupt.map((c) => c.reason)).toEqual([expect.stringMatching(/^meta\.json: nextNumber: nextNumber is at most 1000000000/)]);
    expect(await after.nextCaseId()).toBe('RD-1002');
  });

  it('reads a case file whose content names another case as damage: it neither hides that case nor takes its writes', async () => {
    const before = await openStore();
    await before.create(openCase('RD-1001', 3));
    await before.create(openCase('RD-1002', 4));
    await before.close();
    // RD-1002's file now holds RD-1001 (an older copy, with fewer events than RD-1001 will have).
    await copyFile(path.join(dir, 'active', 'RD-1001.json'), path.join(dir, 'active', 'RD-1002.json'));
    const after = await openStore();
    expect(after.report().corrupt).toEqual([
      expect.objectContaining({ file: path.join(dir, 'active', 'RD-1002.json'), reason: 'RD-1002.json: holds case RD-1001, not RD-1002', movedTo: expect.stringMatching(/RD-1002\.json\.corrupt-/) }),
    ]);
    expect(after.openCases().map((c) => c.id)).toEqual(['RD-1001']);
    await after.append('RD-1001', [note('RD-1001', 4)]);
    await after.close();
    const file = JSON.parse(await readFile(path.join(dir, 'active', 'RD-1001.json'), 'utf8')) as { case: { events: unknown[] } };
    expect(file.case.events).toHaveLength(4);
  });
});

describe('ids at the contract', () => {
  const untouchable = new Proxy({}, { get: () => () => Promise.reject(new Error('a handler ran')) }) as DeskHandlers;

  it.each([
    ['a 100,000-character id', `RD-${'1'.repeat(100_000)}`],
    ['a leading zero', 'RD-01001'],
    ['case number 0', 'RD-0'],
    ['a number past the maximum', `RD-${MAX_CASE_NUMBER + 1}`],
    ['lower case', 'rd-1001'],
  ])('refuses %s as invalid input, before any handler, and logs one short line', async (_, id) => {
    const lines: string[] = [];
    const log = { warn: (message: string) => lines.push(message), error: (message: string) => lines.push(message) };
    const result = await dispatch(untouchable, 'cases.get', { id }, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: expect.arrayContaining([expect.objectContaining({ path: 'id' })]) } });
    if (!result.ok) expect(JSON.stringify(result.error).length).toBeLessThan(600);
    expect(lines).toEqual(['refused cases.get: invalid input']);
  });

  it('accepts a canonical id', async () => {
    const handlers = { 'cases.get': async ({ id }: { id: string }) => ({ id }) } as unknown as DeskHandlers;
    expect(await dispatch(handlers, 'cases.get', { id: `RD-${MAX_CASE_NUMBER}` }, { warn: () => undefined, error: () => undefined })).toEqual({ ok: true, value: { id: `RD-${MAX_CASE_NUMBER}` } });
  });
});
