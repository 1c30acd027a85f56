import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bundle } from '../../../src-shared/bundle';
import { dispatch } from '../../../src-main/core/dispatch';
import { bundleChunks } from '../../../src-main/core/data/bundle-file';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';
import { DEFAULT_BUSINESS_CALENDAR, DEFAULT_POLICY } from '../../../src-shared/sla';
import { closeDesk, deskOnDisk, scratch, type DeskOnDiskOptions } from '../desk-on-disk';

const T0 = '2026-11-26T10:00:00.000Z';
const silent = { warn: () => undefined, error: () => undefined };
const emptyDir = () => scratch('desk-transfer-');

/** The console as a host builds it, on a data folder and a manual clock. */
const desk = (dir: string, options: Omit<DeskOnDiskOptions, 'at'> = {}) => deskOnDisk(dir, { at: T0, ...options });

const acknowledge = {
  type: 'acknowledge',
  checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true },
  response: 'We are on it.',
  nextSteps: 'Collect the logs.',
} as const;

/** A data folder with open and closed cases, a review, a second calendar with a holiday, and a snooze. */
async function populated(dir: string) {
  const { core, clock } = await desk(dir);
  const h = core.handlers;
  await h['settings.update']({
    engineerName: 'Ana',
    policy: { ...DEFAULT_POLICY, calendars: [...DEFAULT_POLICY.calendars, { ...DEFAULT_BUSINESS_CALENDAR, id: 'lisbon', name: 'Lisbon office', timeZone: 'Europe/Lisbon', holidays: ['2026-12-08'] }] },
  });
  const open = await h['cases.create']({ title: 'Checkout 502s', customer: 'Acme', plan: 'premium', severity: 'P2', description: '', reportedBy: '' });
  const closed = await h['cases.create']({ title: 'Slow search', customer: 'Globex', plan: 'standard', severity: 'P3', description: '', reportedBy: '' });
  clock.advance(10 * 60_000);
  await h['cases.act']({ id: closed.id, command: acknowledge });
  await h['cases.act']({ id: closed.id, command: { type: 'resolve', criterion: 'serviceRestored', method: 'configurationChange', summary: 'Index rebuilt.' } });
  await h['cases.act']({ id: closed.id, command: { type: 'close', customerConfirmation: 'Confirmed.' } });
  await h['reviews.start']({ caseId: closed.id });
  await h['runtime.snooze']({ caseId: open.id, minutes: 30 });
  await core.runtime.idle();
  return { core, clock, open: open.id, closed: closed.id };
}

function textOf(bundle: Bundle): string {
  return [...bundleChunks(bundle)].join('');
}

