import type { DeskNotification, StorageProblem } from '../../src-shared/contract';
import type { CaseEvent, CaseRecord, CaseSummary } from '../../src-shared/domain';

/**
 * Ports: the only ways the core touches the outside world. Each has one implementation per
 * host and one for tests, so the core runs (and is tested) in plain Node.
 */

export type TimerHandle = { readonly id: number };

/** Time as the core sees it. Tests drive it; nothing in core reads Date.now() directly. */
export interface Clock {
  /** Wall-clock time, epoch milliseconds. */
  now(): number;
  /** Monotonic time in milliseconds (never jumps with the wall clock). */
  monotonic(): number;
  /** One-shot timer. Callers never pass more than 2^31-1 ms. */
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** What the store found when it opened the data directory. */
export interface StoreOpenReport {
  /** Files that failed to parse or validate and were moved aside. */
  readonly corrupt: readonly StorageProblem[];
  /** Migrations applied, e.g. "meta.json: 1 -> 2". */
  readonly migrated: readonly string[];
  /** Files restored from a backup at this start, as the engineer asked. */
  readonly restored?: readonly string[];
}

/**
 * Durable storage of cases. Open (active) cases live in memory and on disk apart from the
 * closed history, which is read only on demand; a command rewrites only what it touched.
 * Every returned promise resolves only after the data is durably on disk; a rejected one
 * changed nothing.
 */
export interface CaseStore {
  open(): Promise<StoreOpenReport>;
  /** The open cases, in memory after open(). */
  openCases(): readonly CaseRecord[];
  /** One open case from memory, or undefined when it is closed or unknown. */
  openCase(id: string): CaseRecord | undefined;
  /** An open case, or a closed one read lazily from history. */
  get(id: string): Promise<CaseRecord | undefined>;
  /** Closed cases, newest closure first, read lazily. */
  history(query: { limit: number; offset?: number }): Promise<{ total: number; cases: CaseRecord[] }>;
  /** Every closed case's summary, from the history index (never the partitions, once the index holds them). */
  closedSummaries(): Promise<CaseSummary[]>;
  /** Allocates the next case id ("RD-1001", ...), durably. */
  nextCaseId(): Promise<string>;
  create(record: CaseRecord): Promise<void>;
  /** Appends events to a case; moves it between active and history when it closes or reopens. */
  append(id: string, events: readonly CaseEvent[]): Promise<CaseRecord>;
  /** Damage found after open() (a history file read for the first time): each file once, as it is found. */
  onDamage?(listener: (problem: StorageProblem) => void): () => void;
  /** Team mode: puts a whole timeline in place of the stored one (absent where team mode is not supported). */
  replace?(record: CaseRecord): Promise<CaseRecord>;
  /**
   * Team mode: takes a case away (one this console imported from a service desk whose ticket the
   * team holds as another case, merged into that one). Its number is never handed out again.
   */
  remove?(id: string): Promise<void>;
  /** Team mode: the letters of the ids handed out from now on. */
  setPrefix?(prefix: string): Promise<void>;
  close(): Promise<void>;
}

/** One versioned JSON document on disk (settings, reviews...). `save` resolves once durable. */
export interface DocumentPort<T> {
  load(): Promise<T>;
  save(next: T): Promise<void>;
}

/** Shows a notification outside the page: a desktop notification in Electron. */
export interface Notifier {
  notify(notification: DeskNotification): void;
}

/** Asks the engineer where to save a file; undefined when they cancel. */
export type SaveDialog = (defaultName: string) => Promise<string | undefined>;

/** Every case of the data directory and its id counter, as an export reads them. */
export interface CaseSet {
  readonly prefix: string;
  readonly nextNumber: number;
  /** Open and closed, by case number. */
  readonly cases: readonly CaseRecord[];
}

/**
 * What replaces the whole data directory: the cases (already validated as a whole) and the
 * other documents beside them, each `{file, content}` relative to the data directory. Every
 * folder in `folders` is replaced even when no document lands in it (an import without reviews
 * leaves no review behind).
 */
export interface Replacement extends CaseSet {
  readonly documents: ReadonlyArray<{ readonly file: string; readonly content: unknown }>;
  readonly folders: readonly string[];
}

/** What an import of many cases reads: every stored case once, and one case by id. */
export interface CaseImportReader {
  readonly prefix: string;
  readonly nextNumber: number;
  /** Every case, open then closed, one at a time (the history one partition at a time). */
  eachCase(visit: (record: CaseRecord) => void): Promise<void>;
  get(id: string): Promise<CaseRecord | undefined>;
}

/** Where an import puts the cases it creates or changes: a staged copy no one sees until it is committed. */
export interface CaseImportStaging extends CaseImportReader {
  /** Whole timelines, new or in place of the stored one; `get` answers with them from then on. */
  put(records: readonly CaseRecord[]): Promise<void>;
}

/** What the work on a staged copy decided: commit it with this counter, or drop it (null). */
export interface StagedWork<T> {
  readonly value: T;
  readonly commit: { readonly nextNumber: number } | null;
}

/** Whole-data operations of the durable store: export, import and the daily snapshot. */
export interface DataPort {
  /** Every case, read whole or not at all: an unreadable part rejects, naming it. */
  exportCases(): Promise<CaseSet>;
  /** Replaces all the data after a snapshot of it; resolves with the snapshot's folder. */
  replaceAll(replacement: Replacement): Promise<{ backup: string }>;
  snapshotIfDue(now: number, keep?: number): Promise<string | undefined>;
  /** The cases as an import's preview reads them (each call a shared read). */
  caseReader?(): CaseImportReader;
  /**
   * An import of many cases: `work` puts them into a staged copy, a batch at a time, while no
   * command writes; when it resolves with a commit, the copy replaces the cases atomically and
   * durably after a snapshot (`onCommit` counts the files made durable). When it throws or
   * resolves without one, the copy is dropped and nothing changed.
   */
  stageCases?<T>(work: (staging: CaseImportStaging) => Promise<StagedWork<T>>, onCommit?: (done: number, total: number) => void, then?: AfterStaging): Promise<{ backup: string | null; value: T }>;
  /** Files found damaged so far, at start-up or since (a history partition read lazily). */
  report(): StoreOpenReport;
}

/**
 * What the store does once a staged import is committed: `reload` reads the open cases again
 * (a console goes on with them); `close` closes the store instead, so a command that ends right
 * after never holds every open case in memory (docs/import.md, Memory).
 */
export type AfterStaging = 'reload' | 'close';

/** Asks the engineer which file to open; undefined when they cancel. */
export type OpenDialog = () => Promise<string | undefined>;

/** Asks the engineer for one or more files to read (a service desk's export); undefined when they cancel. */
export type OpenFilesDialog = (options: { readonly title: string; readonly filters: ReadonlyArray<{ readonly name: string; readonly extensions: readonly string[] }> }) => Promise<string[] | undefined>;
