import { join } from 'node:path';
import type { DeskHandlers, ParsedInput, SystemInfo } from '../../src-shared/contract';
import type { Settings } from '../../src-shared/settings';
import { AllCases } from './cases/all-cases';
import { CaseService } from './cases/case-service';
import { DataService } from './data/data-service';
import { DeskFailure, notAllowed } from './errors';
import { EventBus } from './event-bus';
import { ChosenFiles, ServiceDeskImport, type ServiceDeskImportRequest } from './import';
import type { CaseStore, Clock, DataPort, DocumentPort, Notifier, OpenDialog, OpenFilesDialog, SaveDialog, StoreOpenReport } from './ports';
import { ReportsProjection, saveReportExport } from './reports';
import { ReviewService, createFileReviewStore, type ReviewExportPort, type ReviewStore } from './reviews';
import { NotificationCenter, Runtime, volatileRuntimeState, type ActionItemSource, type NotificationsFile, type RuntimeState } from './runtime';
import { SettingsService } from './settings/settings-service';
import { REVIEWS_DIR, requestRestore } from './storage';
import { StorageHealth } from './storage-health';
import { TeamHub, TeamReviews, TeamSettings, type TeamHubDeps } from './team';

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
  /** The recent notifications and their read state, kept across restarts. */
  readonly notificationsFile?: DocumentPort<NotificationsFile>;
  /** Export, import and daily snapshots of the durable store. */
  readonly data?: DataPort;
  /** Where the host asks where to save and what to open (Electron); the browser host transfers over HTTP. */
  readonly saveDialog?: SaveDialog;
  readonly openDialog?: OpenDialog;
  /** Electron's dialog for a service desk's export files; the browser host uploads them instead. */
  readonly openFilesDialog?: OpenFilesDialog;
  /** The review module's open action items. */
  readonly actionItems?: ActionItemSource;
  readonly log?: { warn(message: string): void; error(message: string, error: unknown): void };
  /** Where reviews are kept; by default reviews/<caseId>.json in the data directory. */
  readonly reviewStore?: ReviewStore;
  /** PDF printing and save dialogs, where the host has them (Electron). */
  readonly reviewExport?: ReviewExportPort;
  /** Team mode (docs/team.md): the team's server and the engineer's email; absent, the console works alone. */
  readonly team?: Pick<TeamHubDeps, 'connect' | 'vault' | 'launch' | 'retryMs' | 'leaderRetryMs'>;
}

export interface Core {
  readonly handlers: DeskHandlers;
  readonly bus: EventBus;
  readonly report: StoreOpenReport;
  readonly cases: CaseService;
  /** Every case, open and closed, as summaries: the All cases view's queries. */
  readonly allCases: AllCases;
  readonly settings: SettingsService;
  readonly reviews: ReviewService;
  /** The reports' projection over every case. */
  readonly reports: ReportsProjection;
  /** Export and import of all the data (the browser host's HTTP transfer uses it directly). */
  readonly data: DataService;
  /** Imports of Zendesk and Jira Service Management exports into the cases (docs/import.md). */
  readonly serviceDesk: ServiceDeskImport;
  /** The export files chosen or uploaded for it, by id (the browser host's upload route adds to it). */
  readonly serviceDeskFiles: ChosenFiles;
  readonly clock: Clock;
  readonly runtime: Runtime;
  /** Team mode's front door, where the host offers team mode. */
  readonly team?: TeamHub;
  /** The team's settings and reviews on its server (team mode only). */
  readonly teamSettings?: TeamSettings;
  readonly teamReviews?: TeamReviews;
  close(): Promise<void>;
}

