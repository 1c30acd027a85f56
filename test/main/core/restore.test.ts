import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../../src-main/core/core';
import { openDataDir } from '../../../src-main/core/data-dir';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';

let dir: string;
const open: Core[] = [];

async function start(): Promise<Core> {
  const clock = createManualClock('2026-11-26T10:00:00.000Z');
  const data = await openDataDir(dir, clock);
  const core = await createCore({ host: 'browser', version: 't', dataDir: dir, clock, ...data });
  open.push(core);
  return core;
}

async function stop(core: Core) {
  await core.close();
  open.splice(open.indexOf(core), 1);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-restore-'));
});
afterEach(async () => {
  for (const core of open.splice(0)) await core.close();
  await rm(dir, { recursive: true, force: true });
});

describe('restoring a corrupt file from its backup', () => {
  it('names the corrupt file and its latest backup, and restores it at the next start', async () => {
    let core = await start();
    await core.handlers['settings.update']({ engineerName: 'Ana Ruiz' });
    await stop(core);
    // The next day's snapshot holds the engineer name (the one made at start was taken before it was saved).
    const { store } = await openDataDir(dir, { now: () => Date.parse('2026-11-27T10:00:00Z') });
    await store.open();
    expect(await store.snapshotIfDue(Date.parse('2026-11-27T10:00:00Z'))).toBe(join(dir, 'backups', '2026-11-27'));
    await store.close();

    await writeFile(join(dir, 'settings.json'), '{ "schemaVersion": 1, "engineerName": ');
    core = await start();
    const info = await core.handlers['system.info']({});
    const problem = info.storage.corrupt.find((entry) => entry.file === join(dir, 'settings.json'));
    expect(problem?.reason).toMatch(/settings\.json/);
    expect(problem?.latestBackup).toBe(join(dir, 'backups', '2026-11-27', 'settings.json'));
    expect((await core.handlers['settings.get']({})).engineerName).not.toBe('Ana Ruiz');

    const requested = await core.handlers['data.restoreBackup']({ file: problem!.file });
    expect(requested).toEqual({ file: problem!.file, backup: problem!.latestBackup, restartRequired: true });
    await stop(core);

    core = await start();
    expect((await core.handlers['settings.get']({})).engineerName).toBe('Ana Ruiz');
    expect((await core.handlers['system.info']({})).storage.restored).toEqual([`settings.json restored from ${join('backups', '2026-11-27', 'settings.json')}`]);
    const kept = (await readdir(dir)).filter((name) => name.startsWith('settings.json.corrupt-'));
    expect(await readFile(join(dir, kept[0]!), 'utf8')).toContain('"engineerName": ');
  });

  it('refuses to restore a file that was not found corrupt', async () => {
    const core = await start();
    await expect(core.handlers['data.restoreBackup']({ file: join(dir, 'meta.json') })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/not found corrupt/) });
  });

  it('says when a corrupt file has no backup to restore from', async () => {
    await writeFile(join(dir, 'settings.json'), 'not json');
    const core = await start();
    await expect(core.handlers['data.restoreBackup']({ file: join(dir, 'settings.json') })).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(/no backup/) });
  });
});
