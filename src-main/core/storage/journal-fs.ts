import * as fs from 'node:fs';
import { nodeDurableFs, type DurableFs } from './durable-fs';

/**
 * What the write-ahead journal needs beyond a durable whole-file write: appending bytes at a
 * position, fdatasync, and reading and listing its own files. Passed in so tests can observe
 * the calls and make any of them fail.
 */
export interface JournalFs extends DurableFs {
  /** Creates a new, empty file for writing; fails when it exists. */
  create(path: string): Promise<number>;
  /**
   * True when a write to a file from `create` returns only once its data is on disk (O_DSYNC),
   * so no fdatasync has to follow: one call into the thread pool per write instead of two.
   */
  readonly syncedWrites: boolean;
  writeAt(fd: number, data: Buffer, position: number): Promise<void>;
  /** fdatasync: the data and the size, not the timestamps. */
  datasync(fd: number): Promise<void>;
  /** Rejects with code ENOENT when the file does not exist. */
  readBytes(path: string): Promise<Buffer>;
  list(dir: string): Promise<string[]>;
  mkdir(dir: string): Promise<void>;
}

function call<T>(run: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));
}

const { O_WRONLY, O_CREAT, O_EXCL, O_DSYNC } = fs.constants;
/** Linux and macOS have O_DSYNC; Windows does not, and gets a write then an fdatasync. */
const SYNCED_WRITES = typeof O_DSYNC === 'number';

export const nodeJournalFs: JournalFs = {
  ...nodeDurableFs,
  create: (path) => call<number>((done) => fs.open(path, O_WRONLY | O_CREAT | O_EXCL | (SYNCED_WRITES ? O_DSYNC : 0), 0o600, done)),
  syncedWrites: SYNCED_WRITES,
  async writeAt(fd, data, position) {
    // fs.write may write less than asked; carry on from where it stopped.
    for (let offset = 0; offset < data.length; ) {
      const written = await call<number>((done) => fs.write(fd, data, offset, data.length - offset, position + offset, done));
      offset += written;
    }
  },
  datasync: (fd) => call<void>((done) => fs.fdatasync(fd, done)),
  readBytes: (path) => call<Buffer>((done) => fs.readFile(path, done)),
  list: (dir) => call<string[]>((done) => fs.readdir(dir, done)),
  mkdir: (dir) => call<void>((done) => fs.mkdir(dir, { recursive: true }, (error) => done(error))),
};
