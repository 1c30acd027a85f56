import * as path from 'node:path';
import { fsyncDirectory, isNotFound, type DurableFs } from './durable-fs';

let tempCounter = 0;

/** A file's new content, or null to remove it; a function is called when the file's turn comes. Paths are absolute. */
export type FileChange = readonly [file: string, content: string | null | (() => string | null)];

/**
 * Applies many whole-file changes durably: each new content goes to a temp file that is fsynced
 * and renamed over its target; removals unlink. Every directory touched is fsynced once at the
 * end, so a batch of a hundred files costs a hundred file fsyncs plus one per directory, not two
 * hundred. A change either lands whole or not at all; on failure the batch stops and rejects,
 * and what already landed stays (each file is complete either way).
 */
export async function writeManyDurably(fsys: DurableFs, changes: readonly FileChange[], parallel = 8): Promise<void> {
  const dirs = new Set<string>();
  const queue = [...changes];
  const worker = async (): Promise<void> => {
    for (let change = queue.shift(); change !== undefined; change = queue.shift()) {
      const [file, given] = change;
      const content = typeof given === 'function' ? given() : given;
      dirs.add(path.dirname(file));
      if (content === null) await unlinkIfPresent(fsys, file);
      else await replace(fsys, file, content);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, changes.length)) }, worker));
  for (const dir of dirs) await fsyncDirectory(fsys, dir);
}

async function replace(fsys: DurableFs, file: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${++tempCounter}.tmp`);
  try {
    const fd = await fsys.open(temp, 'w');
    try {
      await fsys.write(fd, content);
      await fsys.fsync(fd);
    } finally {
      await fsys.close(fd);
    }
    await fsys.rename(temp, file);
  } catch (error) {
    await fsys.unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function unlinkIfPresent(fsys: DurableFs, file: string): Promise<void> {
  try {
    await fsys.unlink(file);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
