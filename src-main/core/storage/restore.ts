import { rename } from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { fileTimestamp } from './set-aside';
import { DurableJsonFile, DurableTextFile } from './durable-file';
import { isNotFound } from './durable-fs';

/**
 * Restoring a corrupt file from its backup happens at the next start, before anything opens
 * the file: a running store already holds that file's (empty) replacement in memory and would
 * overwrite a copy made under it.
 */
export const RESTORE_FILE = 'restore-requests.json';

const restoreRequestsSchema = z.object({
  schemaVersion: z.literal(1),
  requests: z.array(z.object({ file: z.string().min(1), backup: z.string().min(1) })),
});
type RestoreRequests = z.infer<typeof restoreRequestsSchema>;

function inside(dataDir: string, file: string): boolean {
  const relative = path.relative(dataDir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function readRequests(dataDir: string): Promise<RestoreRequests> {
  const text = await new DurableTextFile(path.join(dataDir, RESTORE_FILE)).read();
  if (text === null) return { schemaVersion: 1, requests: [] };
  const parsed = restoreRequestsSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${RESTORE_FILE} is not a list of restore requests`);
  return parsed.data;
}

/** Records that `file` is to be replaced by `backup` at the next start. Both must lie in the data directory. */
export async function requestRestore(dataDir: string, file: string, backup: string): Promise<void> {
  if (!inside(dataDir, file) || !inside(dataDir, backup)) throw new Error('a restore can only copy a backup of the data directory over one of its files');
  const current = await readRequests(dataDir);
  const requests = [...current.requests.filter((request) => request.file !== file), { file, backup }];
  await new DurableJsonFile<RestoreRequests>(path.join(dataDir, RESTORE_FILE)).write({ schemaVersion: 1, requests });
}

/**
 * Carries out pending restores: the file now in place (an empty replacement) is kept aside as
 * `<name>.replaced-<timestamp>`, the backup's content is written durably over it, and the
 * request is removed. Returns what was restored, for the start-up report.
 */
export async function applyPendingRestores(dataDir: string, now: number): Promise<string[]> {
  let pending: RestoreRequests;
  try {
    pending = await readRequests(dataDir);
  } catch {
    return [];
  }
  const restored: string[] = [];
  for (const { file, backup } of pending.requests) {
    if (!inside(dataDir, file) || !inside(dataDir, backup)) continue;
    const content = await new DurableTextFile(backup).read();
    if (content === null) continue;
    try {
      await rename(file, `${file}.replaced-${fileTimestamp(now)}`);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    await new DurableTextFile(file).write(content);
    restored.push(`${path.relative(dataDir, file)} restored from ${path.relative(dataDir, backup)}`);
  }
  if (pending.requests.length > 0) await new DurableJsonFile<RestoreRequests>(path.join(dataDir, RESTORE_FILE)).write({ schemaVersion: 1, requests: [] });
  return restored;
}
