import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { toDeskError } from '../../../src-main/core/errors';
import { createFileCaseStore } from '../../../src-main/core/storage';
import { nodeJournalFs, type JournalFs } from '../../../src-main/core/storage/journal-fs';
import { note, openCase } from './fixtures/cases';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rd-full-disk-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The real file system, except that while `full` every write of the journal fails as a full disk does. */
function fillableFs(): { fs: JournalFs; fill(full: boolean): void } {
  let full = false;
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  const fs: JournalFs = {
    ...nodeJournalFs,
    async writeAt(fd, data, position) {
      if (full) throw enospc();
      await nodeJournalFs.writeAt(fd, data, position);
    },
  };
  return { fs, fill: (value) => void (full = value) };
}

const walFiles = async () => (await readdir(path.join(dir, 'journal'))).filter((name) => name.endsWith('.wal')).sort();

describe('a full disk', () => {
  it('fails each command with the disk-full sentence, leaves no empty journal files behind, and loses nothing confirmed', async () => {
    const { fs, fill } = fillableFs();
    const store = createFileCaseStore({ dir, clock: { now: () => Date.UTC(2026, 10, 26, 12) }, journalFs: fs });
    await store.open();
    await store.create(openCase('RD-1001', 3));
    const holding = await walFiles();
    fill(true);
    for (let attempt = 0; attempt < 6; attempt++) {
      const refused = await store.append('RD-1001', [note('RD-1001', 4)]).catch((error: unknown) => error);
      expect(toDeskError(refused, 'cases.act').error).toEqual({ code: 'STORAGE', message: expect.stringMatching(/^The disk is full: the change was not saved\. Free some space and try again\. \(ENOSPC/) });
    }
    // The journal that holds the confirmed create, and the one the next command will use: nothing else.
    const files = await walFiles();
    expect(files).toHaveLength(2);
    expect(files).toContain(holding[0]);
    expect(store.openCase('RD-1001')?.events).toHaveLength(3);

    fill(false);
    await store.append('RD-1001', [note('RD-1001', 4)]);
    // Killed here: the next start replays both journals.
    const after = createFileCaseStore({ dir, clock: { now: () => Date.UTC(2026, 10, 26, 13) } });
    await after.open();
    expect(after.openCase('RD-1001')?.events.map((event) => event.seq)).toEqual([1, 2, 3, 4]);
    expect(after.report().corrupt).toEqual([]);
    expect(await walFiles()).toHaveLength(1);
    await after.close();
  });
});