describe('the export of all data', () => {
  it('carries every case, review, the settings with their calendars and holidays, the snoozes and the counter', async () => {
    const { core, open, closed } = await populated(await emptyDir());
    const { bundle, fileName, summary } = await core.data.collect();
    expect(fileName).toBe('response-desk-export-2026-11-26.json');
    expect(bundle.cases.map((c) => c.id)).toEqual([open, closed]);
    expect(bundle.reviews.map((r) => r.caseId)).toEqual([closed]);
    expect(bundle.settings.engineerName).toBe('Ana');
    expect(bundle.settings.policy.calendars.map((c) => [c.id, c.holidays])).toEqual([
      ['business-hours', []],
      ['lisbon', ['2026-12-08']],
    ]);
    expect(bundle.runtime.snoozes).toEqual({ [open]: '2026-11-26T10:40:00.000Z' });
    expect(bundle.counter).toEqual({ prefix: 'RD', nextNumber: 1003 });
    expect(summary).toEqual({ cases: 2, reviews: 1, calendars: 2, plans: 2 });
    expect(JSON.parse(textOf(bundle))).toEqual(bundle);
  });

  it('reads back equal after an import into an empty data folder, apart from the export time', async () => {
    const { core } = await populated(await emptyDir());
    const first = (await core.data.collect()).bundle;

    const clock = createManualClock('2026-11-26T10:20:00.000Z');
    const target = await desk(await emptyDir(), { clock });
    const result = await target.core.data.importText(textOf(first));
    expect(result).toMatchObject({ kind: 'imported', summary: { cases: 2, reviews: 1, calendars: 2 } });
    expect(result.message).toBe(`Imported 2 cases, 1 review, settings and 2 calendars; previous data backed up as ${result.backup}.`);
    await target.core.runtime.idle();
    const second = (await target.core.data.collect()).bundle;
    expect(second.exportedAt).toBe('2026-11-26T10:20:00.000Z');
    expect({ ...second, exportedAt: first.exportedAt }).toEqual(first);
  });

  it('keeps what it imported across a restart of the console', async () => {
    const { core } = await populated(await emptyDir());
    const first = (await core.data.collect()).bundle;
    const dir = await emptyDir();
    const target = await desk(dir);
    await target.core.data.importText(textOf(first));
    await closeDesk(target.core);
    const again = await desk(dir);
    expect({ ...(await again.core.data.collect()).bundle, exportedAt: first.exportedAt }).toEqual(first);
  });

  it('refuses, naming the file, when a review cannot be read, rather than write a file without it', async () => {
    const dir = await emptyDir();
    const { core, closed } = await populated(dir);
    await closeDesk(core);
    await writeFile(join(dir, 'reviews', `${closed}.json`), '{"schemaVersion": 1, "review": {"caseId": 4');
    const reopened = await desk(dir);
    await expect(reopened.core.data.collect()).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(new RegExp(`^The export was refused, so that no incomplete file is written: .*reviews/${closed}\\.json could not be read`)),
    });
  });

  it('refuses, naming the part, when the closed history cannot be read', async () => {
    const dir = await emptyDir();
    const { core } = await populated(dir);
    await closeDesk(core);
    const [partition] = (await readdir(join(dir, 'history'))).filter((name) => name.endsWith('.json') && name !== 'summary.json');
    await writeFile(join(dir, 'history', partition), '{"schemaVersion": 1, "cases": [');
    // Without the review, whose action items would read the damaged case at start-up.
    await rm(join(dir, 'reviews'), { recursive: true });
    const reopened = await desk(dir);
    await expect(reopened.core.data.collect()).rejects.toMatchObject({
      code: 'STORAGE',
      message: expect.stringMatching(new RegExp(`^The export was refused, so that no incomplete file is written: .*history/${partition.replace('.', '\\.')}`)),
    });
  });

  it('refuses, naming the file, when a file was found damaged and kept aside', async () => {
    const dir = await emptyDir();
    const { core, open } = await populated(dir);
    await closeDesk(core);
    await writeFile(join(dir, 'active', `${open}.json`), 'not json');
    const reopened = await desk(dir);
    await expect(reopened.core.data.collect()).rejects.toMatchObject({ code: 'STORAGE', message: expect.stringContaining(`active/${open}.json could not be read`) });
    // An import replaces all the data: the damage it replaced no longer stops an export.
    const empty = await desk(await emptyDir());
    await reopened.core.data.importText(textOf((await empty.core.data.collect()).bundle));
    expect((await reopened.core.data.collect()).summary.cases).toBe(0);
  });
});

