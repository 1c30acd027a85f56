import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../src-shared/settings';
import type { CaseStore, Clock, DataPort, DocumentPort, StoreOpenReport } from './ports';
import {
  NOTIFICATIONS_VERSION,
  RUNTIME_STATE_VERSION,
  emptyNotificationsFile,
  emptyRuntimeState,
  notificationsFileSchema,
  runtimeStateSchema,
  type NotificationsFile,
  type RuntimeState,
} from './runtime';
import {
  DurableJsonFile,
  RUNTIME_STATE_FILE,
  SETTINGS_FILE,
  applyPendingRestores,
  createFileCaseStore,
  finishImport,
  latestBackupOf,
  openDocument,
  type FileCaseStore,
} from './storage';

export const SETTINGS_VERSION = 1;
const settingsFileSchema = settingsSchema.extend({ schemaVersion: z.literal(SETTINGS_VERSION) });
type SettingsFile = z.infer<typeof settingsFileSchema>;

export interface OpenedDataDir {
  readonly store: FileCaseStore & CaseStore;
  readonly settingsFile: DocumentPort<Settings>;
  readonly runtimeStateFile: DocumentPort<RuntimeState>;
  readonly notificationsFile: DocumentPort<NotificationsFile>;
  readonly data: DataPort;
  /** Problems found opening files other than the case store's (settings, runtime state). */
  readonly extraReport: StoreOpenReport;
  /** Window geometry is not precious: written durably but without migrations. */
  saveWindowState(file: string, state: unknown): void;
}

/** Opens everything the core keeps in the data directory. */
export async function openDataDir(dataDir: string, clock: Pick<Clock, 'now'>): Promise<OpenedDataDir> {
  const restored = await applyPendingRestores(dataDir, clock.now());
  // An import committed before a crash lands before settings and runtime state are read.
  await finishImport(dataDir);
  const latestBackup = (file: string) => latestBackupOf(dataDir, file);
  const openSettings = () => openDocument<SettingsFile>({
    path: join(dataDir, SETTINGS_FILE),
    schema: settingsFileSchema,
    version: SETTINGS_VERSION,
    migrations: [],
    empty: () => ({ schemaVersion: SETTINGS_VERSION, ...DEFAULT_SETTINGS }),
    now: () => clock.now(),
    latestBackup,
  });
  const opened = await openSettings();
  if (!opened.db) throw new Error('settings document did not open');
  let db = opened.db;
  // The daily snapshot passes the current count; this one is for snapshots the store makes itself (before an import).
  const store = createFileCaseStore({ dir: dataDir, clock, keepBackups: db.data.backups.keep });
  const openRuntime = () => openDocument<RuntimeState>({
    path: join(dataDir, RUNTIME_STATE_FILE),
    schema: runtimeStateSchema,
    version: RUNTIME_STATE_VERSION,
    migrations: [],
    empty: emptyRuntimeState,
    now: () => clock.now(),
    latestBackup,
  });
  const runtime = await openRuntime();
  if (!runtime.db) throw new Error('runtime state document did not open');
  let runtimeDb = runtime.db;
  const notifications = await openDocument<NotificationsFile>({
    path: join(dataDir, 'notifications.json'),
    schema: notificationsFileSchema,
    version: NOTIFICATIONS_VERSION,
    migrations: [],
    empty: emptyNotificationsFile,
    now: () => clock.now(),
    latestBackup,
  });
  const notificationsDb = notifications.db;
  if (!notificationsDb) throw new Error('notifications document did not open');
  // The first load reads what was opened above; a later one (after an import replaced the files) opens the file again.
  let settingsLoaded = false;
  let runtimeLoaded = false;
  const settingsFile: DocumentPort<Settings> = {
    async load() {
      if (settingsLoaded) db = (await openSettings()).db ?? db;
      settingsLoaded = true;
      const { schemaVersion: _version, ...settings } = db.data;
      return settings;
    },
    async save(next) {
      db.data = { schemaVersion: SETTINGS_VERSION, ...next };
      await db.write();
    },
  };
  const runtimeStateFile: DocumentPort<RuntimeState> = {
    load: async () => {
      if (runtimeLoaded) runtimeDb = (await openRuntime()).db ?? runtimeDb;
      runtimeLoaded = true;
      return structuredClone(runtimeDb.data);
    },
    async save(next) {
      runtimeDb.data = next;
      await runtimeDb.write();
    },
  };
  const notificationsFile: DocumentPort<NotificationsFile> = {
    load: async () => structuredClone(notificationsDb.data),
    async save(next) {
      notificationsDb.data = next;
      await notificationsDb.write();
    },
  };
  const others = [opened, runtime, notifications];
  return {
    store,
    settingsFile,
    runtimeStateFile,
    notificationsFile,
    data: store,
    extraReport: {
      corrupt: others.flatMap((doc) => (doc.corrupt ? [doc.corrupt] : [])),
      migrated: others.flatMap((doc) => (doc.migrated ? [doc.migrated] : [])),
      restored,
    },
    saveWindowState(file, state) {
      void new DurableJsonFile<unknown>(file).write(state).catch(() => undefined);
    },
  };
}
