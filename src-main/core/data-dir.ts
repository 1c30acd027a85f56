import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../src-shared/settings';
import type { CaseStore, Clock, DocumentPort, StoreOpenReport } from './ports';
import { DurableJsonFile, createFileCaseStore, openDocument, type FileCaseStore } from './storage';

export const SETTINGS_VERSION = 1;
const settingsFileSchema = settingsSchema.extend({ schemaVersion: z.literal(SETTINGS_VERSION) });
type SettingsFile = z.infer<typeof settingsFileSchema>;

export interface OpenedDataDir {
  readonly store: FileCaseStore & CaseStore;
  readonly settingsFile: DocumentPort<Settings>;
  /** Problems found opening files other than the case store's (settings). */
  readonly extraReport: StoreOpenReport;
  /** Window geometry is not precious: written durably but without migrations. */
  saveWindowState(file: string, state: unknown): void;
}

/** Opens everything the core keeps in the data directory. */
export async function openDataDir(dataDir: string, clock: Pick<Clock, 'now'>): Promise<OpenedDataDir> {
  const store = createFileCaseStore({ dir: dataDir, clock });
  const opened = await openDocument<SettingsFile>({
    path: join(dataDir, 'settings.json'),
    schema: settingsFileSchema,
    version: SETTINGS_VERSION,
    migrations: [],
    empty: () => ({ schemaVersion: SETTINGS_VERSION, ...DEFAULT_SETTINGS }),
    now: () => clock.now(),
  });
  const db = opened.db;
  if (!db) throw new Error('settings document did not open');
  const settingsFile: DocumentPort<Settings> = {
    async load() {
      const { schemaVersion: _version, ...settings } = db.data;
      return settings;
    },
    async save(next) {
      db.data = { schemaVersion: SETTINGS_VERSION, ...next };
      await db.write();
    },
  };
  return {
    store,
    settingsFile,
    extraReport: { corrupt: opened.corrupt ? [opened.corrupt] : [], migrated: opened.migrated ? [opened.migrated] : [] },
    saveWindowState(file, state) {
      void new DurableJsonFile<unknown>(file).write(state).catch(() => undefined);
    },
  };
}