describe('the import of all data', () => {
  it('replaces the reviews too: an old review never attaches itself to an imported case of the same id', async () => {
    const source = await desk(await emptyDir());
    await source.core.handlers['cases.create']({ title: 'Imported case', customer: 'Initech', plan: 'standard', severity: 'P4', description: '', reportedBy: '' });
    const bundle = (await source.core.data.collect()).bundle;

    const { core, closed } = await populated(await emptyDir());
    expect(closed).toBe('RD-1002');
    const withSameId = { ...bundle, counter: { prefix: 'RD', nextNumber: 1003 }, cases: [...bundle.cases, { ...bundle.cases[0], id: 'RD-1002', events: bundle.cases[0].events.map((e) => ({ ...e, id: `RD-1002#${e.seq}` })) }] };
    await core.data.importText(JSON.stringify(withSameId));
    expect((await core.handlers['reviews.get']({ caseId: 'RD-1002' })).review).toBeNull();
    expect(await core.handlers['reviews.deadlines']({})).toEqual([]);
  });

  it('refuses an invalid file with its problems named, takes no backup and changes nothing', async () => {
    const dir = await emptyDir();
    const { core } = await populated(dir);
    const before = (await core.data.collect()).bundle;
    const broken = { ...before, counter: { prefix: 'RD', nextNumber: 9007199254740991 } };
    const result = await dispatch(core.handlers, 'data.import', {}, silent);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    await expect(core.data.importText(JSON.stringify(broken))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'The import file is invalid: counter.nextNumber: nextNumber must be at most 1000000000.',
    });
    await expect(core.data.importText('{"format": "response-desk.bundle", ')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^The import file is not JSON: /) });
    expect((await readdir(join(dir, 'backups'))).filter((name) => name.includes('before-import'))).toEqual([]);
    expect({ ...(await core.data.collect()).bundle, exportedAt: before.exportedAt }).toEqual(before);
  });

  it('takes a backup of everything first, which holds the data as it was', async () => {
    const dir = await emptyDir();
    const { core, closed } = await populated(dir);
    const empty = await desk(await emptyDir());
    const result = await core.data.importText(textOf((await empty.core.data.collect()).bundle));
    expect(result.backup).toContain(join(dir, 'backups'));
    expect(await readdir(join(result.backup, 'reviews'))).toEqual([`${closed}.json`]);
    expect(JSON.parse(await readFile(join(result.backup, 'settings.json'), 'utf8')).engineerName).toBe('Ana');
    expect(await core.handlers['cases.list']({})).toEqual([]);
    expect((await core.handlers['settings.get']({})).engineerName).toBe('Engineer');
  });

  it('reads the older cases-only export, keeping the current settings', async () => {
    const { core } = await populated(await emptyDir());
    const { cases } = (await core.data.collect()).bundle;
    const legacy = { format: 'response-desk.cases', version: 1, exportedAt: T0, nextNumber: 1003, cases };
    const target = await desk(await emptyDir());
    await target.core.handlers['settings.update']({ engineerName: 'Bo' });
    const result = await target.core.data.importText(JSON.stringify(legacy));
    expect(result.summary).toMatchObject({ cases: 2, reviews: 0 });
    expect((await target.core.handlers['settings.get']({})).engineerName).toBe('Bo');
    expect((await target.core.handlers['cases.list']({})).map((c) => c.id)).toEqual(['RD-1001']);
  });
});

describe('export and import through the Electron dialogs', () => {
  it('streams the export into the file the engineer chose, or writes nothing when they cancel', async () => {
    const target = join(await emptyDir(), 'all.json');
    let answer: string | undefined = target;
    const dir = await emptyDir();
    const { core } = await populated(dir);
    await closeDesk(core);
    const electron = await desk(dir, { saveDialog: async () => answer });
    const saved = await electron.core.handlers['data.export']({});
    expect(saved).toMatchObject({ kind: 'saved', path: target, message: `Exported 2 cases, 1 review, settings and 2 calendars to ${target}.` });
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ ...(await electron.core.data.collect()).bundle, exportedAt: T0 });
    answer = undefined;
    expect(await electron.core.handlers['data.export']({})).toEqual({ kind: 'cancelled' });
  });

  it('imports the file the engineer opened, or nothing when they cancel', async () => {
    const file = join(await emptyDir(), 'all.json');
    const { core } = await populated(await emptyDir());
    await writeFile(file, textOf((await core.data.collect()).bundle));
    const answers: Array<string | undefined> = [undefined, file];
    const electron = await desk(await emptyDir(), { openDialog: async () => answers.shift() });
    expect(await electron.core.handlers['data.import']({})).toEqual({ kind: 'cancelled' });
    expect(await electron.core.handlers['data.import']({})).toMatchObject({ kind: 'imported', summary: { cases: 2 } });
    expect((await electron.core.handlers['cases.list']({})).map((c) => c.id)).toEqual(['RD-1001']);
  });

  it('says where the export goes when the host has no save dialog (the browser downloads it over HTTP)', async () => {
    const { core } = await desk(await emptyDir());
    const result = await dispatch(core.handlers, 'data.export', {}, silent);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('over HTTP') } });
  });
});
