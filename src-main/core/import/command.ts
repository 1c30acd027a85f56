import { mkdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_SOURCES, SEVERITIES, type ImportSource, type Severity } from '../../../src-shared/domain';
import { IMPORT_STATUSES, describeImport, type ImportStatus, type MappingOptions, type PlanRule } from '../../../src-shared/import';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';
import { DataService } from '../data/data-service';
import { openDataDir } from '../data-dir';
import { DeskFailure } from '../errors';
import type { Clock } from '../ports';
import { createFileReviewStore } from '../reviews';
import { CASE_ID_PREFIX, FIRST_CASE_NUMBER, META_FILE, REVIEWS_DIR } from '../storage';
import { ConsoleLockError, describeHolder, holdConsoleLock, type ConsoleLock } from '../console-lock';
import { ServiceDeskImport, type ImportProgress, type ServiceDeskImportRequest } from './service-desk-import';
import { openOfflineImportRecorder } from '../team/team-import';

/**
 * `npm run import -- zendesk|jsm FILE... [--data-dir DIR] [--dry-run] [--plan PLAN]
 * [--customer-plan "Customer=plan"]... [--priority "Name=P1"]... [--status "Name=waiting"]...
 * [--time-zone ZONE]`: the admins' import of a service desk's export, without the console.
 */

export const IMPORT_USAGE = `usage: npm run import -- zendesk|jsm FILE... [--data-dir DIR] [--dry-run] [--plan PLAN] [--customer-plan "Customer=PLAN"]... [--priority "Name=P1"]... [--status "Name=open|waiting|resolved|closed"]... [--time-zone ZONE]`;

export class CommandError extends Error {}

export interface ImportCommand {
  readonly source: ImportSource;
  readonly files: readonly string[];
  readonly dataDir?: string;
  readonly dryRun: boolean;
  readonly mapping: MappingOptions;
  readonly timeZone?: string;
}

function pairs(values: readonly string[], flag: string): Array<[string, string]> {
  return values.map((value) => {
    const at = value.lastIndexOf('=');
    if (at <= 0 || at === value.length - 1) throw new CommandError(`${flag} takes "Name=value", not ${JSON.stringify(value)}`);
    return [value.slice(0, at).trim(), value.slice(at + 1).trim()];
  });
}

export function parseImportCommand(argv: readonly string[]): ImportCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        'dry-run': { type: 'boolean' },
        plan: { type: 'string' },
        'customer-plan': { type: 'string', multiple: true },
        priority: { type: 'string', multiple: true },
        status: { type: 'string', multiple: true },
        'time-zone': { type: 'string' },
      },
    });
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [source, ...files] = positionals;
  if (!source || !(IMPORT_SOURCES as readonly string[]).includes(source)) throw new CommandError(`the first word is the export's source: zendesk or jsm${source ? `, not "${source}"` : ''}`);
  if (files.length === 0) throw new CommandError('name the export file to import');
  const planRules: PlanRule[] = pairs(values['customer-plan'] ?? [], '--customer-plan').map(([customer, plan]) => ({ customer, plan }));
  const priorities: Record<string, Severity> = {};
  for (const [name, severity] of pairs(values.priority ?? [], '--priority')) {
    if (!(SEVERITIES as readonly string[]).includes(severity)) throw new CommandError(`--priority ${name}=${severity}: a severity is P1, P2, P3 or P4`);
    priorities[name] = severity as Severity;
  }
  const statuses: Record<string, ImportStatus> = {};
  for (const [name, status] of pairs(values.status ?? [], '--status')) {
    if (!(IMPORT_STATUSES as readonly string[]).includes(status)) throw new CommandError(`--status ${name}=${status}: a status is open, waiting, resolved or closed`);
    statuses[name] = status as ImportStatus;
  }
  const dataDir = values['data-dir'];
  if (dataDir !== undefined && dataDir.trim() === '') throw new CommandError('--data-dir needs a directory path');
  return {
    source: source as ImportSource,
    files,
    ...(dataDir ? { dataDir } : {}),
    dryRun: values['dry-run'] === true,
    mapping: { defaultPlan: values.plan ?? 'standard', planRules, priorities, statuses },
    ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
  };
}

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Where the progress goes, when anything shows it (a terminal). */
  progress?(progress: ImportProgress): void;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Runs the command; resolves with the exit status (0 done, 1 nothing could be read or refused, 2 usage). */
