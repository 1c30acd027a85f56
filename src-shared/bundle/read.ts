import type { z } from 'zod';
import type { CaseRecord } from '../domain/events';
import type { Settings } from '../settings/settings';
import { PolicyError, calendarOf, planOf } from '../sla';
import { BUNDLE_FORMAT, BUNDLE_VERSION, LEGACY_CASES_FORMAT, MAX_CASE_NUMBER, bundleSchema, legacyCasesSchema, type Bundle } from './schema';

/** Upgrades a bundle document from `version: from` to `from + 1`. Pure. */
export interface BundleMigration {
  readonly from: number;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

/** Ordered, the one from version 1 first. Version 1 is the first bundle: nothing to upgrade yet. */
export const BUNDLE_MIGRATIONS: readonly BundleMigration[] = [];

/** What an older, partial export lacks and the console already has: kept as it is. */
export interface BundleContext {
  readonly settings: Settings;
  readonly prefix: string;
}

/** Everything wrong with an import file, each problem naming where it is. */
export class BundleError extends Error {
  constructor(readonly problems: readonly string[]) {
    const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
    super(`The import file is invalid: ${problems.slice(0, 3).join('; ')}${more}.`);
    this.name = 'BundleError';
  }
}

/** `cases[12].events[3].at`: the path a person can find in the file. */
export function bundlePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out === '' ? '(root)' : out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an export file of any version this console knows, checks the whole of it (schema, then
 * every reference and rule across its parts) and returns it as a current bundle. Throws a
 * BundleError naming the problems; nothing is half-read.
 */
export function readBundle(candidate: unknown, context: BundleContext): Bundle {
  const current = upgrade(candidate, context);
  const parsed = bundleSchema.safeParse(current);
  if (!parsed.success) throw new BundleError(schemaProblems(parsed.error));
  const problems = bundleProblems(parsed.data);
  if (problems.length > 0) throw new BundleError(problems);
  return parsed.data;
}

function upgrade(candidate: unknown, context: BundleContext): unknown {
  if (!isObject(candidate)) throw new BundleError(['(root): must be a JSON object, a Response Desk export']);
  if (candidate.format === LEGACY_CASES_FORMAT) return fromLegacyCases(candidate, context);
  if (candidate.format !== BUNDLE_FORMAT) {
    throw new BundleError([`format: must be "${BUNDLE_FORMAT}" (or an older "${LEGACY_CASES_FORMAT}" export), not ${JSON.stringify(candidate.format ?? null)}`]);
  }
  return upgradeBundle(candidate, BUNDLE_MIGRATIONS, BUNDLE_VERSION);
}

/** Runs the migrations from the document's version up to `target`, in order. Pure. */
export function upgradeBundle(candidate: Record<string, unknown>, migrations: readonly BundleMigration[], target: number): Record<string, unknown> {
  const from = candidate.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) throw new BundleError(['version: must be a positive whole number']);
  if (from > target) throw new BundleError([`version: ${from} was written by a newer Response Desk (this one reads up to ${target})`]);
  let document: Record<string, unknown> = candidate;
  for (let version = from; version < target; version++) {
    const migration = migrations.find((m) => m.from === version);
    if (!migration) throw new BundleError([`version: ${version} cannot be read by this Response Desk (no upgrade from it)`]);
    document = { ...migration.migrate(document), version: version + 1 };
  }
  return document;
}

/**
 * The cases-only export of earlier versions: its cases and counter, with the console's own
 * settings (the file has none), and no reviews or runtime facts (it had none to carry).
 */
function fromLegacyCases(candidate: Record<string, unknown>, context: BundleContext): unknown {
  const parsed = legacyCasesSchema.safeParse(candidate);
  if (!parsed.success) throw new BundleError(schemaProblems(parsed.error));
  const first = parsed.data.cases[0];
  const id = isObject(first) && typeof first.id === 'string' ? CASE_ID.exec(first.id) : null;
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: parsed.data.exportedAt,
    counter: { prefix: id?.[1] ?? context.prefix, nextNumber: parsed.data.nextNumber },
    settings: context.settings,
    runtime: { snoozes: {}, notified: {} },
    reviews: [],
    cases: parsed.data.cases,
  };
}

function schemaProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${bundlePath(issue.path)}: ${issue.message}`);
}

const CASE_ID = /^([A-Z]+)-(\d+)$/;

/** The rules across the parts of a schema-valid bundle; empty when it can be imported. */
export function bundleProblems(bundle: Bundle): string[] {
  const problems: string[] = [];
  const { prefix, nextNumber } = bundle.counter;
  /** Canonical id -> its index in `cases`. */
  const seen = new Map<string, number>();
  const byId = new Map<string, CaseRecord>();
  let highest: { id: string; number: number; at: number } | undefined;

  bundle.cases.forEach((record, i) => {
    const where = `cases[${i}] (${record.id})`;
    const match = CASE_ID.exec(record.id);
    if (!match) return;
    const number = Number(match[2]);
    const canonical = `${match[1]}-${number}`;
    if (match[1] !== prefix) problems.push(`${where}: case id does not use the counter's prefix ${prefix}`);
    if (number < 1 || number > MAX_CASE_NUMBER) problems.push(`${where}: case number must be 1 to ${MAX_CASE_NUMBER}`);
    else if (record.id !== canonical) problems.push(`${where}: case id is not canonical; it is written ${canonical}`);
    const twin = seen.get(canonical);
    if (twin !== undefined) {
      const other = bundle.cases[twin].id;
      problems.push(other === record.id ? `${where}: case ${record.id} appears twice (also cases[${twin}])` : `${where}: names the same case as cases[${twin}] (${other})`);
    } else {
      seen.set(canonical, i);
      byId.set(record.id, record);
    }
    if (!highest || number > highest.number) highest = { id: record.id, number, at: i };
    problems.push(...timelineProblems(record, where));
    problems.push(...policyProblems(record, where, bundle.settings));
  });
  if (highest && nextNumber <= highest.number) {
    problems.push(`counter.nextNumber: ${nextNumber} is not above case ${highest.id} (cases[${highest.at}]), so that id could be handed out again`);
  }

  const reviewed = new Map<string, number>();
  bundle.reviews.forEach((review, i) => {
    const where = `reviews[${i}] (${review.caseId})`;
    const record = byId.get(review.caseId);
    if (!record) return problems.push(`${where}: the review names case ${review.caseId}, which is not among the cases`);
    const twin = reviewed.get(review.caseId);
    if (twin !== undefined) problems.push(`${where}: case ${review.caseId} has a second review (also reviews[${twin}])`);
    reviewed.set(review.caseId, i);
    const lastSeq = record.events.length;
    if (review.knownEventSeq > lastSeq) {
      problems.push(`${where}: the review knows events up to seq ${review.knownEventSeq}, but case ${review.caseId} has ${lastSeq}; it belongs to another case`);
    }
    return undefined;
  });

  for (const caseId of Object.keys(bundle.runtime.snoozes)) {
    if (!byId.has(caseId)) problems.push(`runtime.snoozes.${caseId}: snoozes a case that is not among the cases`);
  }
  return problems;
}

function timelineProblems(record: CaseRecord, where: string): string[] {
  const first = record.events[0];
  if (first.type !== 'logged') return [`${where}: the timeline must start with its 'logged' event, not '${first.type}'`];
  const ids = new Set<string>();
  const problems: string[] = [];
  for (let i = 0; i < record.events.length; i++) {
    const event = record.events[i];
    const at = `${where}.events[${i}]`;
    if (event.seq !== i + 1) {
      problems.push(`${at}: seq is ${event.seq}; seq must run 1, 2, 3 without gaps`);
      break;
    }
    if (i > 0 && event.type === 'logged') problems.push(`${at}: a second 'logged' event; only the first event logs the case`);
    if (ids.has(event.id)) problems.push(`${at}: event id ${event.id} is used twice`);
    ids.add(event.id);
    const previous = record.events[i - 1];
    if (!previous || Date.parse(event.at) >= Date.parse(previous.at)) continue;
    if (event.type === 'closed' && Date.parse(event.at) < Date.parse(first.at)) {
      problems.push(`${at}: the case is closed at ${event.at}, before it was logged at ${first.at}`);
    } else {
      problems.push(`${at}: '${event.type}' at ${event.at} comes before the previous event (${previous.at}); events must be in time order`);
    }
    break;
  }
  return problems;
}

function policyProblems(record: CaseRecord, where: string, settings: Settings): string[] {
  const first = record.events[0];
  if (first.type !== 'logged') return [];
  try {
    const plan = planOf(settings.policy, first.data.plan);
    calendarOf(settings.policy, plan, plan.businessCalendarId);
    return [];
  } catch (error) {
    if (error instanceof PolicyError) return [`${where}: ${error.message}`];
    throw error;
  }
}
