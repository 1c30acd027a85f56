import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DurableTextFile } from '../../../src-main/core/storage';
import { recordDurableFs } from './fixtures/recording-fs';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rd-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const recordingFs = (failOn?: (call: string) => boolean) => recordDurableFs(dir, failOn);

describe('DurableTextFile', () => {
  it('writes a temp file, fsyncs it, renames it over the target, then fsyncs the directory', async () => {
    const { fs, calls } = recordingFs();
    const file = new DurableTextFile(path.join(dir, 'cases.json'), fs);
    await file.write('{"a":1}');
    expect(calls).toEqual(['open TEMP', 'write TEMP', 'fsync TEMP', 'close TEMP', 'rename TEMP -> cases.json', 'open DIR', 'fsync DIR', 'close DIR']);
    expect(await readFile(path.join(dir, 'cases.json'), 'utf8')).toBe('{"a":1}');
  });

  it('leaves the previous file intact and no temp file behind when a write fails before the rename', async () => {
    const target = path.join(dir, 'cases.json');
    await writeFile(target, 'previous');
    const { fs } = recordingFs((call) => call === 'fsync TEMP');
    await expect(new DurableTextFile(target, fs).write('next')).rejects.toThrow(/injected failure at fsync TEMP/);
    expect(await readFile(target, 'utf8')).toBe('previous');
    expect(await readdir(dir)).toEqual(['cases.json']);
  });

  it('runs writes to one file one after another, in call order', async () => {
    const { fs, calls } = recordingFs();
    const file = new DurableTextFile(path.join(dir, 'cases.json'), fs);
    await Promise.all(['1', '2', '3'].map((text) => file.write(text)));
    const renames = calls.map((call, i) => [call, i] as const).filter(([call]) => call.startsWith('rename'));
    const opens = calls.map((call, i) => [call, i] as const).filter(([call]) => call === 'open TEMP');
    expect(opens[1][1]).toBeGreaterThan(calls.indexOf('fsync DIR'));
    expect(renames).toHaveLength(3);
    expect(await readFile(path.join(dir, 'cases.json'), 'utf8')).toBe('3');
  });

  it('reads a missing file as null', async () => {
    expect(await new DurableTextFile(path.join(dir, 'missing.json')).read()).toBeNull();
  });
});
