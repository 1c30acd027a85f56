import { constants } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createFileCaseStore, type FileCaseStore } from '../../../src-main/core/storage';
import { decodeRecords, encodeRecord, Journal, type JournalOp } from '../../../src-main/core/storage/journal';
import { nodeJournalFs, type JournalFs } from '../../../src-main/core/storage/journal-fs';
import { note, openCase, resolvedAndClosed } from './fixtures/cases';

let dir: string;
const open: Array<FileCaseStore | Journal> = [];
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rd-journal-'));
});
afterEach(async () => {
  // Stores left open on purpose stand for a killed process; their descriptors are just dropped.
  open.splice(0);
  await rm(dir, { recursive: true, force: true });
});

/**
 * Real node:fs with each call logged by kind and file name, and an optional injected failure.
 * `syncedWrites: false` stands for a platform without O_DSYNC (Windows).
 */
function recordingFs(failOn?: (call: string) => boolean, syncedWrites = nodeJournalFs.syncedWrites): { fs: JournalFs; calls: string[]; written: number[] } {
  const calls: string[] = [];
  const written: number[] = [];
  const names = new Map<number, string>();
  const name = (p: string) => (p === dir ? 'DIR' : p === path.join(dir, 'journal') ? 'JOURNAL_DIR' : path.basename(p).endsWith('.tmp') ? 'TEMP' : path.basename(p));
  const log = (call: string) => {
    calls.push(call);
    if (failOn?.(call)) throw Object.assign(new Error(`injected failure at ${call}`), { code: 'EIO' });
  };
  const fs: JournalFs = {
    ...nodeJournalFs,
    syncedWrites,
    async open(p, flags) {
      const fd = await nodeJournalFs.open(p, flags);
      names.set(fd, name(p));
      return fd;
    },
    async create(p) {
      log(`create ${name(p)}`);
      const fd = await nodeJournalFs.create(p);
      names.set(fd, 'WAL');
      return fd;
    },
    async writeAt(fd, data, position) {
      log(`writeAt ${names.get(fd)}`);
      written.push(data.length);
      await nodeJournalFs.writeAt(fd, data, position);
    },
    async datasync(fd) {
      log(`datasync ${names.get(fd)}`);
      await nodeJournalFs.datasync(fd);
    },
    async fsync(fd) {
      log(`fsync ${names.get(fd)}`);
      await nodeJournalFs.fsync(fd);
    },
    async rename(from, to) {
      log(`rename ${name(from)} -> ${name(to)}`);
      await nodeJournalFs.rename(from, to);
    },
  };
  return { fs, calls, written };
}

async function openStore(options: { journalLimitBytes?: number } = {}): Promise<FileCaseStore> {
  const store = createFileCaseStore({ dir, clock: { now: () => Date.UTC(2026, 10, 26, 12) }, ...options });
  open.push(store);
  await store.open();
  return store;
}

const walFiles = async () => (await readdir(path.join(dir, 'journal'))).filter((name) => name.endsWith('.wal'));
const activeJson = async (id: string) => JSON.parse(await readFile(path.join(dir, 'active', `${id}.json`), 'utf8')) as { case: { events: Array<{ seq: number }> } };

