import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, EVENT_NAMES, REQUEST_CHANNEL, REQUEST_NAMES } from '../../src-shared/contract/names';
import type { DeskApi, DeskEvents } from '../../src-shared/contract';

/**
 * The only ipcRenderer user. It exposes one named function per request and an event
 * subscription that hands listeners the payload only, never ipcRenderer or the IPC event.
 */
const api = Object.fromEntries(
  REQUEST_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(REQUEST_CHANNEL, name, input)]),
) as unknown as DeskApi;

const knownEvents: ReadonlySet<string> = new Set(EVENT_NAMES);

const events: DeskEvents = {
  on(name, listener) {
    if (!knownEvents.has(name)) throw new Error(`There is no event named ${String(name)}`);
    const handler = (_event: unknown, eventName: unknown, payload: unknown) => {
      if (eventName === name) (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('desk', { api, events });
