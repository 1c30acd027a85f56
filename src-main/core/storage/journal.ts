import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import type { CorruptFile } from './document';
import { fileTimestamp } from './set-aside';
import { fsyncDirectory, isNotFound } from './durable-fs';
import { nodeJournalFs, type JournalFs } from './journal-fs';
import { writeManyDurably, type FileChange } from './write-many';

/**
 * The write-ahead journal: how a command becomes durable with one write to one file.
 *
 * A command's change to a data file is appended to `journal/<epoch>.wal` as one framed record
 * (length, CRC-32, JSON) by one synchronous write (O_DSYNC; a write and an fdatasync where the
 * platform has none); the command's result is returned after that. The data
 * files themselves are brought up to date later, at a checkpoint, by the usual atomic route
 * (temp file, fsync, rename, directory fsync), many files per directory fsync.
 *
 * - Records waiting while a write runs go out together in the next one (group commit).
 * - The journal is zero-filled ahead of its records, a chunk at a time, in the same write as the
 *   record that needs the room: the file's size then changes once per chunk, so a record's write
 *   changes no metadata the disk must commit along with it. Replay stops at the zeros.
 * - When a journal passes `limitBytes` a checkpoint starts in the background: appends move to a
 *   fresh journal at once, the retired one's files are written, then it is deleted.
 * - At open, journals left by a crash are replayed in epoch order and deleted. A torn last
 *   record (only zeros after it) is a write that was never acknowledged and is dropped. Any
 *   other bad frame is damage: every record that still verifies (before and after it) is
 *   applied, the journal is kept aside as `<name>.corrupt-<timestamp>`, and it is reported.
 *   A journal is deleted only once everything it holds is in the data files.
 * - Replaying twice gives the same files: a put replaces, a remove removes, an append adds only
 *   the items past the array's current length.
 */
export const JOURNAL_DIR = 'journal';
const SUFFIX = '.wal';
const FRAME_HEADER = 8;

/** One change to one data file; `file` is relative to the data directory. */
export type JournalOp =
  | { readonly op: 'put'; readonly file: string; readonly text: string }
  /** Adds `items` to the array at `at` (a key path), which held `from` items before. */
  | { readonly op: 'append'; readonly file: string; readonly at: readonly string[]; readonly from: number; readonly items: readonly unknown[] }
  | { readonly op: 'remove'; readonly file: string };

/** The file's whole content as of the record, for the checkpoint; null when removed. */
export type Latest = () => string | null;

export interface JournalOptions {
  /** The data directory; the journal lives in its `journal/` folder. */
  readonly dir: string;
  /** Bytes after which a journal is retired and checkpointed (default 4 MiB). */
  readonly limitBytes?: number;
  /** Zeros written ahead of the records at a time (default the limit, at most 1 MiB). */
  readonly preallocateBytes?: number;
  readonly fs?: JournalFs;
  readonly now?: () => number;
  /** A background checkpoint that failed (it is retried at the next one). */
  readonly onCheckpointError?: (error: unknown) => void;
}

