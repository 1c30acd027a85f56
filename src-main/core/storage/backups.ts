import { copyFile, link, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { isTempFileName } from './durable-file';
import { fsyncDirectory, isNotFound, nodeDurableFs } from './durable-fs';
import { BACKUPS_DIR, BACKUP_ENTRIES, HISTORY_DIR } from './layout';

const SNAPSHOT_NAME = /^\d{4}-\d{2}-\d{2}/;

export function dayName(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Snapshot names, oldest first (names start with the UTC day, so they sort by time). */
export async function listSnapshots(dataDir: string): Promise<string[]> {
  try {
    return (await readdir(path.join(dataDir, BACKUPS_DIR))).filter((name) => SNAPSHOT_NAME.test(name)).sort();
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/**
 * Copies every data file into backups/<name>/. The closed history, by far the largest part, is
 * hard-linked: the store never modifies a file in place (each write renames a new file over the
 * old), so a linked backup keeps its content and costs no space for partitions that did not
 * change. Everything else is small and copied, so a file damaged in place (by another program,
 * a bad sector) does not take its backups with it. Built under a `.partial-` name and renamed,
 * so a half-made snapshot never looks complete.
 */
export async function snapshot(dataDir: string, name: string): Promise<string> {
  const backups = path.join(dataDir, BACKUPS_DIR);
  const partial = path.join(backups, `.partial-${name}`);
  const final = path.join(backups, name);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  for (const entry of BACKUP_ENTRIES) await linkTree(path.join(dataDir, entry), path.join(partial, entry), entry === HISTORY_DIR);
  await fsyncDirectory(nodeDurableFs, partial);
  await rm(final, { recursive: true, force: true });
  await rename(partial, final);
  await fsyncDirectory(nodeDurableFs, backups);
  return final;
}

async function linkTree(from: string, to: string, hardLink: boolean): Promise<void> {
  let info;
  try {
    info = await stat(from);
  } catch (error) {
    if (isNotFound(error)) return;
    throw error;
  }
  if (info.isDirectory()) {
    await mkdir(to, { recursive: true });
    for (const name of await readdir(from)) {
      if (isTempFileName(name) || name.includes('.corrupt-')) continue;
      await linkTree(path.join(from, name), path.join(to, name), hardLink);
    }
    await fsyncDirectory(nodeDurableFs, to);
    return;
  }
  if (hardLink) await link(from, to).catch(() => durableCopy(from, to));
  else await durableCopy(from, to);
}

/** A copy whose content is on disk before the snapshot is renamed into place. */
async function durableCopy(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const handle = await open(to, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes today's snapshot unless it exists, then keeps only the newest `keep`. */
export async function snapshotIfDue(dataDir: string, now: number, keep: number): Promise<string | undefined> {
  const today = dayName(now);
  const existing = await listSnapshots(dataDir);
  const made = existing.includes(today) ? undefined : await snapshot(dataDir, today);
  const all = made ? [...existing, today].sort() : existing;
  for (const old of all.slice(0, Math.max(0, all.length - keep))) {
    await rm(path.join(dataDir, BACKUPS_DIR, old), { recursive: true, force: true });
  }
  return made;
}

/** The newest backup copy of a data file (absolute path), if any snapshot has it. */
export async function latestBackupOf(dataDir: string, file: string): Promise<string | undefined> {
  const relative = path.relative(dataDir, file);
  for (const name of (await listSnapshots(dataDir)).reverse()) {
    const candidate = path.join(dataDir, BACKUPS_DIR, name, relative);
    try {
      await stat(candidate);
      return candidate;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return undefined;
}
