import type { DeskHandlers, SystemInfo } from '../../src-shared/contract';
import type { Settings } from '../../src-shared/settings';
import { CaseService } from './cases/case-service';
import { EventBus } from './event-bus';
import type { CaseStore, Clock, DocumentPort, StoreOpenReport } from './ports';
import { SettingsService } from './settings/settings-service';

export interface CoreDeps {
  readonly host: SystemInfo['host'];
  readonly version: string;
  readonly dataDir: string;
  readonly clock: Clock;
  readonly store: CaseStore;
  readonly settingsFile: DocumentPort<Settings>;
  /** Problems found opening other files (settings), reported with the store's. */
  readonly extraReport?: StoreOpenReport;
}

export interface Core {
  readonly handlers: DeskHandlers;
  readonly bus: EventBus;
  readonly report: StoreOpenReport;
  readonly cases: CaseService;
  readonly settings: SettingsService;
  readonly clock: Clock;
  close(): Promise<void>;
}

/** Builds the host-agnostic core: opens storage, loads settings, wires handlers. */
export async function createCore(deps: CoreDeps): Promise<Core> {
  const bus = new EventBus();
  const storeReport = await deps.store.open();
  const report: StoreOpenReport = {
    corrupt: [...storeReport.corrupt, ...(deps.extraReport?.corrupt ?? [])],
    migrated: [...storeReport.migrated, ...(deps.extraReport?.migrated ?? [])],
  };
  const settings = new SettingsService(deps.settingsFile, bus);
  await settings.load();
  const cases = new CaseService({
    store: deps.store,
    clock: deps.clock,
    bus,
    actor: () => settings.get().engineerName,
    policy: () => settings.get().policy,
  });

  const handlers: DeskHandlers = {
    'system.info': async () => ({ version: deps.version, host: deps.host, dataDir: deps.dataDir, storage: report }),
    'cases.list': async () => cases.list(),
    'cases.get': async ({ id }) => cases.get(id),
    'cases.create': async (input) => cases.create(input),
    'cases.act': async ({ id, command }) => cases.act(id, command),
    'cases.history': async ({ limit, offset }) => cases.history(limit, offset),
    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => settings.update(patch),
  };

  return {
    handlers,
    bus,
    report,
    cases,
    settings,
    clock: deps.clock,
    close: () => deps.store.close(),
  };
}
