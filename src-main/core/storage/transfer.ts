import { mkdir, rename, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { Replacement } from '../ports';
import { writeDataset } from './dataset';
import { DurableJsonFile } from './durable-file';
import { fsyncDirectory, isNotFound, nodeDurableFs, removeDurably } from './durable-fs';
import { BACKUP_ENTRIES, IMPORT_COMMIT_FILE, IMPORT_STAGING_DIR } from './layout';
import { closedAt } from './timeline';

/**
 * Writes a replacement into import-staging/ (durably, in the store's own layout), then commits
 * it with one durable marker file. Before the marker a crash leaves the data as it was (the
 * staging folder is dropped at the next start); after it, `finishImport` swaps it in, again at
 * the next start when a crash cut the swap short.
 */
export async function stageImport(dataDir: string, replacement: Replacement, partitionSize: number, now: number): Promise<void> {
  const staging = path.join(dataDir, IMPORT_STAGING_DIR);
  await rm(staging, { recursive: true, force: true });
  const byClosing = [...replacement.cases].sort((a, b) => (closedAt(a) ?? '').localeCompare(closedAt(b) ?? ''));
  await writeDataset(staging, { prefix: replacement.prefix, nextNumber: replacement.nextNumber, cases: byClosing }, partitionSize);
  for (const folder of replacement.folders) await mkdir(path.join(staging, folder), { recursive: true });
  for (const { file, content } of replacement.documents) {
    const target = path.join(staging, file);
    await mkdir(path.dirname(target), { recursive: true });
    await new DurableJsonFile(target).write(content);
  }
  for (const folder of new Set(['.', ...replacement.folders, ...replacement.documents.map(({ file }) => path.dirname(file))])) {
    await fsyncDirectory(nodeDurableFs, path.join(staging, folder));
  }
  await fsyncDirectory(nodeDurableFs, dataDir);
  await commitImport(dataDir, now);
}

/** The durable marker that makes a staged import the data: from here on, `finishImport` swaps it in, now or at the next start. */
export async function commitImport(dataDir: string, now: number): Promise<void> {
  await new DurableJsonFile(path.join(dataDir, IMPORT_COMMIT_FILE)).write({ stagedAt: new Date(now).toISOString() });
}

/**
 * Swaps a committed import in; drops an uncommitted one. Idempotent: an entry already moved is
 * no longer in staging and is left alone, so a swap cut short by a crash finishes at the next
 * start. Runs before any data file is opened.
 */
export async function finishImport(dataDir: string): Promise<void> {
  const staging = path.join(dataDir, IMPORT_STAGING_DIR);
  const marker = path.join(dataDir, IMPORT_COMMIT_FILE);
  if (await exists(marker)) {
    for (const entry of BACKUP_ENTRIES) {
      if (!(await exists(path.join(staging, entry)))) continue;
      await rm(path.join(dataDir, entry), { recursive: true, force: true });
      await rename(path.join(staging, entry), path.join(dataDir, entry));
      await fsyncDirectory(nodeDurableFs, dataDir);
    }
    await removeDurably(nodeDurableFs, marker, dataDir);
  }
  await rm(staging, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
