import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  BundleError,
  describeBundle,
  readBundle,
  summarizeBundle,
  type Bundle,
  type BundleSummary,
  type RuntimeFacts,
} from '../../../src-shared/bundle';
import type { DataExport, DataImport, DataImported, RestoreRequested } from '../../../src-shared/contract';
import type { Review } from '../../../src-shared/review';
import type { Settings } from '../../../src-shared/settings';
import { SETTINGS_VERSION } from '../data-dir';
import { DeskFailure, notAllowed } from '../errors';
import type { AfterStaging, CaseImportReader, CaseImportStaging, CaseSet, Clock, DataPort, OpenDialog, SaveDialog, StagedWork, StoreOpenReport } from '../ports';
import { REVIEW_FILE_VERSION, type ReviewStore } from '../reviews';
import { RUNTIME_STATE_VERSION } from '../runtime';
import { CASE_ID_PREFIX, REVIEWS_DIR, RUNTIME_STATE_FILE, SETTINGS_FILE } from '../storage';
import { parseBundleText, readBundleFile, writeBundleFile } from './bundle-file';
import { whileImporting, type BundleRecorder } from '../team/team-import';

export interface DataServiceDeps {
  readonly data?: DataPort;
  /** The Electron host asks where to save and what to open; the browser host transfers files over HTTP. */
  readonly saveDialog?: SaveDialog;
  readonly openDialog?: OpenDialog;
  readonly clock: Pick<Clock, 'now'>;
  readonly settings: () => Settings;
  readonly reviews: Pick<ReviewStore, 'caseIds' | 'load'>;
  readonly runtimeFacts: () => RuntimeFacts;
  /** Before the files are swapped: stop whatever writes on its own (the runtime's reminders and snoozes). */
  readonly beforeReplace: () => Promise<void>;
  /** After the swap (or a failed one): read settings, reviews and runtime facts again and re-arm. */
  readonly afterReplace: () => Promise<void>;
  /** What was found damaged, and how to ask for a file's restore at the next start. */
  readonly report?: () => StoreOpenReport;
  /** An import replaced every file: the damage reported so far no longer concerns the data. */
  readonly replacedDamage?: () => void;
  readonly requestRestore?: (file: string, backup: string) => Promise<void>;
  /** In a team: a data import's cases the team lacks are queued for it (docs/team.md, "Imports in a team"). */
  readonly team?: BundleRecorder;
}

/** A bundle read whole from the data, ready to be written out. */
export interface CollectedBundle {
  readonly fileName: string;
  readonly bundle: Bundle;
  readonly summary: BundleSummary;
}

/** Export and import of all user data as one bundle (src-shared/bundle). */
export class DataService {
  /** Damage reported before an import replaced everything no longer concerns the data (by moved-aside name). */
  private readonly replacedDamage = new Set<string>();

  constructor(private readonly deps: DataServiceDeps) {}

