import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Which process runs a console on a data folder: `console.lock` holds its pid while it runs, so
 * a command that rewrites the folder (the import) can refuse instead of swapping files under a
 * running console. A lock whose process is gone (a crash) is stale and ignored.
 */
export const CONSOLE_LOCK_FILE = 'console.lock';

export interface ConsoleLock {
  release(): Promise<void>;
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

/** Marks the folder as held by this process until `release`. */
export async function holdConsoleLock(dataDir: string, host: string): Promise<ConsoleLock> {
  const file = join(dataDir, CONSOLE_LOCK_FILE);
  await writeFile(file, JSON.stringify({ pid: process.pid, host, startedAt: new Date().toISOString() }));
  return {
    async release() {
      const holder = await consoleHolding(dataDir, -1);
      if (holder?.pid === process.pid) await rm(file, { force: true });
    },
  };
}

/** The running console holding the folder, or undefined (none, or only a stale lock). */
export async function consoleHolding(dataDir: string, self = process.pid): Promise<{ pid: number; host: string } | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, CONSOLE_LOCK_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const { pid, host } = JSON.parse(text) as { pid?: unknown; host?: unknown };
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0 || pid === self || !alive(pid)) return undefined;
    return { pid, host: typeof host === 'string' ? host : 'console' };
  } catch {
    return undefined;
  }
}
