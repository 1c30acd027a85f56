import type { DeskNotification } from '../../src-shared/contract';
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
  readonly corrupt: ReadonlyArray<{ file: string; movedTo: string; reason: string; latestBackup?: string }>;
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

/** Whole-data operations of the durable store: export, import and the daily snapshot. */
export interface DataPort {
  exportAll(): Promise<unknown>;
  importAll(candidate: unknown): Promise<{ imported: number; backup: string }>;
  snapshotIfDue(now: number, keep?: number): Promise<string | undefined>;
}
