import type { DeskHandlers, SystemInfo } from '../../src-shared/contract';
import type { Settings } from '../../src-shared/settings';
import { CaseService } from './cases/case-service';
import { DataService } from './data/data-service';
import { EventBus } from './event-bus';
import type { CaseStore, Clock, DataPort, DocumentPort, Notifier, SaveDialog, StoreOpenReport } from './ports';
import { NotificationCenter, Runtime, volatileRuntimeState, type ActionItemSource, type RuntimeState } from './runtime';
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
  /** Desktop notifications (Electron); the browser host shows them in the page instead. */
  readonly notifier?: Notifier;
  /** What was notified and what is snoozed, kept across restarts. */
  readonly runtimeStateFile?: DocumentPort<RuntimeState>;
  /** Export, import and daily snapshots of the durable store. */
  readonly data?: DataPort;
  readonly saveDialog?: SaveDialog;
  /** The review module's open action items. */
  readonly actionItems?: ActionItemSource;
  readonly log?: { warn(message: string): void; error(message: string, error: unknown): void };
}

export interface Core {
  readonly handlers: DeskHandlers;
  readonly bus: EventBus;
  readonly report: StoreOpenReport;
  readonly cases: CaseService;
  readonly settings: SettingsService;
  readonly clock: Clock;
  readonly runtime: Runtime;
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

  const log = deps.log ?? { warn: (message: string) => console.warn(`[desk] ${message}`), error: (message: string, error: unknown) => console.error(`[desk] ${message}`, error) };
  const dataPort = deps.data;
  const notifications = new NotificationCenter(bus, deps.notifier, log);
  const runtime = new Runtime({
    clock: deps.clock,
    bus,
    cases,
    settings: () => settings.get(),
    notifications,
    stateFile: deps.runtimeStateFile ?? volatileRuntimeState(),
    ...(deps.actionItems ? { actionItems: deps.actionItems } : {}),
    ...(dataPort ? { snapshotIfDue: (now: number) => dataPort.snapshotIfDue(now) } : {}),
    log,
  });
  const data = new DataService({ data: deps.data, saveDialog: deps.saveDialog, clock: deps.clock, onReplaced: () => runtime.replaced() });

  const handlers: DeskHandlers = {
    'system.info': async () => ({ version: deps.version, host: deps.host, dataDir: deps.dataDir, storage: report }),
    'cases.list': async () => cases.list(),
    'cases.get': async ({ id }) => cases.get(id),
    'cases.create': async (input) => cases.create(input),
    'cases.act': async ({ id, command }) => cases.act(id, command),
    'cases.history': async ({ limit, offset }) => cases.history(limit, offset),
    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => settings.update(patch),
    'notifications.list': async () => notifications.recent(),
    'runtime.snooze': async ({ caseId, minutes }) => runtime.snooze(caseId, minutes),
    'runtime.unsnooze': async ({ caseId }) => runtime.unsnooze(caseId),
    'runtime.status': async () => runtime.attention(),
    'data.export': async () => data.export(),
    'data.import': async ({ content }) => data.import(content),
  };
  await runtime.start();

  return {
    handlers,
    bus,
    report,
    cases,
    settings,
    clock: deps.clock,
    runtime,
    close: async () => {
      await runtime.stop();
      await deps.store.close();
    },
  };
}
