import * as path from 'node:path';
import type { CorruptFile } from './document';
import { fsyncByName, fsyncDirectory, isNotFound, nodeDurableFs, type DurableFs } from './durable-fs';

export interface SetAsideOptions {
  /** Wall clock, epoch ms: names the set-aside copy. */
  readonly now: number;
  /** The newest backup copy of the file, offered with the report. */
  readonly latestBackup?: (file: string) => Promise<string | undefined>;
  readonly fs?: DurableFs;
}

/** "20261126T155106123Z": sortable and safe in a file name. */
export function fileTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

/**
 * Moves a file that cannot be trusted out of the way, never overwriting it nor an earlier
 * copy: it becomes `<name>.corrupt-<timestamp>` (`-2`, `-3`… when a copy of that instant is
 * already there). Its content and the rename are made durable (fsync of the copy, then of
 * the directory) before the caller writes a replacement under the old name.
 * `why` finishes the sentence "<name>: …" that the report carries.
 */
export async function setAside(file: string, why: string, options: SetAsideOptions): Promise<CorruptFile> {
  const fsys = options.fs ?? nodeDurableFs;
  const movedTo = await freeName(fsys, `${file}.corrupt-${fileTimestamp(options.now)}`);
  await fsys.rename(file, movedTo);
  await fsyncByName(fsys, movedTo);
  await fsyncDirectory(fsys, path.dirname(file));
  const latestBackup = await options.latestBackup?.(file);
  return { file, movedTo, reason: `${path.basename(file)}: ${why}`, ...(latestBackup ? { latestBackup } : {}) };
}

async function freeName(fsys: DurableFs, wanted: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? wanted : `${wanted}-${n}`;
    if (!(await exists(fsys, candidate))) return candidate;
  }
}

async function exists(fsys: DurableFs, file: string): Promise<boolean> {
  let fd: number;
  try {
    fd = await fsys.open(file, 'r');
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
  await fsys.close(fd);
  return true;
}
