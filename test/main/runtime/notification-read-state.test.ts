import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDataDir } from '../../../src-main/core/data-dir';
import { emptyNotificationsFile } from '../../../src-main/core/runtime';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';
import { createMemoryDocument } from '../../../src-main/core/testing/memory-store';
import { dispatch } from '../../../src-main/core/dispatch';
import { boot, HOUR, T0 } from './boot';

describe('the read state of notifications', () => {
  it('lists every notification unread until it is marked read', async () => {
    const { core, advance, logCase } = await boot();
    await logCase('premium', 'P1');
    await advance(HOUR);
    const listed = await core.handlers['notifications.list']({});
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.every((n) => !n.read)).toBe(true);

    const first = listed[0]!.id;
    expect(await core.handlers['notifications.markRead']({ ids: [first] })).toEqual({ unread: listed.length - 1 });
    const after = await core.handlers['notifications.list']({});
    expect(after.filter((n) => n.read).map((n) => n.id)).toEqual([first]);
  });

  it('tells every attached page which notifications were marked read, once they are kept, and nothing when none changed', async () => {
    const { core, logCase } = await boot();
    await logCase('premium', 'P1');
    const listed = await core.handlers['notifications.list']({});
    const pushed: string[][] = [];
    core.bus.on('notifications.read', ({ ids }) => pushed.push(ids));
    await core.handlers['notifications.markRead']({ ids: [listed[0]!.id, 'gone-from-the-list'] });
    expect(pushed).toEqual([[listed[0]!.id]]);
    await core.handlers['notifications.markRead']({ ids: [listed[0]!.id] });
    expect(pushed).toHaveLength(1);
  });

  it('keeps the notifications and what was read across a restart of the core', async () => {
    const notificationsFile = createMemoryDocument(emptyNotificationsFile());
    const clock = createManualClock(T0);
    const first = await boot({ clock, extra: { notificationsFile } });
    await first.logCase('premium', 'P1');
    const listed = await first.core.handlers['notifications.list']({});
    await first.core.handlers['notifications.markRead']({ ids: listed.map((n) => n.id) });

    const second = await boot({ clock, store: first.store, stateFile: first.stateFile, extra: { notificationsFile } });
    const again = await second.core.handlers['notifications.list']({});
    expect(again.map((n) => n.id)).toEqual(listed.map((n) => n.id));
    expect(again.every((n) => n.read)).toBe(true);
  });

  it('writes notifications.json in the data directory, so a restarted console finds them read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'desk-notifications-'));
    const clock = createManualClock(T0);
    const opened = await openDataDir(dir, clock);
    const first = await boot({ clock, store: opened.store, extra: { notificationsFile: opened.notificationsFile, runtimeStateFile: opened.runtimeStateFile } });
    await first.logCase('premium', 'P1');
    const [escalated] = await first.core.handlers['notifications.list']({});
    expect(escalated?.kind).toBe('escalated');
    await first.core.handlers['notifications.markRead']({ ids: [escalated!.id] });
    expect(JSON.parse(await readFile(join(dir, 'notifications.json'), 'utf8'))).toMatchObject({ schemaVersion: 1, recent: [{ id: escalated!.id, read: true }] });

    const reopened = await openDataDir(dir, clock);
    const second = await boot({ clock, store: reopened.store, extra: { notificationsFile: reopened.notificationsFile, runtimeStateFile: reopened.runtimeStateFile } });
    expect(await second.core.handlers['notifications.list']({})).toMatchObject([{ id: escalated!.id, read: true }]);
  });

  it('refuses an empty id with a message that says so, and marks nothing', async () => {
    const { core, logCase } = await boot();
    await logCase('premium', 'P1');
    const result = await dispatch(core.handlers, 'notifications.markRead', { ids: [''] }, { warn: () => undefined, error: () => undefined });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('a notification id is empty') } });
    expect((await core.handlers['notifications.list']({})).every((n) => !n.read)).toBe(true);
  });
});
