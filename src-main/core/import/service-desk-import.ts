import { stat } from 'node:fs/promises';
import type { Bundle } from '../../../src-shared/bundle';
import { MAX_CASE_NUMBER, type CaseRecord, type ImportSource } from '../../../src-shared/domain';
import {
  PREVIEW_PROBLEMS,
  PREVIEW_ROWS,
  describeImport,
  emptyCounts,
  planTimeline,
  unknownPlans,
  type ImportPreview,
  type ImportProblem,
  type MappedRow,
  type MappingOptions,
} from '../../../src-shared/import';
import { DeskFailure } from '../errors';
import type { Clock } from '../ports';
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
  /** All the data as one bundle (the export's reading). */
  collect(): Promise<{ readonly bundle: Bundle }>;
  /** Replaces all the data with the bundle, atomically, after a snapshot. */
  replace(bundle: Bundle): Promise<{ backup: string }>;
  readonly clock: Pick<Clock, 'now'>;
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

interface Plan {
  readonly preview: ImportPreview;
  readonly bundle: Bundle;
  readonly changed: number;
}

/**
 * Imports a service desk's export into the cases: reads the whole file first (streaming, one
 * ticket at a time), maps every ticket, and only then writes, through the staged atomic
 * replacement the data import uses, after a snapshot. A file that cannot be read changes
 * nothing; a row that cannot be mapped is skipped and named. Cases imported before are found
 * by their origin, so the same file twice adds nothing.
 */
export class ServiceDeskImport {
  constructor(private readonly deps: ServiceDeskImportDeps) {}

  async preview(request: ServiceDeskImportRequest, onProgress?: (progress: ImportProgress) => void): Promise<ImportPreview> {
    return (await this.plan(request, onProgress)).preview;
  }

  async run(request: ServiceDeskImportRequest, onProgress?: (progress: ImportProgress) => void): Promise<ServiceDeskImported> {
    const plan = await this.plan(request, onProgress);
    const { preview } = plan;
    if (preview.created + preview.updated + preview.alreadyPresent === 0) {
      const first = preview.problems.slice(0, 3).map((problem) => `${problem.where}: ${problem.message}`);
      throw new DeskFailure(
        'INVALID_INPUT',
        `None of the ${preview.tickets} tickets can be imported, so nothing was changed${first.length > 0 ? `. ${first.join('; ')}` : ''}.`,
        preview.problems.slice(0, 20).map((problem) => ({ path: problem.where, message: problem.message })),
      );
    }
    if (plan.changed === 0) return { ...preview, backup: null, message: `${describeImport(preview)}.` };
    onProgress?.({ phase: 'writing', done: 0, total: 1 });
    const { backup } = await this.deps.replace(plan.bundle);
    onProgress?.({ phase: 'writing', done: 1, total: 1 });
    return { ...preview, backup, message: `${describeImport(preview)}; previous data backed up as ${backup}.` };
  }

  private async plan(request: ServiceDeskImportRequest, onProgress?: (progress: ImportProgress) => void): Promise<Plan> {
    const { bundle } = await this.deps.collect();
    const plans = bundle.settings.policy.plans.map((plan) => ({ id: plan.id, name: plan.name }));
    const unknown = unknownPlans(plans, request.mapping);
    if (unknown) throw new DeskFailure('INVALID_INPUT', `The mapping names a plan the policy lacks: ${unknown}. Nothing was changed.`);

    const now = new Date(this.deps.clock.now()).toISOString();
    const byOrigin = new Map<string, CaseRecord>();
    for (const record of bundle.cases) {
      const key = originOf(record);
      if (key) byOrigin.set(key, record);
    }
    const before = new Set(bundle.cases.map((record) => record.id));
    const changed = new Map<string, CaseRecord>();
    const mapped = new Map<string, MappedRow>();
    const rows: Array<ImportPreview['rows'][number]> = [];
    const problems: ImportProblem[] = [];
    let problemCount = 0;
    const problem = (found: ImportProblem) => {
      problemCount++;
      if (problems.length < PREVIEW_PROBLEMS) problems.push(found);
    };
    let next = bundle.counter.nextNumber;
    let tickets = 0;
    let skipped = 0;
    let alreadyPresent = 0;
    const updated = new Set<string>();

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
      const existing = byOrigin.get(key);
      if (!existing && next > MAX_CASE_NUMBER) {
        skipped++;
        problem({ where: ticket.where, message: `no case number is left (${bundle.counter.prefix}-${MAX_CASE_NUMBER} was the last one)` });
        continue;
      }
      const id = existing?.id ?? `${bundle.counter.prefix}-${next}`;
      const planned = planTimeline(ticket, existing, { id, now, plans }, request.mapping);
      if (!planned.ok) {
        skipped++;
        problem({ where: ticket.where, message: planned.message });
        continue;
      }
      for (const left of planned.value.notPlaced) problem(left);
      const change = !existing ? 'create' : planned.value.added > 0 ? 'update' : 'none';
      if (change === 'create') next++;
      if (change === 'none' && before.has(id) && !changed.has(id)) alreadyPresent++;
      if (change === 'update' && before.has(id)) updated.add(id);
      if (change !== 'none') {
        changed.set(id, planned.value.record);
        byOrigin.set(key, planned.value.record);
        mapped.set(id, planned.value.row);
      }
      if (rows.length < PREVIEW_ROWS) rows.push({ ...planned.value.row, caseId: id, change });
    }

    const counts = emptyCounts();
    for (const row of mapped.values()) {
      counts.bySeverity[row.severity]++;
      counts.byStatus[row.status]++;
    }
    const created = [...changed.keys()].filter((id) => !before.has(id)).length;
    const preview: ImportPreview = {
      source: request.source,
      tickets,
      created,
      updated: updated.size,
      alreadyPresent,
      skipped,
      ...counts,
      rows,
      problems,
      problemCount,
      defaultPlan: request.mapping.defaultPlan,
    };
    const cases = [...bundle.cases.map((record) => changed.get(record.id) ?? record), ...[...changed.values()].filter((record) => !before.has(record.id))];
    return { preview, bundle: { ...bundle, counter: { ...bundle.counter, nextNumber: next }, cases }, changed: changed.size };
  }

  private rows(request: ServiceDeskImportRequest, onBytes: (bytes: number) => void): AsyncGenerator<SourceRow> {
    if (request.files.length === 0) throw new DeskFailure('INVALID_INPUT', 'Choose the export file to import.');
    return request.source === 'zendesk' ? readZendesk(request.files, onBytes) : readJsm(request.files, { timeZone: request.timeZone }, onBytes);
  }
}
