import { join } from 'node:path';
import type { DeskHandlers, SystemInfo } from '../../src-shared/contract';
import type { Settings } from '../../src-shared/settings';
import { CaseService } from './cases/case-service';
import { EventBus } from './event-bus';
import type { CaseStore, Clock, DocumentPort, StoreOpenReport } from './ports';
import { ReviewService, createFileReviewStore, type ReviewExportPort, type ReviewStore } from './reviews';
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
  /** Where reviews are kept; by default reviews/<caseId>.json in the data directory. */
  readonly reviewStore?: ReviewStore;
  /** PDF printing and save dialogs, where the host has them (Electron). */
  readonly reviewExport?: ReviewExportPort;
}

export interface Core {
  readonly handlers: DeskHandlers;
  readonly bus: EventBus;
  readonly report: StoreOpenReport;
  readonly cases: CaseService;
  readonly settings: SettingsService;
  readonly reviews: ReviewService;
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

  const reviews = new ReviewService({
    store: deps.reviewStore ?? createFileReviewStore({ dir: join(deps.dataDir, 'reviews'), now: () => deps.clock.now() }),
    cases,
    clock: deps.clock,
    bus,
    actor: () => settings.get().engineerName,
    policy: () => settings.get().policy,
    ...(deps.reviewExport ? { exportPort: deps.reviewExport } : {}),
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
    'reviews.get': async ({ caseId }) => reviews.get(caseId),
    'reviews.start': async ({ caseId }) => reviews.start(caseId),
    'reviews.save': async ({ caseId, baseVersion, changes }) => reviews.save(caseId, baseVersion, changes),
    'reviews.addCaseEvents': async ({ caseId, baseVersion }) => reviews.addCaseEvents(caseId, baseVersion),
    'reviews.submit': async ({ caseId, baseVersion }) => reviews.submit(caseId, baseVersion),
    'reviews.returnToDraft': async ({ caseId, baseVersion }) => reviews.returnToDraft(caseId, baseVersion),
    'reviews.publish': async ({ caseId, baseVersion }) => reviews.publish(caseId, baseVersion),
    'reviews.revise': async ({ caseId, baseVersion }) => reviews.revise(caseId, baseVersion),
    'reviews.setActionItem': async ({ caseId, itemId, status }) => reviews.setActionItem(caseId, itemId, status),
    'reviews.export': async ({ caseId, format }) => reviews.export(caseId, format),
    'reviews.saveExport': async ({ caseId, format }) => reviews.saveExport(caseId, format),
    'reviews.deadlines': async () => reviews.deadlines(),
  };

  return {
    handlers,
    bus,
    report,
    cases,
    settings,
    reviews,
    clock: deps.clock,
    close: () => deps.store.close(),
  };
}
