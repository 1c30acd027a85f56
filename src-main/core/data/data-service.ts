import type { DataExport, DataImport, RestoreRequested } from '../../../src-shared/contract';
import { DeskFailure, notAllowed } from '../errors';
import type { Clock, DataPort, SaveDialog, StoreOpenReport } from '../ports';
import { DurableTextFile, StoreError } from '../storage';

export interface DataServiceDeps {
  readonly data?: DataPort;
  /** The Electron host asks where to save; without it the content goes back to the page. */
  readonly saveDialog?: SaveDialog;
  readonly clock: Pick<Clock, 'now'>;
  /** Every case was replaced: whatever derives from the cases must be recomputed. */
  readonly onReplaced: () => void;
  /** What was found corrupt at start-up, and how to ask for a file's restore at the next start. */
  readonly report?: () => StoreOpenReport;
  readonly requestRestore?: (file: string, backup: string) => Promise<void>;
}

/** Export and import of all the data, through the contract. */
export class DataService {
  constructor(private readonly deps: DataServiceDeps) {}

  async export(): Promise<DataExport> {
    const content = await this.port().exportAll();
    const fileName = `response-desk-export-${new Date(this.deps.clock.now()).toISOString().slice(0, 10)}.json`;
    if (!this.deps.saveDialog) return { kind: 'content', fileName, content };
    const path = await this.deps.saveDialog(fileName);
    if (path === undefined) return { kind: 'cancelled' };
    await new DurableTextFile(path).write(`${JSON.stringify(content, null, 2)}\n`);
    return { kind: 'saved', path };
  }

  async import(content: unknown): Promise<DataImport> {
    let result: DataImport;
    try {
      result = await this.port().importAll(content);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'IMPORT_INVALID') throw new DeskFailure('INVALID_INPUT', error.message);
      throw error;
    }
    this.deps.onReplaced();
    return result;
  }

  /** Only a file the console found corrupt at this start, and only from the backup it named. */
  async restoreBackup(file: string): Promise<RestoreRequested> {
    const found = this.deps.report?.().corrupt.find((problem) => problem.file === file);
    if (!found) throw new DeskFailure('NOT_FOUND', `${file} was not found corrupt at start-up, so there is nothing to restore.`);
    if (!found.latestBackup || !this.deps.requestRestore) throw notAllowed(`There is no backup of ${file} to restore from.`);
    await this.deps.requestRestore(file, found.latestBackup);
    return { file, backup: found.latestBackup, restartRequired: true };
  }

  private port(): DataPort {
    if (!this.deps.data) throw notAllowed('This console keeps no data on disk, so there is nothing to export or import.');
    return this.deps.data;
  }
}