describe('write-ahead journal', () => {
  it('opens its files for synchronous writes where the platform has O_DSYNC (Linux, macOS)', async () => {
    expect(nodeJournalFs.syncedWrites).toBe(typeof constants.O_DSYNC === 'number');
    if (process.platform !== 'linux') return;
    expect(nodeJournalFs.syncedWrites).toBe(true);
    // The kernel's own record of how the descriptor was opened.
    const fd = await nodeJournalFs.create(path.join(dir, 'probe.wal'));
    try {
      const flags = Number.parseInt(/^flags:\s*([0-7]+)$/m.exec(await readFile(`/proc/self/fdinfo/${fd}`, 'utf8'))![1]!, 8);
      expect(flags & constants.O_DSYNC).toBe(constants.O_DSYNC);
    } finally {
      await nodeJournalFs.close(fd);
    }
  });

  it.each([
    ['one synchronous write', true, ['writeAt WAL']],
    ['a write and an fdatasync without O_DSYNC', false, ['writeAt WAL', 'datasync WAL']],
  ])('makes a record durable with %s, and touches no data file until the checkpoint', async (_, synced, expected) => {
    const { fs, calls } = recordingFs(undefined, synced);
    await writeFile(path.join(dir, 'a.json'), '{"list":[1]}');
    const { journal } = await Journal.open({ dir, fs });
    calls.length = 0;
    await journal.record({ op: 'append', file: 'a.json', at: ['list'], from: 1, items: [2] }, () => '{"list":[1,2]}');
    expect(calls).toEqual(expected);
    expect(await readFile(path.join(dir, 'a.json'), 'utf8')).toBe('{"list":[1]}');
    await journal.checkpoint();
    expect(await readFile(path.join(dir, 'a.json'), 'utf8')).toBe('{"list":[1,2]}');
    expect(calls).toContain('rename TEMP -> a.json');
    await journal.close();
    expect(await readdir(path.join(dir, 'journal'))).toEqual([]);
  });

  it.each([
    ['its synchronous write', true, 'writeAt'],
    ['its fdatasync without O_DSYNC', false, 'datasync'],
  ] as const)('resolves a record only once %s has returned', async (_, syncedWrites, held) => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const fs: JournalFs = {
      ...nodeJournalFs,
      syncedWrites,
      async [held](...args: [number, Buffer, number]) {
        if (holding) await gate;
        await (nodeJournalFs[held] as (...a: typeof args) => Promise<void>)(...args);
      },
    };
    const { journal } = await Journal.open({ dir, fs });
    holding = true;
    let done = false;
    const recorded = journal.record({ op: 'put', file: 'a.json', text: '{}' }, () => '{}').then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    release();
    await recorded;
    expect(done).toBe(true);
    await journal.close();
  });

  it('sends records that arrive during a write together in the next one (group commit)', async () => {
    const { fs, calls } = recordingFs();
    const { journal } = await Journal.open({ dir, fs });
    calls.length = 0;
    await Promise.all(Array.from({ length: 20 }, (_, i) => journal.record({ op: 'put', file: `f${i}.json`, text: `{"n":${i}}` }, () => `{"n":${i}}`)));
    const syncs = calls.filter((call) => call === 'writeAt WAL').length;
    expect(syncs).toBeGreaterThanOrEqual(1);
    expect(syncs).toBeLessThan(20);
    await journal.close();
    expect(await readFile(path.join(dir, 'f19.json'), 'utf8')).toBe('{"n":19}');
  });

  it('replays what a killed process journaled into the files at the next open, then deletes the journal', async () => {
    const before = await openStore();
    await before.create(openCase('RD-1001', 3));
    const appended = await before.append('RD-1001', [note('RD-1001', 4)]);
    expect(await walFiles()).toHaveLength(1);
    // No close: the process is gone. A second store opens the same directory.
    const after = await openStore();
    expect(after.openCases()).toEqual([appended]);
    expect((await activeJson('RD-1001')).case.events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(await walFiles()).toHaveLength(1); // the new run's own journal: its first chunk of zeros, no record
    expect(decodeRecords(await readFile(path.join(dir, 'journal', (await walFiles())[0]!)))).toEqual({ ops: [], end: 0 });
    expect((await after.verify()).problems).toEqual([]);
  });

  it('replays a removal, so a case moved to the history does not come back as open', async () => {
    const before = await openStore();
    await before.create(openCase('RD-1001', 3));
    await before.append('RD-1001', resolvedAndClosed('RD-1001', 4, '2026-11-26T11:00:00.000Z'));
    const after = await openStore();
    expect(after.openCases()).toEqual([]);
    expect((await after.get('RD-1001'))?.events).toHaveLength(5);
    expect((await after.verify()).problems).toEqual([]);
  });

  it('drops a torn last record silently: its command was never acknowledged', async () => {
    const before = await openStore();
    await before.create(openCase('RD-1001', 3));
    const wal = path.join(dir, 'journal', (await walFiles())[0]!);
    const torn = encodeRecord({ op: 'append', file: 'active/RD-1001.json', at: ['case', 'events'], from: 3, items: [note('RD-1001', 4)] });
    // Written where the records end, into the zeros ahead of them, cut short.
    const bytes = await readFile(wal);
    torn.subarray(0, torn.length - 5).copy(bytes, decodeRecords(bytes).end);
    await writeFile(wal, bytes);
    const after = await openStore();
    expect(after.report().corrupt).toEqual([]);
    expect(after.openCase('RD-1001')?.events).toHaveLength(3);
  });

  it('moves a journal damaged before its end aside, reports it, and applies every record before the damage', async () => {
    const before = await openStore();
    await before.create(openCase('RD-1001', 3));
    await before.append('RD-1001', [note('RD-1001', 4)]);
    await before.append('RD-1001', [note('RD-1001', 5)]);
    const wal = path.join(dir, 'journal', (await walFiles())[0]!);
    const bytes = await readFile(wal);
    const { ops, end } = decodeRecords(bytes);
    const lastLength = encodeRecord(ops.at(-1)!).length;
    bytes[end - lastLength - 3] ^= 0xff; // inside the second-to-last record
    await writeFile(wal, bytes);
    const after = await openStore();
    const corrupt = after.report().corrupt;
    expect(corrupt).toHaveLength(1);
    expect(corrupt[0]!.reason).toMatch(/^journal\/\d+\.wal: record 3 at byte \d+ fails its checksum/);
    expect(corrupt[0]!.movedTo).toMatch(/\.wal\.corrupt-20261126T120000000Z$/);
    expect(after.openCase('RD-1001')?.events).toHaveLength(3);
  });

  it('gives the same files when a journal is replayed twice (a crash during the replay)', async () => {
    const before = await openStore();
    await before.create(openCase('RD-1001', 3));
    await before.append('RD-1001', [note('RD-1001', 4)]);
    const walDir = path.join(dir, 'journal');
    const saved = await readFile(path.join(walDir, (await walFiles())[0]!));
    const first = await openStore();
    const once = first.openCase('RD-1001');
    // The replay wrote the files; put the old journal back as if it had not been deleted yet.
    await writeFile(path.join(walDir, '000000000000.wal'), saved);
    const second = await openStore();
    expect(second.openCase('RD-1001')).toEqual(once);
    expect(once?.events).toHaveLength(4);
  });

  it('replays over a checkpoint that was cut short after it had already removed a file the journal still appends to', async () => {
    await writeFile(path.join(dir, 'a.json'), '{"list":[1]}');
    const { journal } = await Journal.open({ dir });
    await journal.record({ op: 'append', file: 'a.json', at: ['list'], from: 1, items: [2] }, () => '{"list":[1,2]}');
    await journal.record({ op: 'remove', file: 'a.json' }, () => null);
    // The checkpoint removed a.json, then the process died before it deleted the journal.
    await rm(path.join(dir, 'a.json'));
    const { journal: next, corrupt } = await Journal.open({ dir });
    expect(corrupt).toEqual([]);
    await expect(stat(path.join(dir, 'a.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    await next.close();
  });

  it('reports events for a file that no record of the journal creates and that is not on disk', async () => {
    const { journal } = await Journal.open({ dir });
    await journal.record({ op: 'append', file: 'gone.json', at: ['list'], from: 1, items: [2] }, () => '{"list":[1,2]}');
    const { journal: next, corrupt } = await Journal.open({ dir });
    expect(corrupt.map((c) => c.reason)).toEqual([expect.stringMatching(/^journal\/\d+\.wal: events for gone\.json, which does not exist/)]);
    await next.close();
  });

  it('checkpoints in the background once the journal passes its limit, while appends go on into a fresh one', async () => {
    const store = await openStore({ journalLimitBytes: 2048 });
    await store.create(openCase('RD-1001', 3));
    let last;
    for (let seq = 4; seq < 40; seq++) last = await store.append('RD-1001', [note('RD-1001', seq)]);
    await store.verify(); // waits for the checkpoint and runs one more
    expect((await activeJson('RD-1001')).case.events).toHaveLength(39);
    expect(store.openCase('RD-1001')).toEqual(last);
    expect(await walFiles()).toHaveLength(1);
  });

  it('writes zeros ahead of its records a chunk at a time, in the same write as the record that needs the room', async () => {
    const { fs, calls, written } = recordingFs();
    const { journal } = await Journal.open({ dir, fs, preallocateBytes: 4096 });
    const wal = path.join(dir, 'journal', (await walFiles())[0]!);
    const text = JSON.stringify({ note: 'x'.repeat(1500) });
    calls.length = 0;
    const sizes: number[] = [];
    for (let i = 0; i < 6; i++) {
      await journal.record({ op: 'put', file: `f${i}.json`, text }, () => text);
      sizes.push((await stat(wal)).size);
    }
    // ~1.5 KiB records: the file grows by 4 KiB when a record passes the zeros, and only then.
    expect(sizes).toEqual([4096, 4096, 8192, 8192, 8192, 12288]);
    expect(calls.filter((call) => call.startsWith('writeAt'))).toHaveLength(6);
    // The first chunk is written at open; a record that fits goes into the zeros alone; one that passes them brings the next chunk.
    const record = encodeRecord({ op: 'put', file: 'f0.json', text }).length;
    expect(written).toEqual([4096, record, record, 8192 - 2 * record, record, record, 12288 - 5 * record]);
    const bytes = await readFile(wal);
    const decoded = decodeRecords(bytes);
    expect(decoded.ops).toHaveLength(6);
    expect(decoded.damage).toBeUndefined();
    expect(decoded.end).toBe(journal.size);
    expect(bytes.subarray(decoded.end).every((byte) => byte === 0)).toBe(true);
    // A record bigger than a chunk gets the room it needs; the next one brings a chunk of zeros.
    const big = JSON.stringify({ note: 'y'.repeat(10_000) });
    await journal.record({ op: 'put', file: 'big.json', text: big }, () => big);
    expect((await stat(wal)).size).toBe(journal.size);
    await journal.record({ op: 'put', file: 'f6.json', text }, () => text);
    expect((await stat(wal)).size).toBe(journal.size - encodeRecord({ op: 'put', file: 'f6.json', text }).length + 4096);
    // Killed here: the replay reads the records up to the zeros and writes every file.
    const { journal: next, corrupt } = await Journal.open({ dir });
    expect(corrupt).toEqual([]);
    expect(await readFile(path.join(dir, 'f5.json'), 'utf8')).toBe(text);
    expect(await readFile(path.join(dir, 'big.json'), 'utf8')).toBe(big);
    await next.close();
  });

  it('tells the zeros after the last record, and a record torn before them, from damage between records', () => {
    const first = encodeRecord({ op: 'put', file: 'a.json', text: '{"n":1}' });
    const second = encodeRecord({ op: 'put', file: 'b.json', text: '{"n":2}' });
    const zeros = Buffer.alloc(64);
    expect(decodeRecords(Buffer.concat([first, second, zeros]))).toEqual({ ops: [expect.objectContaining({ file: 'a.json' }), expect.objectContaining({ file: 'b.json' })], end: first.length + second.length });
    const torn = Buffer.concat([first, second.subarray(0, second.length - 4), zeros]);
    expect(decodeRecords(torn)).toEqual({ ops: [expect.objectContaining({ file: 'a.json' })], end: first.length });
    const flipped = Buffer.concat([first, second, first, zeros]);
    flipped[first.length + 10] ^= 0xff;
    expect(decodeRecords(flipped).damage).toBe(`record 2 at byte ${first.length} fails its checksum; reading went on at byte ${first.length + second.length}`);
    expect(decodeRecords(flipped).ops.map((op) => op.file)).toEqual(['a.json', 'a.json']);
    const gap = Buffer.concat([first, zeros, second]);
    expect(decodeRecords(gap)).toEqual({
      ops: [expect.objectContaining({ file: 'a.json' }), expect.objectContaining({ file: 'b.json' })],
      end: gap.length,
      damage: `record 2 at byte ${first.length} is empty; reading went on at byte ${first.length + zeros.length}`,
    });
  });

  it('reads a whole last record whose checksum fails as damage, not as a torn write: a torn write leaves zeros, and JSON has none', () => {
    const first = encodeRecord({ op: 'put', file: 'a.json', text: '{"n":1}' });
    const last = encodeRecord({ op: 'put', file: 'b.json', text: '{"n":2}' });
    const bytes = Buffer.concat([first, last, Buffer.alloc(64)]);
    bytes[first.length + 5] ^= 0x01; // the checksum of the last record
    expect(decodeRecords(bytes)).toEqual({
      ops: [expect.objectContaining({ file: 'a.json' })],
      end: first.length,
      damage: `record 2 at byte ${first.length} fails its checksum, and what follows it cannot be read`,
    });
    const claimsMore = Buffer.concat([first, last, Buffer.alloc(64)]);
    claimsMore.writeUInt32LE(1_000_000, first.length);
    expect(decodeRecords(claimsMore).damage).toBe(`record 2 at byte ${first.length} claims 1000000 bytes, more than the file holds, and what follows it cannot be read`);
  });

  it('after a failed synchronous write, rejects the command and journals the next write in a fresh file (the failed one, holding nothing, goes)', async () => {
    let failed = false;
    let armed = false;
    const { fs, calls } = recordingFs((call) => {
      if (!armed || failed || !call.startsWith('writeAt')) return false;
      return (failed = true);
    }, true);
    const { journal } = await Journal.open({ dir, fs });
    armed = true;
    await expect(journal.record({ op: 'put', file: 'a.json', text: '{"n":1}' }, () => '{"n":1}')).rejects.toThrow('injected failure at writeAt WAL');
    calls.length = 0;
    await journal.record({ op: 'put', file: 'a.json', text: '{"n":2}' }, () => '{"n":2}');
    expect(calls).toEqual(['create 000000000002.wal', 'fsync JOURNAL_DIR', 'writeAt WAL']);
    expect(await walFiles()).toEqual(['000000000002.wal']);
    const { journal: next } = await Journal.open({ dir });
    expect(await readFile(path.join(dir, 'a.json'), 'utf8')).toBe('{"n":2}');
    await next.close();
  });

  it('after a failed fdatasync, rejects the command, keeps the case as it was, and journals the next write whole', async () => {
    let failed = false;
    let armed = false;
    const { fs } = recordingFs((call) => {
      if (!armed || failed || !call.startsWith('datasync')) return false;
      return (failed = true);
    }, false);
    const { journal } = await Journal.open({ dir, fs });
    armed = true;
    await writeFile(path.join(dir, 'a.json'), '{"list":[1]}');
    const op: JournalOp = { op: 'append', file: 'a.json', at: ['list'], from: 1, items: ['lost'] };
    await expect(journal.record(op, () => '{"list":[1,"lost"]}')).rejects.toThrow('injected failure at datasync WAL');
    await journal.record({ op: 'put', file: 'a.json', text: '{"list":[1,"kept"]}' }, () => '{"list":[1,"kept"]}');
    // Killed here: the failed record may be on disk, but the whole write after it wins at replay.
    const { journal: next } = await Journal.open({ dir });
    expect(await readFile(path.join(dir, 'a.json'), 'utf8')).toBe('{"list":[1,"kept"]}');
    await next.close();
  });
});

describe('journal damage is never read as a torn tail', () => {
  /**
   * 20 records as a killed process left them: two cases created, notes on both, and after
   * record 13 (a note on RD-1001) more notes on RD-1002 and a third case created.
   */
  async function killedWithTwentyRecords(): Promise<{ wal: string; bytes: Buffer; target: { offset: number; length: number }; confirmed: Map<string, number> }> {
    const store = await openStore();
    const confirmed = new Map<string, number>();
    const create = async (id: string) => {
      await store.create(openCase(id, 3));
      confirmed.set(id, 3);
    };
    const noteOn = async (id: string) => {
      const seq = confirmed.get(id)! + 1;
      await store.append(id, [note(id, seq)]);
      confirmed.set(id, seq);
    };
    await create('RD-1001');
    await create('RD-1002');
    for (let i = 0; i < 5; i++) {
      await noteOn('RD-1001');
      if (i < 4) await noteOn('RD-1002');
    }
    await noteOn('RD-1002');
    await create('RD-1003');
    await noteOn('RD-1002');
    await noteOn('RD-1003');
    await noteOn('RD-1002');
    await noteOn('RD-1003');
    const wal = path.join(dir, 'journal', (await walFiles())[0]!);
    const bytes = await readFile(wal);
    const { ops } = decodeRecords(bytes);
    expect(ops).toHaveLength(20);
    expect(ops[12]).toMatchObject({ op: 'append', file: path.join('active', 'RD-1001.json'), from: 7 });
    let offset = 0;
    for (const op of ops.slice(0, 12)) offset += encodeRecord(op).length;
    return { wal, bytes, target: { offset, length: encodeRecord(ops[12]!).length - 8 }, confirmed };
  }

  async function reopenWith(bytes: Buffer, wal: string) {
    const copy = await mkdtemp(path.join(tmpdir(), 'rd-journal-damage-'));
    try {
      await cp(dir, copy, { recursive: true });
      await writeFile(path.join(copy, 'journal', path.basename(wal)), bytes);
      const store = createFileCaseStore({ dir: copy, clock: { now: () => Date.UTC(2026, 10, 26, 12) } });
      await store.open();
      const events = new Map(store.openCases().map((c) => [c.id, c.events.length]));
      const corrupt = store.report().corrupt;
      const kept = await Promise.all(corrupt.map((problem) => readFile(problem.movedTo)));
      const problems = (await store.verify()).problems;
      await store.close();
      return { events, corrupt, kept, problems, wals: await readdir(path.join(copy, 'journal')) };
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  }

  const corruptions: Array<[string, (bytes: Buffer, offset: number, length: number) => void]> = [];
  for (let byte = 0; byte < 8; byte++) {
    for (const mask of [0xff, 0x01, 0x80]) corruptions.push([`header byte ${byte} xor 0x${mask.toString(16)}`, (b, o) => void (b[o + byte]! ^= mask)]);
  }
  corruptions.push(
    ['length 0', (b, o) => b.writeUInt32LE(0, o)],
    ['length 0xffffffff', (b, o) => b.writeUInt32LE(0xffffffff, o)],
    ['length one short', (b, o, length) => b.writeUInt32LE(length - 1, o)],
    ['length one long', (b, o, length) => b.writeUInt32LE(length + 1, o)],
    ['length reaching into the zero fill after the last record', (b, o) => b.writeUInt32LE(decodeRecords(b).end - o + 100, o)],
  );

  it.each(corruptions.map(([name, corrupt]) => ({ name, corrupt })))('$name of record 13 of 20: nothing confirmed is lost but that record, and the damage is reported', async ({ corrupt }) => {
    const { wal, bytes, target, confirmed } = await killedWithTwentyRecords();
    const damaged = Buffer.from(bytes);
    corrupt(damaged, target.offset, target.length);
    const after = await reopenWith(damaged, wal);
    // Record 13 was RD-1001's eighth event: everything before it stays, RD-1002 and RD-1003 (written after it) are whole.
    expect(Object.fromEntries(after.events)).toEqual({ 'RD-1001': 7, 'RD-1002': confirmed.get('RD-1002'), 'RD-1003': confirmed.get('RD-1003') });
    expect(after.corrupt).toHaveLength(1);
    expect(after.corrupt[0]!.reason).toMatch(new RegExp(`^journal/\\d+\\.wal: record 13 at byte ${target.offset} .*reading went on at byte ${target.offset + 8 + target.length}`));
    // The journal is kept aside as it was, never deleted.
    expect(after.kept[0]!.equals(damaged)).toBe(true);
    expect(after.wals.filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
    expect(after.problems).toEqual([]);
  });

  it('reports a damaged last record whose bytes were all written, and keeps its journal', async () => {
    const { wal, bytes } = await killedWithTwentyRecords();
    const { end } = decodeRecords(bytes);
    const damaged = Buffer.from(bytes);
    const lastOffset = end - encodeRecord(decodeRecords(bytes).ops.at(-1)!).length;
    damaged[lastOffset + 4] ^= 0x01;
    const after = await reopenWith(damaged, wal);
    expect(after.corrupt.map((c) => c.reason)).toEqual([expect.stringMatching(/record 20 at byte \d+ fails its checksum/)]);
    expect(after.kept[0]!.equals(damaged)).toBe(true);
  });
});
