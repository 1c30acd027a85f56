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

/** Whole-data operations of the durable store: export, import and the daily snapshot. */
export interface DataPort {
  /** Every case, read whole or not at all: an unreadable part rejects, naming it. */
  exportCases(): Promise<CaseSet>;
  /** Replaces all the data after a snapshot of it; resolves with the snapshot's folder. */
  replaceAll(replacement: Replacement): Promise<{ backup: string }>;
  snapshotIfDue(now: number, keep?: number): Promise<string | undefined>;
  /** Files found damaged so far, at start-up or since (a history partition read lazily). */
  report(): StoreOpenReport;
}

/** Asks the engineer which file to open; undefined when they cancel. */
export type OpenDialog = () => Promise<string | undefined>;

/** Asks the engineer for one or more files to read (a service desk's export); undefined when they cancel. */
export type OpenFilesDialog = (options: { readonly title: string; readonly filters: ReadonlyArray<{ readonly name: string; readonly extensions: readonly string[] }> }) => Promise<string[] | undefined>;