export async function runImportCommand(argv: readonly string[], options: { readonly dataDir: (given?: string) => string; readonly clock: Pick<Clock, 'now'>; readonly io: CommandIo }): Promise<number> {
  const { io } = options;
  let command: ImportCommand;
  try {
    command = parseImportCommand(argv);
  } catch (error) {
    io.err(`response-desk import: ${(error as Error).message}`);
    io.err(IMPORT_USAGE);
    return 2;
  }
  const dataDir = resolve(options.dataDir(command.dataDir));
  const request: ServiceDeskImportRequest = {
    source: command.source,
    files: command.files.map((file) => ({ path: resolve(file), name: basename(file) })),
    mapping: command.mapping,
    ...(command.timeZone ? { timeZone: command.timeZone } : {}),
  };
  for (const file of request.files) {
    if (!(await exists(file.path))) {
      io.err(`response-desk import: ${file.path} does not exist`);
      return 1;
    }
  }
  // The folder is this command's alone while it runs: no console may write it meanwhile. A dry run on a folder that does not exist creates nothing.
  let lock: ConsoleLock | undefined;
  try {
    if (!command.dryRun) await mkdir(dataDir, { recursive: true });
    if (await exists(dataDir)) lock = await holdConsoleLock(dataDir, 'import');
  } catch (error) {
    if (!(error instanceof ConsoleLockError)) throw error;
    io.err(`response-desk import: ${describeHolder(error.holder)} is running on ${dataDir}; close it first, or import from its Settings > Data. Nothing was changed.`);
    return 1;
  }
  try {
    const importer = command.dryRun && !(await exists(join(dataDir, META_FILE))) ? emptyImporter(options.clock) : await dataDirImporter(dataDir, options.clock);
    try {
      const outcome = command.dryRun ? await importer.importer.preview(request, io.progress) : await importer.importer.run(request, io.progress);
      for (const problem of outcome.problems) io.err(`${problem.where}: ${problem.message}`);
      if (outcome.problemCount > outcome.problems.length) io.err(`… and ${outcome.problemCount - outcome.problems.length} more`);
      io.out(command.dryRun ? `${describeImport(outcome)} [dry run: nothing was written]` : describeImport(outcome));
      return outcome.created + outcome.updated + outcome.alreadyPresent === 0 ? 1 : 0;
    } finally {
      await importer.close();
    }
  } catch (error) {
    if (error instanceof DeskFailure) {
      io.err(`response-desk import: ${error.message}`);
      for (const issue of error.issues ?? []) io.err(`${issue.path}: ${issue.message}`);
      return 1;
    }
    throw error;
  } finally {
    await lock?.release();
  }
}

/** A dry run on a folder with no data yet: the default settings and no case. Nothing is created. */
function emptyImporter(clock: Pick<Clock, 'now'>) {
  const importer = new ServiceDeskImport({
    plans: () => DEFAULT_SETTINGS.policy.plans,
    reader: () => ({ prefix: CASE_ID_PREFIX, nextNumber: FIRST_CASE_NUMBER, eachCase: async () => undefined, get: async () => undefined }),
    stage: () => Promise.reject(new Error('a dry run writes nothing')),
    clock,
  });
  return { importer, close: async () => undefined };
}

/** The data folder's store, settings and reviews, without the console's runtime (nothing runs on its own here). */
async function dataDirImporter(dataDir: string, clock: Pick<Clock, 'now'>) {
  const opened = await openDataDir(dataDir, clock);
  const report = await opened.store.open();
  let settings = await opened.settingsFile.load();
  let runtime = await opened.runtimeStateFile.load();
  const reviews = createFileReviewStore({ dir: join(dataDir, REVIEWS_DIR), now: () => clock.now() });
  const data = new DataService({
    data: opened.data,
    clock,
    settings: () => settings,
    reviews,
    runtimeFacts: () => ({ snoozes: runtime.snoozes, notified: runtime.notified }),
    beforeReplace: async () => undefined,
    afterReplace: async () => {
      settings = await opened.settingsFile.load();
      runtime = await opened.runtimeStateFile.load();
    },
    report: () => ({ ...report, corrupt: [...report.corrupt, ...opened.extraReport.corrupt] }),
  });
  // A folder that joined a team: the imported cases are queued for the team (docs/team.md, "Imports in a team").
  const recorder = await openOfflineImportRecorder(dataDir, opened.store, () => settings.engineerName);
  const importer = new ServiceDeskImport({
    plans: () => settings.policy.plans,
    reader: () => data.caseReader(),
    // The command ends after the import: the store closes instead of reading every open case again.
    stage: (work, onCommit) => data.stageCases(work, onCommit, 'close'),
    clock,
    ...(recorder ? { recorder } : {}),
  });
  return {
    importer,
    close: async () => {
      await recorder?.close();
      await opened.store.close();
    },
  };
}
