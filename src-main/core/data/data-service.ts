import type { DataExport, DataImport } from '../../../src-shared/contract';
import { DeskFailure, notAllowed } from '../errors';
import type { Clock, DataPort, SaveDialog } from '../ports';
import { DurableTextFile, StoreError } from '../storage';

export interface DataServiceDeps {
  readonly data?: DataPort;
  /** The Electron host asks where to save; without it the content goes back to the page. */
  readonly saveDialog?: SaveDialog;
  readonly clock: Pick<Clock, 'now'>;
  /** Every case was replaced: whatever derives from the cases must be recomputed. */
  readonly onReplaced: () => void;
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

  private port(): DataPort {
    if (!this.deps.data) throw notAllowed('This console keeps no data on disk, so there is nothing to export or import.');
    return this.deps.data;
  }
}
