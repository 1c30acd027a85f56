import * as path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import type { z } from 'zod';
import { DurableJsonFile, DurableTextFile } from './durable-file';
import { nodeDurableFs, type DurableFs } from './durable-fs';
import { setAside } from './set-aside';
import { formatIssues } from './issues';

/** Upgrades a document from schemaVersion `from` to `from + 1`. Pure: input in, output out. */
export interface Migration {
  readonly from: number;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

/** A file that failed to parse or validate, moved aside instead of overwritten. */
export interface CorruptFile {
  readonly file: string;
  readonly movedTo: string;
  readonly reason: string;
  readonly latestBackup?: string;
  /** Nothing is missing: the file was made again from the data it summarizes. */
  readonly repaired?: string;
}

export interface DocumentSpec<T extends { schemaVersion: number }> {
  readonly path: string;
  /** The current shape, including `schemaVersion: z.literal(version)`. */
  readonly schema: z.ZodType<T>;
  readonly version: number;
  /** Ordered: the one with `from: 1` first. Run at open for older files. */
  readonly migrations: readonly Migration[];
  /** What a missing (or corrupt, moved-aside) file starts as; without it such a file opens as no `db`. */
  readonly empty?: () => T;
  /** Wall clock, epoch ms: names the moved-aside file. */
  readonly now?: () => number;
  /** The newest backup copy of this file, offered when it is found corrupt. */
  readonly latestBackup?: (file: string) => Promise<string | undefined>;
  readonly fs?: DurableFs;
  /** How the document is written (default: the durable JSON file); `onDisk` is set when the file holds `data` as is. */
  readonly adapter?: (file: string, onDisk: T | undefined) => Adapter<T>;
}

export interface OpenedDocument<T> {
  /** A lowdb database backed by the durable adapter; `db.write()` resolves once on disk. */
  readonly db: Low<T> | undefined;
  /** "cases-meta.json: 1 -> 2" when migrations ran (the upgraded file is already written). */
  readonly migrated?: string;
  readonly corrupt?: CorruptFile;
}

class Unreadable extends Error {}

/**
 * Opens one versioned JSON document: parse, migrate to `version`, validate. A file that
 * fails any step is never overwritten: it is renamed to `<name>.corrupt-<timestamp>`,
 * reported, and the document starts empty so the console still runs.
 */
export async function openDocument<T extends { schemaVersion: number }>(spec: DocumentSpec<T>): Promise<OpenedDocument<T>> {
  const fsys = spec.fs ?? nodeDurableFs;
  const text = await new DurableTextFile(spec.path, fsys).read();
  const lowdb = (data: T, onDisk?: T) => new Low<T>(spec.adapter ? spec.adapter(spec.path, onDisk) : new DurableJsonFile<T>(spec.path, fsys), data);
  const empty = () => (spec.empty ? lowdb(spec.empty()) : undefined);
  if (text === null) return { db: empty() };

  const name = path.basename(spec.path);
  try {
    const { data, from } = upgrade(text, spec);
    const db = lowdb(data, from === spec.version ? data : undefined);
    if (from === spec.version) return { db };
    await db.write();
    return { db, migrated: `${name}: ${from} -> ${spec.version}` };
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    const corrupt = await setAside(spec.path, error.message, { now: (spec.now ?? Date.now)(), fs: fsys, ...(spec.latestBackup ? { latestBackup: spec.latestBackup } : {}) });
    return { db: empty(), corrupt };
  }
}

function upgrade<T extends { schemaVersion: number }>(text: string, spec: DocumentSpec<T>): { data: T; from: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Unreadable(`is not valid JSON (${(error as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Unreadable('is not a JSON object');
  let document = raw as Record<string, unknown>;
  const from = document.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    throw new Unreadable('schemaVersion: must be a positive whole number');
  }
  if (from > spec.version) {
    throw new Unreadable(`schemaVersion: ${from} was written by a newer Response Desk (this one reads up to ${spec.version})`);
  }
  for (let version = from; version < spec.version; version++) {
    const migration = spec.migrations.find((m) => m.from === version);
    if (!migration) throw new Error(`${path.basename(spec.path)} has no migration from schemaVersion ${version}`);
    try {
      document = { ...migration.migrate(document), schemaVersion: version + 1 };
    } catch (error) {
      throw new Unreadable(`migration ${version} -> ${version + 1} failed: ${(error as Error).message}`);
    }
  }
  const parsed = spec.schema.safeParse(document);
  if (!parsed.success) throw new Unreadable(formatIssues(parsed.error));
  return { data: parsed.data, from };
}
