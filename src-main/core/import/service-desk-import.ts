import { stat } from 'node:fs/promises';
import { MAX_CASE_NUMBER, SEVERITIES, type CaseRecord, type ImportSource, type Severity } from '../../../src-shared/domain';
import {
  IMPORT_STATUSES,
  PREVIEW_PROBLEMS,
  PREVIEW_ROWS,
  describeImport,
  emptyCounts,
  planTimeline,
  unknownPlans,
  type ImportPreview,
  type ImportProblem,
  type ImportStatus,
  type MappedRow,
  type MappingOptions,
  type PlanNames,
} from '../../../src-shared/import';
import { DeskFailure } from '../errors';
import type { CaseImportReader, CaseImportStaging, Clock, StagedWork } from '../ports';
import { whileImporting, type ImportRecorder } from '../team/team-import';
import { readJsm } from './jsm';
import type { ImportFile, SourceRow } from './source';
import { readZendesk } from './zendesk';

export interface ServiceDeskImportRequest {
  readonly source: ImportSource;
  readonly files: readonly ImportFile[];
  readonly mapping: MappingOptions;
  /** The time zone of a Jira CSV's times (Zendesk's carry their own). */
  readonly timeZone?: string;
}

export interface ImportProgress {
  readonly phase: 'reading' | 'writing';
  /** Bytes read of `total` while reading; 0 of 1 then 1 of 1 while writing. */
  readonly done: number;
  readonly total: number;
}

export interface ServiceDeskImported extends ImportPreview {
  /** The snapshot taken before the data changed; null when nothing had to change. */
  readonly backup: string | null;
  /** "Imported 120 cases (3 skipped, 40 already present)" */
  readonly message: string;
}

export interface ServiceDeskImportDeps {
  /** The policy's plans, as the mapping names them. */
  plans(): PlanNames;
  /** The stored cases, for a preview (nothing is written). */
  reader(): CaseImportReader;
  /** A staged copy of the cases, committed atomically after a snapshot when the work says so, else dropped (DataService.stageCases). */
  stage<T>(work: (staging: CaseImportStaging) => Promise<StagedWork<T>>, onCommit?: (done: number, total: number) => void): Promise<{ backup: string | null; value: T }>;
  readonly clock: Pick<Clock, 'now'>;
  /** At most this many mapped cases are held before they go to the staged copy (default 200). */
  readonly batchSize?: number;
  /** In a team: the imported cases are queued for the team before the import commits (docs/team.md, "Imports in a team"). */
  readonly recorder?: ImportRecorder;
}

/** The one service desk ticket a case came from: its source and id there. */
export function originKey(source: ImportSource, externalId: string): string {
  return `${source}|${externalId}`;
}

function originOf(record: CaseRecord): string | undefined {
  const first = record.events[0];
  if (first?.type !== 'logged' || !first.data.origin) return undefined;
  return originKey(first.data.origin.source, first.data.origin.externalId);
}

const DEFAULT_BATCH = 200;

/** What one pass over the file found; `nextNumber` is the counter after the cases it created. */
interface Pass {
  readonly preview: ImportPreview;
  readonly changed: number;
  /** The cases created or changed, each with the number of events it had before the import. */
  readonly changedFrom: ReadonlyMap<string, number>;
  readonly nextNumber: number;
}

/**
 * Imports a service desk's export into the cases with bounded memory (docs/import.md). One
 * pass streams the file a ticket at a time and maps each ticket against the case imported
 * from it before, if any (found by its origin). A preview only counts. An import puts the
 * created and changed cases into the store's staged copy a batch at a time, and commits the
 * copy when the whole file was read: a file that turns out bad at its last ticket drops the
 * copy, and nothing changed. What is kept of every ticket is small: its origin and case id,
 * and the severity and status it counts under.
 */
export class ServiceDeskImport {
  constructor(private readonly deps: ServiceDeskImportDeps) {}

