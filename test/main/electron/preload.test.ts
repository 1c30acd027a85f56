import { contextBridge, ipcRenderer } from '../electron-mock';
import { EVENT_CHANNEL, REQUEST_CHANNEL, REQUEST_NAMES, type DeskApi, type DeskEvents } from '../../../src-shared/contract';

describe('the preload', () => {
  it('exposes one named function per request and an event subscription, never ipcRenderer', async () => {
    await import('../../../src-main/preload/index');
    const exposed = contextBridge.exposed.get('desk') as { api: DeskApi; events: DeskEvents };
    expect(Object.keys(exposed).sort()).toEqual(['api', 'events']);
    expect(Object.keys(exposed.api).sort()).toEqual([...REQUEST_NAMES].sort());
    for (const value of Object.values(exposed.api)) expect(typeof value).toBe('function');
    expect(JSON.stringify(Object.keys(exposed.events))).not.toMatch(/ipc|invoke|send/);

    await exposed.api['cases.create']({ title: 't', customer: 'c' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(REQUEST_CHANNEL, 'cases.create', { title: 't', customer: 'c' });
  });

  it('hands event listeners the payload only, and only for the event they asked for', async () => {
    await import('../../../src-main/preload/index');
    const { events } = contextBridge.exposed.get('desk') as { events: DeskEvents };
    const listener = vi.fn();
    const off = events.on('settings.changed', listener);
    ipcRenderer.emit(EVENT_CHANNEL, { sender: 'ipc-event' }, 'cases.changed', { record: 1 });
    ipcRenderer.emit(EVENT_CHANNEL, { sender: 'ipc-event' }, 'settings.changed', { settings: 2 });
    expect(listener.mock.calls).toEqual([[{ settings: 2 }]]);
    off();
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'settings.changed', { settings: 3 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('refuses to subscribe to an event the contract does not have', async () => {
    await import('../../../src-main/preload/index');
    const { events } = contextBridge.exposed.get('desk') as { events: DeskEvents };
    expect(() => events.on('secrets.leaked' as never, () => {})).toThrow(/no event named/);
  });
});
