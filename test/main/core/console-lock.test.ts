import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_LOCK_FILE, ConsoleLockError, consoleHolding, holdConsoleLock } from '../../../src-main/core/console-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid no process has (Linux pids stop at 2^22). */
const GONE = 2 ** 22 + 12345;

describe('console.lock: one writer per data folder', () => {
  it('a second holder is refused while the first runs, naming the folder and the process', async () => {
    const lock = await holdConsoleLock(dir, 'browser');
    const refused = holdConsoleLock(dir, 'import');
    await expect(refused).rejects.toBeInstanceOf(ConsoleLockError);
    await expect(refused).rejects.toThrow(`the browser console (process ${process.pid}) is using the data folder ${dir}; close it first. Nothing was changed.`);
    expect(await consoleHolding(dir)).toEqual({ pid: process.pid, host: 'browser' });
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
    // Free again: the next one takes it.
    await (await holdConsoleLock(dir, 'import')).release();
  });

  it('of many starting at once, exactly one holds the folder', async () => {
    const tries = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => holdConsoleLock(dir, i % 2 === 0 ? 'browser' : 'import')));
    expect(tries.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of tries) if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ConsoleLockError);
    expect(await readdir(dir)).toEqual([CONSOLE_LOCK_FILE]);
  });

  it('a lock left by a process that is gone, or a damaged one, is taken over', async () => {
    await writeFile(join(dir, CONSOLE_LOCK_FILE), JSON.stringify({ pid: GONE, host: 'electron' }));
    expect(await consoleHolding(dir)).toBeUndefined();
    const lock = await holdConsoleLock(dir, 'import');
    expect(JSON.parse(await readFile(join(dir, CONSOLE_LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: 'import' });
    await lock.release();
    await writeFile(join(dir, CONSOLE_LOCK_FILE), '{"pid": 12');
    await (await holdConsoleLock(dir, 'browser')).release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('a release never removes a lock another process took over since', async () => {
    const lock = await holdConsoleLock(dir, 'browser');
    const other = JSON.stringify({ pid: process.ppid, host: 'electron' });
    await writeFile(join(dir, CONSOLE_LOCK_FILE), other);
    await lock.release();
    expect(await readFile(join(dir, CONSOLE_LOCK_FILE), 'utf8')).toBe(other);
  });
});
