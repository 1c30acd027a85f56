import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';
import { REQUEST_NAMES } from '../../../src-shared/contract';
import { dispatch } from '../../../src-main/core/dispatch';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';
import { boot, DAY, T0 } from './boot';

const silent = { warn: () => undefined, error: () => undefined };

describe('the data requests of the contract', () => {
  it('says there is nothing to export when the console keeps no data on disk', async () => {
    const { core } = await boot();
    await expect(core.data.collect()).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: 'This console keeps no data on disk, so there is nothing to export or import.' });
  });

  it('lists every new request in the contract names', () => {
    expect(REQUEST_NAMES).toEqual(expect.arrayContaining(['notifications.list', 'runtime.snooze', 'runtime.unsnooze', 'runtime.status', 'data.export', 'data.import']));
  });

  it('refuses a snooze of no minutes at the gate, naming the field', async () => {
    const { core } = await boot();
    const result = await dispatch(core.handlers, 'runtime.snooze', { caseId: 'RD-1001', minutes: 0 }, silent);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'minutes', message: 'snooze for at least 1 minute' }] } });
  });
});

describe('daily backups', () => {
  it('makes a snapshot at start and then at every UTC midnight', async () => {
    const snapshots: string[] = [];
    const data = {
      exportCases: async () => ({ prefix: 'RD', nextNumber: 1001, cases: [] }),
      replaceAll: async () => ({ backup: '' }),
      report: () => ({ corrupt: [], migrated: [] }),
      snapshotIfDue: async (now: number) => {
        snapshots.push(new Date(now).toISOString());
        return undefined;
      },
    };
    const { advance } = await boot({ extra: { data } });
    expect(snapshots).toEqual([T0]);
    await advance(2 * DAY);
    expect(snapshots).toEqual([T0, '2026-11-27T00:00:00.000Z', '2026-11-28T00:00:00.000Z']);
  });

  it('keeps as many snapshots as the settings say', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-backups-'));
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, ...DEFAULT_SETTINGS, backups: { keep: 2 } }));
    const { openDataDir } = await import('../../../src-main/core/data-dir');
    const clock = createManualClock(T0);
    const opened = await openDataDir(dir, clock);
    const desk = await boot({ clock, store: opened.store, extra: { data: opened.data, runtimeStateFile: opened.runtimeStateFile, settingsFile: opened.settingsFile } });
    await desk.advance(4 * DAY);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(join(dir, 'backups'))).sort()).toEqual(['2026-11-29', '2026-11-30']);
    // A count changed while the console runs applies at the next snapshot.
    await desk.core.handlers['settings.update']({ backups: { keep: 1 } });
    await desk.advance(DAY);
    expect(await readdir(join(dir, 'backups'))).toEqual(['2026-12-01']);
  });
});