  async preview(request: ServiceDeskImportRequest, onProgress?: (progress: ImportProgress) => void): Promise<ImportPreview> {
    this.checkPlans(request);
    return (await this.pass(this.deps.reader(), request, onProgress)).preview;
  }

  async run(request: ServiceDeskImportRequest, onProgress?: (progress: ImportProgress) => void): Promise<ServiceDeskImported> {
    this.checkPlans(request);
    const { recorder } = this.deps;
    // In a team the sync holds still while the copy is staged, and the changed cases are queued
    // for the team before it commits; an import that does not commit has them dropped again.
    const { backup, value: preview } = await whileImporting(recorder, (queued) =>
      this.deps.stage(
        async (staging) => {
          const pass = await this.pass(staging, request, onProgress, staging);
          const { preview } = pass;
          if (preview.created + preview.updated + preview.alreadyPresent === 0) {
            const first = preview.problems.slice(0, 3).map((problem) => `${problem.where}: ${problem.message}`);
            throw new DeskFailure(
              'INVALID_INPUT',
              `None of the ${preview.tickets} tickets can be imported, so nothing was changed${first.length > 0 ? `. ${first.join('; ')}` : ''}.`,
              preview.problems.slice(0, 20).map((problem) => ({ path: problem.where, message: problem.message })),
            );
          }
          if (recorder && pass.changed > 0) queued(await recorder.imported(request.source, pass.changedFrom, (id) => staging.get(id)));
          return { value: preview, commit: pass.changed > 0 ? { nextNumber: pass.nextNumber } : null };
        },
        (done, total) => onProgress?.({ phase: 'writing', done, total }),
      ),
    );
    if (backup === null) return { ...preview, backup, message: `${describeImport(preview)}.` };
    return { ...preview, backup, message: `${describeImport(preview)}; previous data backed up as ${backup}.` };
  }

  private checkPlans(request: ServiceDeskImportRequest): void {
    const unknown = unknownPlans(this.deps.plans(), request.mapping);
    if (unknown) throw new DeskFailure('INVALID_INPUT', `The mapping names a plan the policy lacks: ${unknown}. Nothing was changed.`);
  }

