import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import { openDocument, setAside } from '../../../src-main/core/storage';
import { recordDurableFs } from './fixtures/recording-fs';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rd-set-aside-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOW = Date.UTC(2026, 10, 26, 15, 51, 6, 123);

describe('setAside', () => {
  it('moves the file to <name>.corrupt-<when>, byte for byte, and says which file, where it went and why', async () => {
    const file = path.join(dir, 'RD-1001.json');
    await writeFile(file, '{"schemaVersion":1,"case":');
    const backup = path.join(dir, 'backups', '2026-11-26', 'RD-1001.json');

    const set = await setAside(file, 'is not valid JSON', { now: NOW, latestBackup: async (of) => (of === file ? backup : undefined) });

    expect(set).toEqual({ file, movedTo: `${file}.corrupt-20261126T155106123Z`, reason: 'RD-1001.json: is not valid JSON', latestBackup: backup });
    expect(await readdir(dir)).toEqual(['RD-1001.json.corrupt-20261126T155106123Z']);
    expect(await readFile(set.movedTo, 'utf8')).toBe('{"schemaVersion":1,"case":');
  });

  it('reports no backup when there is none', async () => {
    const file = path.join(dir, 'meta.json');
    await writeFile(file, 'x');
    expect(await setAside(file, 'is not a JSON object', { now: NOW })).not.toHaveProperty('latestBackup');
  });

  it('makes the copy durable: after the rename it fsyncs the copy, then the directory, before it returns', async () => {
    const file = path.join(dir, 'RD-1001.json');
    await writeFile(file, 'damaged');
    const { fs, calls } = recordDurableFs(dir);

    await setAside(file, 'holds case RD-1002, not RD-1001', { now: NOW, fs });

    const copy = 'RD-1001.json.corrupt-20261126T155106123Z';
    expect(calls.slice(calls.indexOf(`rename RD-1001.json -> ${copy}`))).toEqual([
      `rename RD-1001.json -> ${copy}`,
      `open ${copy}`,
      `fsync ${copy}`,
      `close ${copy}`,
      'open DIR',
      'fsync DIR',
      'close DIR',
    ]);
  });

  it('never overwrites an earlier copy set aside at the same instant: the next one takes -2, then -3', async () => {
    const file = path.join(dir, 'RD-1001.json');
    for (const text of ['first', 'second', 'third']) {
      await writeFile(file, text);
      await setAside(file, 'is not valid JSON', { now: NOW });
    }
    const copy = 'RD-1001.json.corrupt-20261126T155106123Z';
    expect((await readdir(dir)).sort()).toEqual([copy, `${copy}-2`, `${copy}-3`]);
    expect(await readFile(path.join(dir, copy), 'utf8')).toBe('first');
    expect(await readFile(path.join(dir, `${copy}-2`), 'utf8')).toBe('second');
    expect(await readFile(path.join(dir, `${copy}-3`), 'utf8')).toBe('third');
  });

  it('leaves the file where it was when the rename fails, and says so', async () => {
    const file = path.join(dir, 'RD-1001.json');
    await writeFile(file, 'damaged');
    const { fs } = recordDurableFs(dir, (call) => call.startsWith('rename'));
    await expect(setAside(file, 'is not valid JSON', { now: NOW, fs })).rejects.toThrow(/injected failure at rename/);
    expect(await readdir(dir)).toEqual(['RD-1001.json']);
    expect(await readFile(file, 'utf8')).toBe('damaged');
  });

  it('keeps both copies when a document is found damaged twice at the same instant (openDocument sets aside through it)', async () => {
    const file = path.join(dir, 'settings.json');
    const spec = { path: file, schema: z.object({ schemaVersion: z.literal(1) }), version: 1, migrations: [], now: () => NOW };
    await writeFile(file, 'first damage');
    expect((await openDocument(spec)).corrupt?.movedTo).toBe(`${file}.corrupt-20261126T155106123Z`);
    await writeFile(file, 'second damage');
    expect((await openDocument(spec)).corrupt?.movedTo).toBe(`${file}.corrupt-20261126T155106123Z-2`);
    expect(await readFile(`${file}.corrupt-20261126T155106123Z`, 'utf8')).toBe('first damage');
    expect(await readFile(`${file}.corrupt-20261126T155106123Z-2`, 'utf8')).toBe('second damage');
  });
});
