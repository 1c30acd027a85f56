import { copyFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventPayload } from '../../../src-shared/contract';
import type { Core } from '../../../src-main/core/core';
import { dispatch } from '../../../src-main/core/dispatch';
import { closeDesk, deskOnDisk, scratch } from '../desk-on-disk';

const DAY_ONE = '2026-11-26T10:00:00.000Z';
const DAY_TWO = '2026-11-27T10:00:00.000Z';
const silent = { warn: () => undefined, error: () => undefined };
const start = async (dir: string, at = DAY_TWO): Promise<Core> => (await deskOnDisk(dir, { at })).core;
const stop = closeDesk;

const acknowledge = {
  type: 'acknowledge',
  checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true },
  response: 'We are on it.',
  nextSteps: 'Collect the logs.',
} as const;

/**
 * Day one: an open case and a closed one (with a review when asked). Day two: a start takes the
 * daily snapshot, so every file has a backup. Returns the data folder, stopped.
 */
async function dataFolder(options: { review: boolean }): Promise<{ dir: string; open: string; closed: string; partition: string }> {
  const dir = await scratch('desk-damage-');
  let core = await start(dir, DAY_ONE);
  const h = core.handlers;
  const open = await h['cases.create']({ title: 'Checkout 502s', customer: 'Acme', plan: 'premium', severity: 'P2', description: '', reportedBy: '' });
  const closed = await h['cases.create']({ title: 'Slow search', customer: 'Globex', plan: 'premium', severity: 'P3', description: '', reportedBy: '' });
  await h['cases.act']({ id: closed.id, command: acknowledge });
  await h['cases.act']({ id: closed.id, command: { type: 'resolve', criterion: 'serviceRestored', method: 'configurationChange', summary: 'Index rebuilt.' } });
  await h['cases.act']({ id: closed.id, command: { type: 'close', customerConfirmation: 'Confirmed.' } });
  if (options.review) await h['reviews.start']({ caseId: closed.id });
  await stop(core);
  core = await start(dir, DAY_TWO);
  await stop(core);
  const [partition] = (await readdir(join(dir, 'history'))).filter((name) => /^\d{4}-\d{2}\.\d{3}\.json$/.test(name));
  return { dir, open: open.id, closed: closed.id, partition: join('history', partition) };
}

/** Damage as a disk makes it: the content replaced (by rename, so the backup's hard link keeps the good copy). */
async function damage(dir: string, file: string, content: string): Promise<void> {
  await writeFile(join(dir, `${file}.new`), content);
  await rename(join(dir, `${file}.new`), join(dir, file));
}

function pushes(core: Core): Array<EventPayload<'storage.changed'>> {
  const seen: Array<EventPayload<'storage.changed'>> = [];
  core.bus.on('storage.changed', (payload) => seen.push(payload));
  return seen;
}

describe('damage found after start-up is reported', () => {
  it('starts when the history file of a reviewed case is damaged, reports it, and the rest works', async () => {
    const { dir, open, closed, partition } = await dataFolder({ review: true });
    await damage(dir, partition, '{"schemaVersion": 1, "cases": [');
    const core = await start(dir);
    const info = await core.handlers['system.info']({});
    expect(info.storage.corrupt).toEqual([
      expect.objectContaining({ file: join(dir, partition), affects: expect.stringMatching(/^closed cases of November 2026/), latestBackup: join(dir, 'backups', '2026-11-27', partition) }),
    ]);
    // The rest works: the open case, a new case, the review deadlines, the list of every case.
    expect((await core.handlers['cases.get']({ id: open })).id).toBe(open);
    await core.handlers['cases.create']({ title: 'New one', customer: 'Initech', plan: 'standard', severity: 'P4', description: '', reportedBy: '' });
    await expect(core.handlers['reviews.deadlines']({})).resolves.toBeInstanceOf(Array);
    expect(await dispatch(core.handlers, 'cases.query', {}, silent)).toMatchObject({ ok: true, value: { total: 3 } });
    // The damaged case is refused as damaged (STORAGE, naming the file), never as a case that does not exist.
    const answer = await dispatch(core.handlers, 'cases.get', { id: closed }, silent);
    expect(answer).toMatchObject({ ok: false, error: { code: 'STORAGE', message: expect.stringContaining(`${partition} cannot be read`) } });
    await expect(core.data.collect()).rejects.toMatchObject({ code: 'STORAGE', message: expect.stringContaining(partition) });
  });

  it('pushes damage found while running with its sentence, and system.info and the restore offer carry it', async () => {
    const { dir, closed, partition } = await dataFolder({ review: false });
    await damage(dir, partition, 'not json at all');
    const core = await start(dir);
    const seen = pushes(core);
    expect((await core.handlers['system.info']({})).storage.corrupt).toEqual([]);

    const answer = await dispatch(core.handlers, 'reviews.get', { caseId: closed }, silent);
    expect(answer).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
    expect(seen).toHaveLength(1);
    expect(seen[0].message).toBe(
      `${partition} could not be read and was kept aside. Missing until it is restored: closed cases of November 2026 (one of the files that month's history is kept in). Restore it from its latest backup.`,
    );
    const problem = seen[0].storage.corrupt[0];
    expect(problem).toMatchObject({ file: join(dir, partition), foundWhileRunning: true, latestBackup: join(dir, 'backups', '2026-11-27', partition) });
    expect((await core.handlers['system.info']({})).storage.corrupt).toEqual([problem]);

    // Read again: reported once.
    await dispatch(core.handlers, 'cases.get', { id: closed }, silent);
    expect(seen).toHaveLength(1);

    expect(await core.handlers['data.restoreBackup']({ file: problem.file })).toEqual({ file: problem.file, backup: problem.latestBackup, restartRequired: true });
    await stop(core);
    const restored = await start(dir);
    expect((await restored.handlers['cases.get']({ id: closed })).id).toBe(closed);
  });

  it('reports a damaged review file, found when the reviews are first read, instead of dropping it silently', async () => {
    const { dir, closed } = await dataFolder({ review: true });
    await damage(dir, join('reviews', `${closed}.json`), '{"schemaVersion": 1, "review": {');
    const core = await start(dir);
    expect((await core.handlers['reviews.get']({ caseId: closed })).review).toBeNull();
    expect((await core.handlers['system.info']({})).storage.corrupt).toEqual([
      expect.objectContaining({
        file: join(dir, 'reviews', `${closed}.json`),
        affects: `the post-incident review of ${closed}`,
        latestBackup: join(dir, 'backups', '2026-11-27', 'reviews', `${closed}.json`),
      }),
    ]);
  });

  it('refuses a review file whose name does not match the case inside it, and reports it', async () => {
    const { dir, open, closed } = await dataFolder({ review: true });
    await copyFile(join(dir, 'reviews', `${closed}.json`), join(dir, 'reviews', `${open}.json`));
    const core = await start(dir);
    expect((await core.handlers['reviews.get']({ caseId: open })).review).toBeNull();
    const [problem] = (await core.handlers['system.info']({})).storage.corrupt;
    expect(problem).toMatchObject({ file: join(dir, 'reviews', `${open}.json`), reason: `${open}.json: holds the review of ${closed}, not ${open}` });
    expect((await readdir(join(dir, 'reviews'))).some((name) => name.startsWith(`${open}.json.corrupt-`))).toBe(true);
    expect((await core.handlers['reviews.get']({ caseId: closed })).review?.caseId).toBe(closed);
  });
});
