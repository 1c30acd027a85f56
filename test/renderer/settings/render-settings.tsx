import { render } from '@testing-library/react';
import { SettingsView } from '../../../src-renderer/features/settings';
import { DeskProvider, createDeskStores, createNowStore } from '../../../src-renderer/state';
import type { SettingsPatch, Settings } from '../../../src-shared/settings';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';
import { createFakeDesk } from '../fake-desk';

/** A backend holding settings in memory: answers settings.get and applies settings.update like the core. */
export function settingsDesk(initial: Settings = DEFAULT_SETTINGS) {
  let current = structuredClone(initial);
  const fake = createFakeDesk({
    'settings.get': () => ({ ok: true, value: current }),
    'settings.update': (patch: SettingsPatch) => {
      current = { ...current, ...structuredClone(patch) };
      return { ok: true, value: current };
    },
    // The Team section below the form asks too: this console works alone.
    'team.status': () => ({ ok: true, value: { connection: 'off', email: '', pending: 0, leader: false, refusals: [], members: [] } }),
  });
  return { ...fake, current: () => current };
}

/** The editor over the console's stores, the settings loaded as the console loads them at start. */
export function renderSettings(fake: ReturnType<typeof createFakeDesk>) {
  const stores = createDeskStores(fake.desk, createNowStore(Date.now()));
  void stores.settings.getState().load();
  render(
    <DeskProvider stores={stores}>
      <SettingsView />
    </DeskProvider>,
  );
  return stores;
}

export function updatesSent(fake: ReturnType<typeof createFakeDesk>): SettingsPatch[] {
  return fake.calls.filter((call) => call.name === 'settings.update').map((call) => call.input as SettingsPatch);
}

export const ics = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...events, 'END:VCALENDAR'].join('\r\n');
export const vevent = (uid: string, ...lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'].join('\r\n');
