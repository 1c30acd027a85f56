import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/core/core';
import { openDataDir } from '../../src-main/core/data-dir';
import type { OpenDialog, SaveDialog } from '../../src-main/core/ports';
import { createManualClock, type ManualClock } from '../../src-main/core/testing/manual-clock';

/**
 * A console core as a host builds it, on a data folder of its own and a manual clock; every core
 * is closed and every folder removed after each test. Import it from a test file only.
 */

const silent = { warn: () => undefined, error: () => undefined };
const dirs: string[] = [];
const cores: Core[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  // A daily snapshot the advanced clock set off may still be linking files as the core closes.
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

/** A folder removed after the test. */
export async function scratch(prefix = 'desk-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export interface DeskOnDiskOptions {
  /** The clock starts here (ignored when `clock` is given). */
  readonly at: string;
  readonly clock?: ManualClock;
  readonly saveDialog?: SaveDialog;
  readonly openDialog?: OpenDialog;
}

export async function deskOnDisk(dataDir: string, options: DeskOnDiskOptions) {
  const clock = options.clock ?? createManualClock(options.at);
  const opened = await openDataDir(dataDir, clock);
  const dialogs = { ...(options.saveDialog ? { saveDialog: options.saveDialog } : {}), ...(options.openDialog ? { openDialog: options.openDialog } : {}) };
  const core = await createCore({ host: 'browser', version: 't', dataDir, clock, ...opened, log: silent, ...dialogs });
  cores.push(core);
  await core.runtime.idle();
  /** Lets the runtime settle and brings the files up to date with the journal, so that any change after shows in them. */
  const atRest = async () => {
    await core.runtime.idle();
    await opened.store.verify();
  };
  return { core, dir: dataDir, clock, atRest, close: () => closeDesk(core) };
}

/** Closes a core before the test ends (a restart follows). */
export async function closeDesk(core: Core): Promise<void> {
  cores.splice(cores.indexOf(core), 1);
  await core.close();
}
