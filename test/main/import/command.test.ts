import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_LOCK_FILE, ConsoleLockError, holdConsoleLock } from '../../../src-main/core/console-lock';
import { runImportCommand } from '../../../src-main/core/import/command';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';

// Each import snapshots and rewrites the data folder: a limit for hangs on a loaded machine, not for speed.
vi.setConfig({ testTimeout: 30_000 });

const FIXTURES = join(__dirname, '../../fixtures/import');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'desk-import-command-'));
  dirs.push(dir);
  return dir;
}

async function command(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runImportCommand(argv, {
    dataDir: (given) => given ?? '/nonexistent-default',
    clock: createManualClock('2026-11-30T12:00:00.000Z'),
    io: { out: (line) => out.push(line), err: (line) => err.push(line) },
  });
  return { status, out, err };
}

const tickets = join(FIXTURES, 'zendesk-tickets.json');
const audits = join(FIXTURES, 'zendesk-audits.json');

describe('npm run import', () => {
  it('prints one summary line, and a dry run on a new folder creates nothing', async () => {
    const desk = join(await folder(), 'desk');
    const dry = await command('zendesk', tickets, audits, '--data-dir', desk, '--dry-run', '--customer-plan', 'Acme Corp=premium');
    expect(dry).toMatchObject({ status: 0, out: ['Imported 5 cases (2 skipped, 0 already present) [dry run: nothing was written]'] });
    expect(dry.err).toEqual([expect.stringMatching(/^ticket 35441: created_at/), expect.stringMatching(/^ticket 35442: status "archived"/)]);
    await expect(readdir(desk)).rejects.toThrow(/ENOENT/);
  });

  it('imports, then the same file again finds every case already present', async () => {
    const desk = join(await folder(), 'desk');
    expect(await command('zendesk', tickets, audits, '--data-dir', desk)).toMatchObject({ status: 0, out: ['Imported 5 cases (2 skipped, 0 already present)'] });
    expect(await command('zendesk', tickets, audits, '--data-dir', desk)).toMatchObject({ status: 0, out: ['Imported 0 cases (2 skipped, 5 already present)'] });
    expect(await command('jsm', join(FIXTURES, 'jsm-export.csv'), '--data-dir', desk, '--priority', 'Sev 1=P1', '--time-zone', 'Europe/Berlin')).toMatchObject({
      status: 0,
      out: ['Imported 5 cases (1 skipped, 0 already present)'],
    });
  });

  it('exits non-zero when nothing could be read, saying why', async () => {
    const desk = join(await folder(), 'desk');
    const empty = await command('jsm', join(FIXTURES, 'empty.json'), '--data-dir', desk);
    expect(empty).toMatchObject({ status: 1, out: [], err: ['response-desk import: empty.json cannot be imported: the file is empty. Nothing was changed.'] });
    expect(await command('zendesk', join(FIXTURES, 'missing.json'), '--data-dir', desk)).toMatchObject({ status: 1, err: [expect.stringMatching(/missing\.json does not exist$/)] });
  });

  it('refuses a wrong source or flag with the usage', async () => {
    expect(await command('freshdesk', tickets)).toMatchObject({ status: 2, err: ['response-desk import: the first word is the export\'s source: zendesk or jsm, not "freshdesk"', expect.stringMatching(/^usage:/)] });
    expect(await command('jsm', tickets, '--priority', 'Sev 1=P0')).toMatchObject({ status: 2, err: ['response-desk import: --priority Sev 1=P0: a severity is P1, P2, P3 or P4', expect.stringMatching(/^usage:/)] });
  });

  it('refuses a folder a running console holds, and ignores a lock its process left behind', async () => {
    const desk = join(await folder(), 'desk');
    await mkdir(desk);
    // The test runner's parent stands in for a console that is running.
    await writeFile(join(desk, CONSOLE_LOCK_FILE), JSON.stringify({ pid: process.ppid, host: 'browser' }));
    const refused = await command('zendesk', tickets, '--data-dir', desk);
    expect(refused).toMatchObject({ status: 1, out: [], err: [`response-desk import: the browser console (process ${process.ppid}) is running on ${desk}; close it first, or import from its Settings > Data. Nothing was changed.`] });
    expect(await readdir(desk)).toEqual([CONSOLE_LOCK_FILE]);
    const dry = await command('zendesk', tickets, '--data-dir', desk, '--dry-run');
    expect(dry).toMatchObject({ status: 1, err: [expect.stringContaining(`is running on ${desk}`)] });
    // A console that crashed: its pid is gone.
    await writeFile(join(desk, CONSOLE_LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: 'browser' }));
    expect(await command('zendesk', tickets, '--data-dir', desk)).toMatchObject({ status: 0 });
    // The command let the folder go when it ended.
    expect(await readdir(desk)).not.toContain(CONSOLE_LOCK_FILE);
  });

  it('holds the folder while it imports: a console starting meanwhile is refused', async () => {
    const desk = join(await folder(), 'desk');
    const seen: Array<unknown> = [];
    const status = await runImportCommand(['zendesk', tickets, audits, '--data-dir', desk], {
      dataDir: (given) => given ?? '/nonexistent-default',
      clock: createManualClock('2026-11-30T12:00:00.000Z'),
      io: {
        out: () => undefined,
        err: () => undefined,
        progress: () => {
          if (seen.length > 0) return;
          seen.push(holdConsoleLock(desk, 'browser').then(
            () => 'taken',
            (error: unknown) => (error instanceof ConsoleLockError ? error.holder : error),
          ));
        },
      },
    });
    expect(status).toBe(0);
    expect(await Promise.all(seen)).toEqual([{ pid: process.pid, host: 'import' }]);
  });

  it('a console releases its lock when it closes', async () => {
    const desk = await folder();
    const lock = await holdConsoleLock(desk, 'browser');
    expect(await readdir(desk)).toEqual([CONSOLE_LOCK_FILE]);
    await lock.release();
    expect(await readdir(desk)).toEqual([]);
  });
});
