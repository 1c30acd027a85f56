import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { z } from 'zod';
import { isNotFound } from './durable-fs';
import { formatIssues } from './issues';
import {
  ACTIVE_DIR,
  activeCaseSchema,
  caseNumber,
  HISTORY_DIR,
  INDEX_DIR,
  indexOnDiskSchema,
  META_FILE,
  metaSchema,
  partitionSchema,
  SUMMARY_FILE,
  summarySchema,
} from './layout';
import { closedAt, timelineProblem } from './timeline';

export interface IntegrityReport {
  /** Empty when every file parses, validates and agrees with the others. */
  readonly problems: readonly string[];
  readonly openCases: number;
  readonly closedCases: number;
}

/** Reads every data file from disk (not from caches) and checks the cross-file invariants. */
export async function verifyDataDir(dir: string): Promise<IntegrityReport> {
  const problems: string[] = [];
  const read = async <T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> => {
    let text: string;
    try {
      text = await readFile(path.join(dir, file), 'utf8');
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      problems.push(`${file}: is not valid JSON`);
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) problems.push(`${file}: ${formatIssues(parsed.error)}`);
    return parsed.success ? parsed.data : undefined;
  };
  const jsonFiles = async (sub: string) => {
    try {
      return (await readdir(path.join(dir, sub))).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  };

  const meta = await read(META_FILE, metaSchema);
  const seen = new Map<string, string>();
  const note = (id: string, where: string) => {
    const before = seen.get(id);
    if (before) problems.push(`case ${id} is in both ${before} and ${where}`);
    seen.set(id, where);
    if (meta && caseNumber(id) >= meta.nextNumber) problems.push(`case ${id} is not below nextNumber ${meta.nextNumber}`);
  };

  let openCases = 0;
  for (const name of await jsonFiles(ACTIVE_DIR)) {
    const file = path.join(ACTIVE_DIR, name);
    const doc = await read(file, activeCaseSchema);
    if (!doc) continue;
    openCases++;
    note(doc.case.id, file);
    if (`${doc.case.id}.json` !== name) problems.push(`${file}: holds case ${doc.case.id}`);
    if (closedAt(doc.case) !== undefined) problems.push(`${file}: case ${doc.case.id} is closed but still with the open cases`);
    const problem = timelineProblem(doc.case);
    if (problem) problems.push(`${file}: case ${doc.case.id} ${problem}`);
  }

  const index = new Map<string, { partition: string }>();
  for (const name of await jsonFiles(INDEX_DIR)) {
    const doc = await read(path.join(INDEX_DIR, name), indexOnDiskSchema);
    for (const [id, entry] of Object.entries(doc?.entries ?? {})) index.set(id, entry);
  }
  const summary = await read(SUMMARY_FILE, summarySchema);
  const held = new Set<string>();
  let closedCases = 0;
  for (const name of await jsonFiles(HISTORY_DIR)) {
    if (name === path.basename(SUMMARY_FILE)) continue;
    const file = path.join(HISTORY_DIR, name);
    const key = name.slice(0, -'.json'.length);
    const doc = await read(file, partitionSchema);
    if (!doc) continue;
    const counted = summary?.partitions[key]?.count ?? 0;
    if (counted !== doc.cases.length) problems.push(`${SUMMARY_FILE}: counts ${counted} cases in ${key}, the partition holds ${doc.cases.length}`);
    for (const record of doc.cases) {
      closedCases++;
      note(record.id, file);
      if (closedAt(record) === undefined) problems.push(`${file}: case ${record.id} is open but kept in history`);
      if (index.get(record.id)?.partition !== key) problems.push(`${file}: case ${record.id} is not indexed to ${key}`);
      held.add(record.id);
      const problem = timelineProblem(record);
      if (problem) problems.push(`${file}: case ${record.id} ${problem}`);
    }
  }
  for (const [id, entry] of index) if (!held.has(id)) problems.push(`history index: case ${id} points to ${entry.partition}, which does not hold it`);
  return { problems, openCases, closedCases };
}
