import * as fs from 'node:fs';

/**
 * The few file-system calls a durable write needs, passed in as a parameter so tests can
 * observe their order and make any of them fail.
 */
export interface DurableFs {
  open(path: string, flags: 'w' | 'r'): Promise<number>;
  write(fd: number, data: string): Promise<void>;
  fsync(fd: number): Promise<void>;
  close(fd: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Rejects with code ENOENT when the file does not exist. */
  readFile(path: string): Promise<string>;
}

function call<T>(run: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));
}

/** Plain node:fs on file descriptors (lighter than FileHandle on the hot write path). */
export const nodeDurableFs: DurableFs = {
  open: (path, flags) => call<number>((done) => fs.open(path, flags, 0o600, done)),
  write: (fd, data) => call<void>((done) => fs.writeFile(fd, data, done)),
  fsync: (fd) => call<void>((done) => fs.fsync(fd, done)),
  close: (fd) => call<void>((done) => fs.close(fd, done)),
  rename: (from, to) => call<void>((done) => fs.rename(from, to, done)),
  unlink: (path) => call<void>((done) => fs.unlink(path, done)),
  readFile: (path) => call<string>((done) => fs.readFile(path, 'utf8', done)),
};

export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** fsync a directory so a rename or unlink inside it survives a power cut. */
export function fsyncDirectory(fsys: DurableFs, dir: string): Promise<void> {
  return fsyncByName(fsys, dir);
}

/** fsync a file or directory by its name (no descriptor of it at hand). */
export async function fsyncByName(fsys: DurableFs, name: string): Promise<void> {
  const fd = await fsys.open(name, 'r');
  try {
    await fsys.fsync(fd);
  } finally {
    await fsys.close(fd);
  }
}

/** Removes a file and makes the removal durable; a missing file is already removed. */
export async function removeDurably(fsys: DurableFs, path: string, dir: string): Promise<void> {
  try {
    await fsys.unlink(path);
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  await fsyncDirectory(fsys, dir);
}