interface Pending {
  readonly frame: Buffer;
  readonly file: string;
  readonly latest: Latest;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

interface Segment {
  readonly path: string;
  readonly epoch: number;
  fd: number;
  /** Where the records end. */
  size: number;
  /** Where the zeros written ahead of the records end. */
  allocated: number;
  /** Each file written through this segment, with its content as of its last record here. */
  readonly dirty: Map<string, Latest>;
}

export function encodeRecord(op: JournalOp): Buffer {
  const payload = Buffer.from(JSON.stringify(op), 'utf8');
  const frame = Buffer.allocUnsafe(FRAME_HEADER + payload.length);
  frame.writeUInt32LE(payload.length, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  payload.copy(frame, FRAME_HEADER);
  return frame;
}

/** Names the record after `count` good ones, for a damage report. */
function recordAt(count: number, offset: number): string {
  return `record ${count + 1} at byte ${offset}`;
}

function zerosFrom(bytes: Buffer, offset: number): boolean {
  for (let i = offset; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

const OPEN_BRACE = 0x7b;

/** The record framed at `offset`, if its length fits, its checksum matches and it is JSON. */
function frameAt(bytes: Buffer, offset: number): { op: JournalOp; end: number } | undefined {
  if (bytes.length - offset < FRAME_HEADER + 2) return undefined;
  const length = bytes.readUInt32LE(offset);
  const end = offset + FRAME_HEADER + length;
  // Every record is a JSON object: a cheap test before the checksum, for the resynchronizing scan.
  if (length < 2 || end > bytes.length || bytes[offset + FRAME_HEADER] !== OPEN_BRACE) return undefined;
  const payload = bytes.subarray(offset + FRAME_HEADER, end);
  if (crc32(payload) !== bytes.readUInt32LE(offset + 4)) return undefined;
  try {
    return { op: JSON.parse(payload.toString('utf8')) as JournalOp, end };
  } catch {
    return undefined;
  }
}

/** The next offset after `from` where a whole record verifies, if any. */
function nextFrame(bytes: Buffer, from: number): number | undefined {
  for (let offset = from; offset + FRAME_HEADER < bytes.length; offset++) {
    if (bytes[offset + FRAME_HEADER] === OPEN_BRACE && frameAt(bytes, offset)) return offset;
  }
  return undefined;
}

/**
 * Whether the bad frame at `offset` can be the last write, cut short by a crash before it was
 * acknowledged: such a write lands in the zeros written ahead of the records (or at the end of
 * the file), so the bytes it did not get to are still zeros, and so is everything after it.
 * Its header either landed whole (then its length is right) or not at all; and a record is
 * JSON text, which never holds a zero byte, so a payload with none whose checksum fails was
 * written whole and damaged later.
 */
function isTornTail(bytes: Buffer, offset: number): boolean {
  if (bytes.length - offset < FRAME_HEADER) return true;
  const length = bytes.readUInt32LE(offset);
  const end = offset + FRAME_HEADER + length;
  if (length === 0) return zerosFrom(bytes, offset);
  if (end > bytes.length) return zerosFrom(bytes, offset + FRAME_HEADER);
  return bytes.subarray(offset + FRAME_HEADER, end).includes(0) && zerosFrom(bytes, end);
}

/** Why the frame at `offset` does not verify, in words. */
function whyBad(bytes: Buffer, offset: number): string {
  if (bytes.length - offset < FRAME_HEADER) return 'is cut short in its header';
  const length = bytes.readUInt32LE(offset);
  if (length === 0) return 'is empty';
  if (offset + FRAME_HEADER + length > bytes.length) return `claims ${length} bytes, more than the file holds`;
  const payload = bytes.subarray(offset + FRAME_HEADER, offset + FRAME_HEADER + length);
  if (crc32(payload) !== bytes.readUInt32LE(offset + 4)) return 'fails its checksum';
  return 'is not valid JSON';
}

/**
 * The records of one journal file and the byte where the last one read `end`s; `damage` says
 * what could not be read, if anything. A bad frame is a torn last write (not damage, dropped:
 * it was never acknowledged) only when nothing but the zero fill or the end of the file
 * follows it (see `isTornTail`). Anything else is damage: it is reported, and reading goes on
 * at the next record that verifies, so records after the damage are not lost with it.
 */
export function decodeRecords(bytes: Buffer): { ops: JournalOp[]; end: number; damage?: string } {
  const ops: JournalOp[] = [];
  const damage: string[] = [];
  let offset = 0;
  let end = 0;
  while (offset < bytes.length) {
    const frame = frameAt(bytes, offset);
    if (frame) {
      ops.push(frame.op);
      offset = end = frame.end;
      continue;
    }
    if (zerosFrom(bytes, offset)) break; // the zero fill after the last record
    const next = nextFrame(bytes, offset + 1);
    if (next === undefined && isTornTail(bytes, offset)) break;
    const bad = `${recordAt(ops.length, offset)} ${whyBad(bytes, offset)}`;
    if (next === undefined) {
      damage.push(`${bad}, and what follows it cannot be read`);
      break;
    }
    damage.push(`${bad}; reading went on at byte ${next}`);
    offset = next;
  }
  return damage.length > 0 ? { ops, end, damage: damage.join('; ') } : { ops, end };
}

function epochOf(name: string): number | undefined {
  const match = /^(\d{1,15})\.wal$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

function segmentName(epoch: number): string {
  return `${String(epoch).padStart(12, '0')}${SUFFIX}`;
}

export class Journal {
  readonly #dataDir: string;
  readonly #dir: string;
  readonly #fs: JournalFs;
  readonly #limit: number;
  readonly #chunk: number;
  readonly #now: () => number;
  readonly #onCheckpointError: (error: unknown) => void;
  #current: Segment | undefined;
  /** Segments no longer appended to, oldest first, whose files are not all written yet. */
  #retired: Segment[] = [];
  #pending: Pending[] = [];
  #flushScheduled = false;
  /** Appends and rotations run one after another on this chain. */
  #chain: Promise<void> = Promise.resolve();
  #checkpointTail: Promise<void> = Promise.resolve();
  /** Checkpoints queued or running. */
  #checkpoints = 0;
  /** After a failed append the segment's tail is unknown: the next append starts a fresh one. */
  #broken = false;
  #closed = false;

  private constructor(options: JournalOptions) {
    this.#dataDir = options.dir;
    this.#dir = path.join(options.dir, JOURNAL_DIR);
    this.#fs = options.fs ?? nodeJournalFs;
    this.#limit = options.limitBytes ?? 4 * 1024 * 1024;
    this.#chunk = Math.max(1, options.preallocateBytes ?? Math.min(this.#limit, 1024 * 1024));
    this.#now = options.now ?? Date.now;
    this.#onCheckpointError = options.onCheckpointError ?? (() => undefined);
  }

  /**
   * Replays what a previous run left (its changes land in the data files), then starts a fresh
   * journal. Call before reading any data file.
   */
  static async open(options: JournalOptions): Promise<{ journal: Journal; corrupt: CorruptFile[] }> {
    const journal = new Journal(options);
    const { corrupt, lastEpoch } = await journal.#replay();
    const segment = await journal.#createSegment(lastEpoch + 1);
    // The first chunk of zeros is written now: a disk without room (or read-only) is found at
    // start, in one clear error, rather than at the first command.
    try {
      await journal.#fs.writeAt(segment.fd, Buffer.alloc(journal.#chunk), 0);
      if (!journal.#fs.syncedWrites) await journal.#fs.datasync(segment.fd);
    } catch (error) {
      await journal.#discard(segment).catch(() => undefined);
      throw error;
    }
    segment.allocated = journal.#chunk;
    journal.#current = segment;
    return { journal, corrupt };
  }

  /** Resolves once `op` is on disk. `latest` gives the file's whole content for the checkpoint. */
  record(op: JournalOp, latest: Latest): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('the journal is closed'));
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ frame: encodeRecord(op), file: op.file, latest, resolve, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        this.#chain = this.#chain.then(() => this.#flush());
      }
    });
  }

  /** Bytes in the journal now being appended to. */
  get size(): number {
    return this.#current?.size ?? 0;
  }

  /**
   * Brings every data file up to date with what was recorded so far and empties the journal.
   * Appends go on meanwhile, into a fresh journal.
   */
  checkpoint(): Promise<void> {
    this.#checkpoints++;
    const run = this.#checkpointTail
      .then(async () => {
        await this.#enqueue(async () => {
          if (this.#current && this.#current.size > 0) await this.#rotate();
        });
        await this.#writeRetired();
      })
      .finally(() => this.#checkpoints--);
    this.#checkpointTail = run.catch(() => undefined);
    return run;
  }

  /** A last checkpoint, then the (empty) journal file is removed. */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.checkpoint();
    this.#closed = true;
    await this.#enqueue(async () => {
      const current = this.#current;
      if (!current) return;
      this.#current = undefined;
      await this.#fs.close(current.fd);
      await this.#fs.unlink(current.path);
      await fsyncDirectory(this.#fs, this.#dir);
    });
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#chain.then(task);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  async #flush(): Promise<void> {
    this.#flushScheduled = false;
    const batch = this.#pending.splice(0);
    if (batch.length === 0) return;
    try {
      if (this.#broken || !this.#current) await this.#rotate();
      const segment = this.#current!;
      const frames = batch.length === 1 ? batch[0]!.frame : Buffer.concat(batch.map((p) => p.frame));
      const end = segment.size + frames.length;
      // Past the zeros written so far: write the next chunk of them along with the records.
      const extend = end > segment.allocated;
      const allocated = extend ? Math.max(end, segment.allocated + this.#chunk) : segment.allocated;
      const bytes = extend && allocated > end ? Buffer.concat([frames, Buffer.alloc(allocated - end)]) : frames;
      try {
        await this.#fs.writeAt(segment.fd, bytes, segment.size);
        if (!this.#fs.syncedWrites) await this.#fs.datasync(segment.fd);
      } catch (error) {
        this.#broken = true;
        throw error;
      }
      segment.size = end;
      segment.allocated = allocated;
      for (const item of batch) segment.dirty.set(item.file, item.latest);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    for (const item of batch) item.resolve();
    if (this.#current!.size >= this.#limit && this.#checkpoints === 0) {
      this.checkpoint().catch((error: unknown) => this.#onCheckpointError(error));
    }
  }

  /** Runs on the chain: appends move to a fresh segment; the old one waits for its checkpoint. */
  async #rotate(): Promise<void> {
    const old = this.#current;
    const next = await this.#createSegment((old?.epoch ?? 0) + 1);
    this.#current = next;
    this.#broken = false;
    if (!old) return;
    // A segment without an acknowledged record holds nothing to keep (at most a write that
    // failed): it goes now, so failures on a full disk do not leave empty journals behind.
    if (old.size === 0) await this.#discard(old).catch(() => undefined);
    else this.#retired.push(old);
  }

  async #createSegment(epoch: number): Promise<Segment> {
    await this.#fs.mkdir(this.#dir);
    // A name left by an earlier attempt that failed after creating its file is skipped, never reused.
    for (let attempt = 0; ; attempt++) {
      const file = path.join(this.#dir, segmentName(epoch + attempt));
      let fd: number;
      try {
        fd = await this.#fs.create(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST' && attempt < 8) continue;
        throw error;
      }
      return this.#made({ path: file, epoch: epoch + attempt, fd, size: 0, allocated: 0, dirty: new Map() });
    }
  }

  async #made(segment: Segment): Promise<Segment> {
    try {
      // The new file's name must be durable before a record in it is acknowledged.
      await fsyncDirectory(this.#fs, this.#dir);
    } catch (error) {
      await this.#discard(segment).catch(() => undefined);
      throw error;
    }
    return segment;
  }

  /** Closes and deletes a segment that holds no acknowledged record. */
  async #discard(segment: Segment): Promise<void> {
    await this.#fs.close(segment.fd).catch(() => undefined);
    await this.#fs.unlink(segment.path).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }

  /** Writes the files of every retired segment (latest content wins), then deletes the segments. */
  async #writeRetired(): Promise<void> {
    const retired = [...this.#retired];
    if (retired.length === 0) return;
    const latest = new Map<string, Latest>();
    for (const segment of retired) for (const [file, content] of segment.dirty) latest.set(file, content);
    const changes: FileChange[] = [...latest].map(([file, content]) => [path.join(this.#dataDir, file), content]);
    await writeManyDurably(this.#fs, changes);
    for (const segment of retired) {
      await this.#fs.close(segment.fd);
      await this.#fs.unlink(segment.path);
      this.#retired.splice(this.#retired.indexOf(segment), 1);
    }
    await fsyncDirectory(this.#fs, this.#dir);
  }

  async #replay(): Promise<{ corrupt: CorruptFile[]; lastEpoch: number }> {
    await this.#fs.mkdir(this.#dir);
    const names = (await this.#fs.list(this.#dir))
      .map((name) => ({ name, epoch: epochOf(name) }))
      .filter((entry): entry is { name: string; epoch: number } => entry.epoch !== undefined)
      .sort((a, b) => a.epoch - b.epoch);
    const corrupt: CorruptFile[] = [];
    const state = new Map<string, { text: string | null } | { doc: unknown }>();
    const problems = new Map<string, string[]>();
    const problem = (name: string, text: string) => problems.set(name, [...(problems.get(name) ?? []), text]);
    /*
     * Events for a file that is missing (or behind) are not yet a problem: a checkpoint cut short
     * may already have written the file's final state, its removal included, and a later record
     * of the same replay then puts or removes it. Only what no later record settles is reported.
     */
    const unsettled = new Map<string, { name: string; why: string }>();

    for (const { name } of names) {
      const { ops, damage } = decodeRecords(await this.#fs.readBytes(path.join(this.#dir, name)));
      if (damage) problem(name, damage);
      for (const op of ops) {
        const outcome = await this.#apply(state, op);
        if (outcome.invalid) problem(name, outcome.invalid);
        else if (outcome.unsettled) {
          if (!unsettled.has(op.file)) unsettled.set(op.file, { name, why: outcome.unsettled });
        } else if (op.op !== 'append') unsettled.delete(op.file);
      }
    }
    for (const { name, why } of unsettled.values()) problem(name, why);

    const changes: FileChange[] = [...state].map(([file, entry]) => [
      path.join(this.#dataDir, file),
      'doc' in entry ? JSON.stringify(entry.doc) : entry.text,
    ]);
    await writeManyDurably(this.#fs, changes);

    for (const { name } of names) {
      const file = path.join(this.#dir, name);
      const found = problems.get(name);
      if (found) {
        const movedTo = `${file}.corrupt-${fileTimestamp(this.#now())}`;
        await this.#fs.rename(file, movedTo);
        corrupt.push({ file, movedTo, reason: `${JOURNAL_DIR}/${name}: ${found.join('; ')} (every record that verifies was applied; the file is kept as it was)` });
      } else {
        await this.#fs.unlink(file);
      }
    }
    if (names.length > 0) await fsyncDirectory(this.#fs, this.#dir);
    return { corrupt, lastEpoch: names.at(-1)?.epoch ?? 0 };
  }

  /** Applies one record to the replay state; says why it could not be applied, if so. */
  async #apply(state: Map<string, { text: string | null } | { doc: unknown }>, op: JournalOp): Promise<{ invalid?: string; unsettled?: string }> {
    if (typeof op !== 'object' || op === null || typeof op.file !== 'string' || !isInside(op.file)) return { invalid: 'a record names no file inside the data directory' };
    if (op.op === 'put' && typeof op.text === 'string') {
      state.set(op.file, { text: op.text });
      return {};
    }
    if (op.op === 'remove') {
      state.set(op.file, { text: null });
      return {};
    }
    if (op.op !== 'append' || !Array.isArray(op.at) || !Number.isInteger(op.from) || !Array.isArray(op.items)) return { invalid: `a record for ${op.file} has an unknown shape` };
    let entry = state.get(op.file);
    if (!entry) {
      try {
        entry = { text: (await this.#fs.readBytes(path.join(this.#dataDir, op.file))).toString('utf8') };
      } catch (error) {
        if (!isNotFound(error)) throw error;
        entry = { text: null };
      }
    }
    let doc: unknown;
    if ('doc' in entry) doc = entry.doc;
    else if (entry.text === null) return { unsettled: `events for ${op.file}, which does not exist` };
    else {
      try {
        doc = JSON.parse(entry.text);
      } catch {
        return { unsettled: `events for ${op.file}, which is not valid JSON` };
      }
    }
    const array = arrayAt(doc, op.at);
    if (!array) return { unsettled: `events for ${op.file}, which has no list at ${op.at.join('.')}` };
    if (array.length < op.from) return { unsettled: `events for ${op.file} from item ${op.from + 1}, but it holds ${array.length}` };
    array.push(...op.items.slice(array.length - op.from));
    state.set(op.file, { doc });
    return {};
  }
}

function arrayAt(doc: unknown, at: readonly string[]): unknown[] | undefined {
  let node = doc;
  for (const key of at) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return Array.isArray(node) ? node : undefined;
}

function isInside(file: string): boolean {
  const normal = path.normalize(file);
  return normal !== '' && !path.isAbsolute(normal) && !normal.startsWith('..') && !normal.startsWith(JOURNAL_DIR);
}