  /**
   * Reads every part of the data. A part that cannot be read refuses the export, naming it,
   * rather than leaving it out of a file that would look complete.
   */
  async collect(): Promise<CollectedBundle> {
    const port = this.port();
    this.refuseKnownDamage();
    let caseSet: CaseSet;
    try {
      caseSet = await port.exportCases();
    } catch (error) {
      throw refusal(`the cases could not all be read (${messageOf(error)})`);
    }
    // A part found damaged while reading was kept aside and read as empty: the cases are incomplete.
    this.refuseKnownDamage();
    const reviews: Review[] = [];
    for (const caseId of await this.deps.reviews.caseIds()) {
      let review: Review | undefined;
      try {
        review = await this.deps.reviews.load(caseId);
      } catch (error) {
        throw refusal(`the review of ${caseId} (${REVIEWS_DIR}/${caseId}.json) could not be read (${messageOf(error)})`);
      }
      if (!review) throw refusal(`the review of ${caseId} (${REVIEWS_DIR}/${caseId}.json) could not be read; it was kept aside`);
      reviews.push(review);
    }
    const now = this.deps.clock.now();
    const bundle: Bundle = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      exportedAt: new Date(now).toISOString(),
      counter: { prefix: caseSet.prefix, nextNumber: caseSet.nextNumber },
      settings: this.deps.settings(),
      runtime: this.deps.runtimeFacts(),
      reviews,
      cases: [...caseSet.cases],
    };
    return { fileName: `response-desk-export-${new Date(now).toISOString().slice(0, 10)}.json`, bundle, summary: summarizeBundle(bundle) };
  }

  /** Electron: asks where to save, then streams the bundle into that file. */
  async export(): Promise<DataExport> {
    const save = this.deps.saveDialog;
    if (!save) throw notAllowed('This console downloads its export over HTTP (the Export button does it); there is no save dialog here.');
    const collected = await this.collect();
    const file = await save(collected.fileName);
    if (file === undefined) return { kind: 'cancelled' };
    await writeBundleFile(file, collected.bundle);
    return { kind: 'saved', path: file, summary: collected.summary, message: `Exported ${describeBundle(collected.summary)} to ${file}.` };
  }

  /** Electron: asks which export file to read, then imports it. */
  async import(): Promise<DataImport> {
    const choose = this.deps.openDialog;
    if (!choose) throw notAllowed('This console uploads the import file over HTTP (the Import button does it); there is no open dialog here.');
    this.port();
    const file = await choose();
    if (file === undefined) return { kind: 'cancelled' };
    return this.importText(await readBundleFile(file));
  }

  /** The text of an export file: checked whole, then it replaces all the data after a backup. */
  async importText(text: string): Promise<DataImported> {
    this.port();
    let bundle: Bundle;
    try {
      bundle = readBundle(parseBundleText(text), { settings: this.deps.settings(), prefix: CASE_ID_PREFIX });
    } catch (error) {
      if (error instanceof BundleError) throw new DeskFailure('INVALID_INPUT', error.message, error.problems.map((message) => ({ path: '', message })));
      throw error;
    }
    const { backup } = await this.replace(bundle);
    const summary = summarizeBundle(bundle);
    return { kind: 'imported', summary, backup, message: `Imported ${describeBundle(summary)}; previous data backed up as ${backup}.` };
  }

  /**
   * Replaces all the data with a bundle already checked whole (an export file, or the data with
   * a service desk's cases merged in): the runtime stops, a snapshot is taken, the bundle is
   * staged and swapped in atomically, then settings, reviews and the runtime are read again.
   */
  async replace(bundle: Bundle): Promise<{ backup: string }> {
    const port = this.port();
    const team = this.deps.team;
    if (!team) return this.replaceWith(port, bundle, bundle.counter);
    // In a team the sync holds still meanwhile; what it queued is dropped again if nothing was replaced.
    return whileImporting(team, async (queued) => {
      const current = port.caseReader?.();
      const planned = await team.replacing(bundle.cases, bundle.counter, current && { prefix: current.prefix, nextNumber: current.nextNumber });
      queued(planned.queued);
      return this.replaceWith(port, bundle, planned.counter);
    });
  }

  private async replaceWith(port: DataPort, bundle: Bundle, counter: { prefix: string; nextNumber: number }): Promise<{ backup: string }> {
    await this.deps.beforeReplace();
    try {
      const { backup } = await port.replaceAll({
        prefix: counter.prefix,
        nextNumber: counter.nextNumber,
        cases: bundle.cases,
        documents: [
          { file: SETTINGS_FILE, content: { schemaVersion: SETTINGS_VERSION, ...bundle.settings } },
          { file: RUNTIME_STATE_FILE, content: { schemaVersion: RUNTIME_STATE_VERSION, ...bundle.runtime } },
          ...bundle.reviews.map((review) => ({ file: `${REVIEWS_DIR}/${review.caseId}.json`, content: { schemaVersion: REVIEW_FILE_VERSION, review } })),
        ],
        folders: [REVIEWS_DIR],
      });
      for (const problem of this.damaged()) this.replacedDamage.add(problem.movedTo);
      this.deps.replacedDamage?.();
      return { backup };
    } finally {
      await this.deps.afterReplace();
    }
  }

  /**
   * The cases as a service desk import reads them. A part of the data found damaged refuses it:
   * the cases kept there could not be found again, and would be imported twice.
   */
  caseReader(): CaseImportReader {
    const port = this.port();
    if (!port.caseReader) throw notAllowed('This console cannot import cases.');
    this.refuseKnownDamage('import');
    return this.guarded(port.caseReader());
  }

  /**
   * A service desk import of many cases (docs/import.md): the runtime stops, `work` puts the
   * cases into a staged copy a batch at a time, and the copy is committed atomically after a
   * snapshot, or dropped; then settings, reviews and the runtime are read again.
   */
  async stageCases<T>(work: (staging: CaseImportStaging) => Promise<StagedWork<T>>, onCommit?: (done: number, total: number) => void, then?: AfterStaging): Promise<{ backup: string | null; value: T }> {
    const port = this.port();
    if (!port.stageCases) throw notAllowed('This console cannot import cases.');
    this.refuseKnownDamage('import');
    await this.deps.beforeReplace();
    try {
      return await port.stageCases(async (staging) => {
        const reader = this.guarded(staging);
        return work({ ...reader, put: (records) => staging.put(records) });
      }, onCommit, then);
    } finally {
      await this.deps.afterReplace();
    }
  }

  private guarded(reader: CaseImportReader): CaseImportReader {
    return {
      prefix: reader.prefix,
      nextNumber: reader.nextNumber,
      eachCase: async (visit) => {
        await reader.eachCase(visit);
        this.refuseKnownDamage('import');
      },
      get: (id) => reader.get(id),
    };
  }

  /** Only a file the console found corrupt (at this start or since), and only from the backup it named. */
  async restoreBackup(file: string): Promise<RestoreRequested> {
    const found = this.deps.report?.().corrupt.find((problem) => problem.file === file && !problem.repaired);
    if (!found) throw new DeskFailure('NOT_FOUND', `${file} was not found corrupt (or it was rebuilt already), so there is nothing to restore.`);
    if (!found.latestBackup || !this.deps.requestRestore) throw notAllowed(`There is no backup of ${file} to restore from.`);
    await this.deps.requestRestore(file, found.latestBackup);
    return { file, backup: found.latestBackup, restartRequired: true };
  }

  /** A file kept aside as damaged means its data is missing: an export now would be incomplete, an import could not find its cases. */
  private refuseKnownDamage(what: 'export' | 'import' = 'export'): void {
    const damaged = this.damaged().filter((problem) => !problem.repaired && !this.replacedDamage.has(problem.movedTo));
    if (damaged.length === 0) return;
    const named = damaged.map((problem) => `${problem.file} could not be read (${problem.reason})`).join('; ');
    const restore = `Restore ${damaged.length === 1 ? 'it' : 'them'} from the latest backup (Data problems, above) and ${what} again`;
    if (what === 'export') throw refusal(`${named}. ${restore}`);
    throw new DeskFailure('STORAGE', `The import was refused, so that no case is imported twice: ${named}. ${restore}. Nothing was changed.`);
  }

  private damaged(): StoreOpenReport['corrupt'] {
    const all = [...(this.deps.report?.().corrupt ?? []), ...(this.deps.data?.report().corrupt ?? [])];
    return [...new Map(all.map((problem) => [problem.movedTo, problem])).values()];
  }

  private port(): DataPort {
    if (!this.deps.data) throw notAllowed('This console keeps no data on disk, so there is nothing to export or import.');
    return this.deps.data;
  }
}

function refusal(what: string): DeskFailure {
  return new DeskFailure('STORAGE', `The export was refused, so that no incomplete file is written: ${what}.`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
