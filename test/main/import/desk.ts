import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core/core';
import { openDataDir } from '../../../src-main/core/data-dir';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';

/** A console core on a data folder of its own, for the import's tests; closed and removed after each test. */

const T0 = '2026-11-30T12:00:00.000Z';
const silent = { warn: () => undefined, error: () => undefined };
const dirs: string[] = [];
const cores: Core[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  // A daily snapshot the advanced clock set off may still be linking files as the core closes.
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

/** A folder removed after the test. */
export async function scratch(name = 'desk-import-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), name));
  dirs.push(dir);
  return dir;
}

export async function desk(dir?: string) {
  const dataDir = dir ?? (await scratch());
  const clock = createManualClock(T0);
  const opened = await openDataDir(dataDir, clock);
  const core = await createCore({ host: 'browser', version: 't', dataDir, clock, ...opened, log: silent });
  cores.push(core);
  await core.runtime.idle();
  /** Lets the runtime settle and brings the files up to date with the journal, so that any change after shows in them. */
  const atRest = async () => {
    await core.runtime.idle();
    await opened.store.verify();
  };
  /** Closes this core (a restart follows). */
  const close = async () => {
    cores.splice(cores.indexOf(core), 1);
    await core.close();
  };
  return { core, dir: dataDir, clock, atRest, close };
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
