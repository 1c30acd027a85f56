import { randomUUID } from 'node:crypto';
import { link, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * One writer per data folder: `console.lock` names the process that holds the folder (a
 * console, either host, or the import command). It is created exclusively (O_EXCL) before
 * anything in the folder is opened, so two of them never write the same files: the second is
 * refused with the folder and the process that holds it. A lock whose process is gone (a
 * crash) is stale and taken over.
 */
export const CONSOLE_LOCK_FILE = 'console.lock';

export type LockHolderKind = 'electron' | 'browser' | 'import';

export interface LockHolder {
  readonly pid: number;
  readonly host: LockHolderKind;
}

export interface ConsoleLock {
  release(): Promise<void>;
}

const HOLDER_WORDS: Readonly<Record<LockHolderKind, string>> = {
  electron: 'the desktop console',
  browser: 'the browser console',
  import: 'an import (npm run import)',
};

/** "the browser console (process 4242)" */
export function describeHolder(holder: LockHolder): string {
  return `${HOLDER_WORDS[holder.host]} (process ${holder.pid})`;
}

/** The folder is held by another running process; nothing was opened. */
export class ConsoleLockError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`${describeHolder(holder)} is using the data folder ${dataDir}; close it first. Nothing was changed.`);
    this.name = 'ConsoleLockError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder a lock file names, or undefined when it names none (unreadable, or not a pid). */
function holderIn(text: string): LockHolder | undefined {
  try {
    const { pid, host } = JSON.parse(text) as { pid?: unknown; host?: unknown };
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined;
    return { pid, host: host === 'electron' || host === 'import' ? host : 'browser' };
  } catch {
    return undefined;
  }
}

async function readLock(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Takes the folder for this process until `release`, or throws ConsoleLockError naming the
 * running process that holds it. The folder must exist.
 */
export async function holdConsoleLock(dataDir: string, host: LockHolderKind): Promise<ConsoleLock> {
  const file = join(dataDir, CONSOLE_LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, host, startedAt: new Date().toISOString() });
  // Written whole under a name of its own, then linked: the lock never exists half written.
  const temp = join(dataDir, `.${CONSOLE_LOCK_FILE}.${process.pid}.${randomUUID()}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(temp, file);
        return {
          async release() {
            // Only our own lock: never one a later holder took over.
            if ((await readLock(file)) === content) await unlink(file).catch(() => undefined);
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const text = await readLock(file);
      if (text === undefined) continue;
      const holder = holderIn(text);
      if (holder && alive(holder.pid)) throw new ConsoleLockError(dataDir, holder);
      // Stale (its process is gone) or damaged: removed only while it is still that file.
      if ((await readLock(file)) === text) await unlink(file).catch(() => undefined);
    }
    throw new Error(`${CONSOLE_LOCK_FILE} in ${dataDir} keeps changing: another process is starting on that folder; try again.`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** The running process holding the folder, or undefined (none, or only a stale lock). */
export async function consoleHolding(dataDir: string): Promise<LockHolder | undefined> {
  const text = await readLock(join(dataDir, CONSOLE_LOCK_FILE));
  const holder = text === undefined ? undefined : holderIn(text);
  return holder && alive(holder.pid) ? holder : undefined;
}
