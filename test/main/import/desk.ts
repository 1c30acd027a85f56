import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deskOnDisk, scratch } from '../desk-on-disk';

export { scratch } from '../desk-on-disk';

/** A console core on a data folder of its own, for the import's tests; closed and removed after each test. */

const T0 = '2026-11-30T12:00:00.000Z';

export async function desk(dir?: string) {
  return deskOnDisk(dir ?? (await scratch('desk-import-')), { at: T0 });
}

/**
 * Every data file of the folder with its content, to show that nothing changed. The journal and
 * the notifications are left out: the runtime may still be appending the escalations of an
 * earlier import there; the cases themselves are compared through the store.
 */
export async function snapshotOf(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const skip = new Set(['journal', 'notifications.json']);
  const walk = async (sub: string) => {
    for (const entry of await readdir(join(dir, sub), { withFileTypes: true })) {
      const relative = join(sub, entry.name);
      if (skip.has(relative)) continue;
      if (entry.isDirectory()) await walk(relative);
      else out.set(relative, await readFile(join(dir, relative), 'utf8'));
    }
  };
  await walk('.');
  return out;
}

/** The files whose content differs between two snapshots (or that only one has). */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file) !== after.get(file));
}
