import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';
import { REQUEST_NAMES } from '../../../src-shared/contract';
import { dispatch } from '../../../src-main/core/dispatch';
import { createFileCaseStore } from '../../../src-main/core/storage';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';
import { boot, DAY, HOUR, T0 } from './boot';

const silent = { warn: () => undefined, error: () => undefined };

async function withFileStore(saveDialog?: (name: string) => Promise<string | undefined>) {
  const dir = await mkdtemp(join(tmpdir(), 'desk-runtime-'));
  const clock = createManualClock(T0);
  const store = createFileCaseStore({ dir, clock });
  const desk = await boot({ clock, store, extra: { data: store, ...(saveDialog ? { saveDialog } : {}) } });
  return { ...desk, dir };
}

describe('export and import through the contract', () => {
  it('hands the export to the page when there is no save dialog (browser host)', async () => {
    const { core, logCase } = await withFileStore();
    await logCase('standard', 'P3', 'Slow search');
    const result = await core.handlers['data.export']({});
    expect(result).toMatchObject({ kind: 'content', fileName: 'response-desk-export-2026-11-26.json', content: { format: 'response-desk.cases', cases: [{ id: 'RD-1001' }] } });
  });

  it('writes the export where the engineer chose (Electron), or nothing when they cancel', async () => {
    const target = join(await mkdtemp(join(tmpdir(), 'desk-export-')), 'cases.json');
    let answer: string | undefined = target;
    const asked: string[] = [];
    const { core, logCase } = await withFileStore(async (name) => {
      asked.push(name);
      return answer;
    });
    await logCase('standard', 'P3', 'Slow search');
    expect(await core.handlers['data.export']({})).toEqual({ kind: 'saved', path: target });
    expect(asked).toEqual(['response-desk-export-2026-11-26.json']);
    expect(JSON.parse(await readFile(target, 'utf8'))).toMatchObject({ cases: [{ id: 'RD-1001' }] });
    answer = undefined;
    expect(await core.handlers['data.export']({})).toEqual({ kind: 'cancelled' });
  });

  it('refuses an invalid import with the first problems named, and changes nothing', async () => {
    const { core, logCase } = await withFileStore();
    await logCase('standard', 'P3', 'Kept');
    const result = await dispatch(core.handlers, 'data.import', { content: { format: 'something-else', cases: 'no' } }, silent);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^The import file is invalid: format: must be "response-desk.cases"/) } });
    expect((await core.handlers['cases.list']({})).map((r) => r.id)).toEqual(['RD-1001']);
  });

  it('imports a valid file, replacing the cases, and arms the imported cases', async () => {
    const source = await withFileStore();
    await source.logCase('premium', 'P1', 'Imported outage');
    const exported = await source.core.handlers['data.export']({});
    if (exported.kind !== 'content') throw new Error('expected content');

    const { core, logCase, advance, shown } = await withFileStore();
    await logCase('standard', 'P4', 'Replaced');
    const result = await core.handlers['data.import']({ content: exported.content });
    expect(result).toMatchObject({ imported: 1, backup: expect.any(String) });
    expect((await core.handlers['cases.list']({})).map((r) => r.events[0]?.type === 'logged' && r.events[0].data.title)).toEqual(['Imported outage']);
    await advance(HOUR);
    expect(shown.filter((n) => n.kind === 'initialResponseOverdue').map((n) => n.caseId)).toEqual(['RD-1001']);
  });

  it('says there is nothing to export when the console keeps no data on disk', async () => {
    const { core } = await boot();
    await expect(core.handlers['data.export']({})).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
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
      exportAll: async () => ({}),
      importAll: async () => ({ imported: 0, backup: '' }),
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