  /** Reads the file once, mapping each ticket; with `staging`, the changed cases go there a batch at a time. */
  private async pass(cases: CaseImportReader, request: ServiceDeskImportRequest, onProgress?: (progress: ImportProgress) => void, staging?: CaseImportStaging): Promise<Pass> {
    const plans = this.deps.plans();
    const batchSize = this.deps.batchSize ?? DEFAULT_BATCH;
    const now = new Date(this.deps.clock.now()).toISOString();
    const origins = new Map<string, string>();
    await cases.eachCase((record) => {
      const key = originOf(record);
      if (key) origins.set(key, record.id);
    });
    /** Case numbers below this were there before the import. */
    const firstNew = cases.nextNumber;
    let next = firstNew;
    /** Per case created or changed: its severity, status and whether it is new, in one number. */
    const facts = new Map<string, number>();
    /** Per case created or changed: how many events it had before this import (a team sends the rest). */
    const changedFrom = new Map<string, number>();
    const batch = new Map<string, CaseRecord>();
    const rows: Array<ImportPreview['rows'][number]> = [];
    const problems: ImportProblem[] = [];
    let problemCount = 0;
    const problem = (found: ImportProblem) => {
      problemCount++;
      if (problems.length < PREVIEW_PROBLEMS) problems.push(found);
    };
    let tickets = 0;
    let skipped = 0;
    let alreadyPresent = 0;

    const total = (await Promise.all(request.files.map(async (file) => (await stat(file.path)).size))).reduce((sum, size) => sum + size, 0);
    let done = 0;
    let reported = 0;
    const onBytes = (bytes: number) => {
      done += bytes;
      if (onProgress && (done - reported >= total / 100 || done >= total)) {
        reported = done;
        onProgress({ phase: 'reading', done: Math.min(done, total), total });
      }
    };

    for await (const row of this.rows(request, onBytes)) {
      tickets++;
      if (row.kind === 'problem') {
        skipped++;
        problem(row.problem);
        continue;
      }
      const { ticket } = row;
      const key = originKey(ticket.source, ticket.externalId);
      const known = origins.get(key);
      if (known === undefined && next > MAX_CASE_NUMBER) {
        skipped++;
        problem({ where: ticket.where, message: `no case number is left (${cases.prefix}-${MAX_CASE_NUMBER} was the last one)` });
        continue;
      }
      const id = known ?? `${cases.prefix}-${next}`;
      // A ticket met before in this file (an incremental export repeats them) builds on what it made.
      const existing = known === undefined ? undefined : (batch.get(id) ?? (await cases.get(id)));
      const planned = planTimeline(ticket, existing, { id, now, plans }, request.mapping);
      if (!planned.ok) {
        skipped++;
        problem({ where: ticket.where, message: planned.message });
        continue;
      }
      for (const left of planned.value.notPlaced) problem(left);
      // New cases take this store's letters; one under other letters (another console's, in a team) was there before.
      const wasThere = !id.startsWith(`${cases.prefix}-`) || numberOf(id) < firstNew;
      const change = !existing && !facts.has(id) ? 'create' : planned.value.added > 0 ? 'update' : 'none';
      if (known === undefined) {
        origins.set(key, id);
        next++;
      }
      if (change === 'none' && wasThere && !facts.has(id)) alreadyPresent++;
      if (change !== 'none') {
        if (!changedFrom.has(id)) changedFrom.set(id, existing?.events.length ?? 0);
        facts.set(id, factOf(planned.value.row, !wasThere));
        if (staging) {
          batch.set(id, planned.value.record);
          if (batch.size >= batchSize) await flush(staging, batch);
        }
      }
      if (rows.length < PREVIEW_ROWS) rows.push({ ...planned.value.row, caseId: id, change });
    }
    if (staging) await flush(staging, batch);

    const counts = emptyCounts();
    let created = 0;
    for (const fact of facts.values()) {
      const { severity, status, isNew } = readFact(fact);
      counts.bySeverity[severity]++;
      counts.byStatus[status]++;
      if (isNew) created++;
    }
    const preview: ImportPreview = {
      source: request.source,
      tickets,
      created,
      updated: facts.size - created,
      alreadyPresent,
      skipped,
      ...counts,
      rows,
      problems,
      problemCount,
      defaultPlan: request.mapping.defaultPlan,
    };
    return { preview, changed: facts.size, changedFrom, nextNumber: next };
  }

  private rows(request: ServiceDeskImportRequest, onBytes: (bytes: number) => void): AsyncGenerator<SourceRow> {
    if (request.files.length === 0) throw new DeskFailure('INVALID_INPUT', 'Choose the export file to import.');
    return request.source === 'zendesk' ? readZendesk(request.files, onBytes) : readJsm(request.files, { timeZone: request.timeZone }, onBytes);
  }
}

async function flush(staging: CaseImportStaging, batch: Map<string, CaseRecord>): Promise<void> {
  if (batch.size === 0) return;
  await staging.put([...batch.values()]);
  batch.clear();
}

/** A case's severity, status and newness in one small number (a fact kept per ticket). */
function factOf(row: MappedRow, isNew: boolean): number {
  return SEVERITIES.indexOf(row.severity) * 100 + IMPORT_STATUSES.indexOf(row.status) * 10 + (isNew ? 1 : 0);
}

function readFact(fact: number): { severity: Severity; status: ImportStatus; isNew: boolean } {
  return { severity: SEVERITIES[Math.floor(fact / 100)] ?? 'P3', status: IMPORT_STATUSES[Math.floor(fact / 10) % 10] ?? 'open', isNew: fact % 10 === 1 };
}

function numberOf(id: string): number {
  return Number(id.slice(id.lastIndexOf('-') + 1));
}
