import * as path from 'node:path';
import type { Adapter } from 'lowdb';
import { DurableTextFile } from './durable-file';
import type { Journal, JournalOp } from './journal';

export interface JournaledFileOptions<T> {
  /**
   * Key path of an append-only list (a case's events): a write that only adds to it is
   * journaled as the added items, not the whole document.
   */
  readonly appendAt?: readonly string[];
  /** The document as it is on disk now, when the caller has just read it. */
  readonly onDisk?: T;
}

/**
 * A lowdb JSON adapter whose `write` resolves once the change is in the write-ahead journal
 * (one synchronous write); the file itself is brought up to date at the journal's next checkpoint.
 * Reads come from the file, so open the journal (which replays) before reading.
 */
export class JournaledJsonFile<T> implements Adapter<T> {
  readonly #journal: Journal;
  readonly #absolute: string;
  readonly #file: string;
  readonly #appendAt: readonly string[] | undefined;
  /** What the journal (or the file) holds: the document's shape without the list, and the list. */
  #last: { shell: string; items: readonly unknown[] } | undefined;

  constructor(journal: Journal, dataDir: string, absolute: string, options: JournaledFileOptions<T> = {}) {
    this.#journal = journal;
    this.#absolute = absolute;
    this.#file = path.relative(dataDir, absolute);
    this.#appendAt = options.appendAt;
    if (options.onDisk !== undefined) this.#last = this.#describe(options.onDisk);
  }

  async read(): Promise<T | null> {
    const text = await new DurableTextFile(this.#absolute).read();
    return text === null ? null : (JSON.parse(text) as T);
  }

  async write(data: T): Promise<void> {
    const now = this.#describe(data);
    const last = this.#last;
    const appended =
      now && last && now.shell === last.shell && now.items.length >= last.items.length && (last.items.length === 0 || now.items[last.items.length - 1] === last.items.at(-1));
    let op: JournalOp;
    let latest: () => string;
    if (appended && this.#appendAt) {
      op = { op: 'append', file: this.#file, at: this.#appendAt, from: last.items.length, items: now.items.slice(last.items.length) };
      latest = () => JSON.stringify(data);
    } else {
      const text = JSON.stringify(data);
      op = { op: 'put', file: this.#file, text };
      latest = () => text;
    }
    try {
      await this.#journal.record(op, latest);
    } catch (error) {
      // Unknown whether the record landed: the next write states the whole document.
      this.#last = undefined;
      throw error;
    }
    this.#last = now;
  }

  /** Records the file's removal (durable on return, like a write). */
  async remove(): Promise<void> {
    this.#last = undefined;
    await this.#journal.record({ op: 'remove', file: this.#file }, () => null);
  }

  #describe(data: T): { shell: string; items: readonly unknown[] } | undefined {
    if (!this.#appendAt) return undefined;
    const items = listAt(data, this.#appendAt);
    return items ? { shell: JSON.stringify(withEmptyList(data, this.#appendAt)), items } : undefined;
  }
}

function listAt(doc: unknown, at: readonly string[]): readonly unknown[] | undefined {
  let node = doc;
  for (const key of at) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return Array.isArray(node) ? node : undefined;
}

/** A shallow copy along `at` with the list emptied: what must not change for an append. */
function withEmptyList(doc: unknown, at: readonly string[]): unknown {
  if (at.length === 0) return [];
  const [key, ...rest] = at;
  const node = doc as Record<string, unknown>;
  return { ...node, [key!]: withEmptyList(node[key!], rest) };
}