/** Builds the host-agnostic core: opens storage, loads settings, wires handlers. */
export async function createCore(deps: CoreDeps): Promise<Core> {
  const log = deps.log ?? { warn: (message: string) => console.warn(`[desk] ${message}`), error: (message: string, error: unknown) => console.error(`[desk] ${message}`, error) };
  const bus = new EventBus((message, error) => log.error(message, error));
  const storeReport = await deps.store.open();
  const report: StoreOpenReport = {
    corrupt: [...storeReport.corrupt, ...(deps.extraReport?.corrupt ?? [])],
    migrated: [...storeReport.migrated, ...(deps.extraReport?.migrated ?? [])],
    restored: [...(storeReport.restored ?? []), ...(deps.extraReport?.restored ?? [])],
  };
  // Damage found after start-up (a history file or a review read for the first time) is reported at once.
  const health = new StorageHealth(deps.dataDir, report, bus);
  const offDamage = deps.store.onDamage?.((problem) => health.found(problem));
  // Open cases keep their plans: a policy without them is refused.
  const settings = new SettingsService(deps.settingsFile, bus, () => deps.store.openCases(), () => deps.clock.now());
  await settings.load();
  // Team mode (opt-in): the hub decides commands again with the case service's rules.
  const team = deps.team
    ? new TeamHub({
        ...deps.team,
        dataDir: deps.dataDir,
        store: deps.store,
        bus,
        engineerName: () => settings.get().engineerName,
        decideContext: (actor, now) => cases.decideContext(actor, now),
        withCase: (id, work) => cases.withCase(id, work),
        log,
      })
    : undefined;
  const cases: CaseService = new CaseService({
    store: deps.store,
    clock: deps.clock,
    bus,
    actor: () => settings.get().engineerName,
    policy: () => settings.get().policy,
    ...(team ? { recorder: team } : {}),
  });

  const reviewStore =
    deps.reviewStore ?? createFileReviewStore({ dir: join(deps.dataDir, REVIEWS_DIR), now: () => deps.clock.now(), onCorrupt: (file) => health.found(file) });
  const allCases = new AllCases({ store: deps.store, bus });
  const reports = new ReportsProjection({ store: deps.store, reviews: reviewStore, settings: () => settings.get(), clock: deps.clock, bus, log });

  const reviews = new ReviewService({
    store: reviewStore,
    cases,
    clock: deps.clock,
    bus,
    actor: () => settings.get().engineerName,
    policy: () => settings.get().policy,
    ...(deps.reviewExport ? { exportPort: deps.reviewExport } : {}),
  });

  // Open review action items are armed like any other deadline; a saved review re-reads only its case's.
  const reviewActionItems: ActionItemSource = async (caseId) =>
    (caseId === undefined ? await reviews.openActionItems() : await reviews.openActionItemsOf(caseId)).flatMap((item) =>
      item.kind === 'actionItem' ? [{ caseId: item.caseId, itemId: item.itemId, title: item.title, dueAt: item.dueAt }] : [],
    );
  const dataPort = deps.data;
  const notifications = new NotificationCenter(bus, deps.notifier, log, deps.notificationsFile);
  await notifications.load();
  const runtime = new Runtime({
    clock: deps.clock,
    bus,
    cases,
    settings: () => settings.get(),
    notifications,
    stateFile: deps.runtimeStateFile ?? volatileRuntimeState(),
    actionItems: deps.actionItems ?? reviewActionItems,
    ...(dataPort ? { snapshotIfDue: (now: number) => dataPort.snapshotIfDue(now, settings.get().backups.keep) } : {}),
    log,
    ...(team ? { decidesAutomaticFacts: () => team.decidesAutomaticFacts(), notifiesDueUpdates: (record, state) => team.notifiesDueUpdates(record, state) } : {}),
  });
  // The team's settings and reviews are shared through its server (docs/team.md, "Shared settings").
  const teamSettings = team ? new TeamSettings({ hub: team, settings, bus, log }) : undefined;
  const teamReviews = team ? new TeamReviews({ hub: team, reviews, store: reviewStore, log }) : undefined;
  const data = new DataService({
    data: deps.data,
    saveDialog: deps.saveDialog,
    openDialog: deps.openDialog,
    clock: deps.clock,
    settings: () => settings.get(),
    reviews: reviewStore,
    runtimeFacts: () => runtime.facts(),
    beforeReplace: () => runtime.stop(),
    afterReplace: async () => {
      reviewStore.forget();
      allCases.replaced();
      reports.replaced();
      const held = settings.get().team;
      await settings.reload();
      // A settings file brought in with the data names team versions of its own: the team's settings win.
      if (teamSettings && JSON.stringify(settings.get().team) !== JSON.stringify(held)) await teamSettings.replaced();
      await runtime.start();
      reports.warm();
    },
    report: () => health.report(),
    replacedDamage: () => health.replaced(),
    requestRestore: (file, backup) => requestRestore(deps.dataDir, file, backup),
    ...(team ? { team } : {}),
  });
  const serviceDesk = new ServiceDeskImport({
    plans: () => settings.get().policy.plans,
    reader: () => data.caseReader(),
    stage: (work, onCommit) => data.stageCases(work, onCommit),
    clock: deps.clock,
    ...(team ? { recorder: team } : {}),
  });
  const serviceDeskFiles = new ChosenFiles();
  const serviceDeskRequest = (input: ParsedInput<'data.previewServiceDesk'>): ServiceDeskImportRequest => ({
    source: input.source,
    files: serviceDeskFiles.resolve(input.files),
    mapping: input.mapping,
    ...(input.timeZone ? { timeZone: input.timeZone } : {}),
  });
  bus.on('reviews.changed', ({ caseId }) => {
    void runtime.refreshActionItems(caseId).catch((error: unknown) => log.error('could not re-read review action items', error));
  });

  const handlers: DeskHandlers = {
    'system.info': async () => ({ version: deps.version, host: deps.host, dataDir: deps.dataDir, storage: health.report() }),
    'cases.list': async () => cases.list(),
    'cases.get': async ({ id }) => cases.get(id),
    'cases.create': async (input) => cases.create(input),
    'cases.act': async ({ id, command }) => cases.act(id, command),
    'cases.history': async ({ limit, offset }) => cases.history(limit, offset),
    'cases.query': async (query) => allCases.query(query),
    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => settings.update(patch),
    'notifications.list': async () => notifications.recent(),
    'notifications.markRead': async ({ ids }) => notifications.markRead(ids),
    'runtime.snooze': async ({ caseId, minutes }) => runtime.snooze(caseId, minutes),
    'runtime.unsnooze': async ({ caseId }) => runtime.unsnooze(caseId),
    'runtime.status': async () => runtime.attention(),
    'data.export': async () => data.export(),
    'data.import': async () => data.import(),
    'data.restoreBackup': async ({ file }) => data.restoreBackup(file),
    'data.chooseServiceDeskFiles': async () => {
      if (!deps.openFilesDialog) throw notAllowed('This console uploads the export files over HTTP (the Choose files button does it); there is no open dialog here.');
      const paths = await deps.openFilesDialog({ title: 'Import from Zendesk or Jira', filters: [{ name: 'Zendesk JSON or Jira CSV export', extensions: ['json', 'jsonl', 'ndjson', 'csv'] }] });
      if (!paths || paths.length === 0) return { kind: 'cancelled' };
      return { kind: 'chosen', files: await Promise.all(paths.map((path) => serviceDeskFiles.add(path, false))) };
    },
    'data.previewServiceDesk': async (input) => serviceDesk.preview(serviceDeskRequest(input), (progress) => bus.emit('data.importProgress', progress)),
    'data.importServiceDesk': async (input) => {
      const done = await serviceDesk.run(serviceDeskRequest(input), (progress) => bus.emit('data.importProgress', progress));
      await serviceDeskFiles.release(input.files);
      return done;
    },
    'reviews.get': async ({ caseId }) => reviews.get(caseId),
    'reviews.start': async ({ caseId }) => reviews.start(caseId),
    'reviews.save': async ({ caseId, baseVersion, changes }) => reviews.save(caseId, baseVersion, changes),
    'reviews.addCaseEvents': async ({ caseId, baseVersion }) => reviews.addCaseEvents(caseId, baseVersion),
    'reviews.submit': async ({ caseId, baseVersion, approver }) => reviews.submit(caseId, baseVersion, approver),
    'reviews.returnToDraft': async ({ caseId, baseVersion }) => reviews.returnToDraft(caseId, baseVersion),
    'reviews.publish': async ({ caseId, baseVersion }) => reviews.publish(caseId, baseVersion),
    'reviews.revise': async ({ caseId, baseVersion }) => reviews.revise(caseId, baseVersion),
    'reviews.setActionItem': async ({ caseId, itemId, status }) => reviews.setActionItem(caseId, itemId, status),
    'reviews.export': async ({ caseId, format, includeInternalNotes }) => reviews.export(caseId, format, { includeInternalNotes: includeInternalNotes === true }),
    'reviews.saveExport': async ({ caseId, format, includeInternalNotes }) => reviews.saveExport(caseId, format, { includeInternalNotes: includeInternalNotes === true }),
    'reviews.deadlines': async () => reviews.deadlines(),
    'reports.query': async (query) => reports.query(query),
    'reports.status': async () => reports.status(),
    'reports.saveExport': async ({ period, groupBy, format }) => saveReportExport({ projection: reports, port: deps.reviewExport, policy: () => settings.get().policy }, { period, groupBy }, format),
    'team.status': async () => (await team?.status()) ?? { connection: 'off', email: '', pending: 0, leader: false, refusals: [], members: [] },
    'team.join': async ({ url, email }) => {
      if (!team) throw new DeskFailure('NOT_ALLOWED', 'This console cannot join a team.');
      return team.join(url, email);
    },
    'team.leave': async () => {
      if (!team) return { connection: 'off', email: '', pending: 0, leader: false, refusals: [], members: [] };
      const view = await team.leave();
      // The settings stay as they are, now this console's own: joining again takes the team's.
      await settings.forgetTeam();
      return view;
    },
  };
  await runtime.start();
  health.started();
  allCases.warm();
  reports.warm();
  team?.onChange((view) => bus.emit('team.changed', view));
  await team?.start();

  return {
    handlers,
    bus,
    report,
    cases,
    allCases,
    settings,
    reviews,
    reports,
    data,
    serviceDesk,
    serviceDeskFiles,
    clock: deps.clock,
    runtime,
    ...(team ? { team } : {}),
    ...(teamSettings ? { teamSettings } : {}),
    ...(teamReviews ? { teamReviews } : {}),
    close: async () => {
      offDamage?.();
      await serviceDeskFiles.release();
      await runtime.stop();
      await team?.stop();
      await allCases.settled();
      await reports.settled();
      await deps.store.close();
    },
  };
}
