import type { Adapter } from 'lowdb';
import { isNotFound, nodeDurableFs, type DurableFs } from './durable-fs';
import { writeManyDurably } from './write-many';

/**
 * A lowdb text adapter whose `write` resolves only when the text is durable: temp file in the
 * same directory, fsync it, rename over the target, fsync the directory. lowdb's stock
 * TextFile (steno) renames but never fsyncs, so a power cut can leave an empty file.
 * Writes to one file run one after another; a failed write leaves the previous file intact.
 */
export class DurableTextFile implements Adapter<string> {
  readonly #target: string;
  readonly #fs: DurableFs;
  #tail: Promise<void> = Promise.resolve();

  constructor(target: string, fsys: DurableFs = nodeDurableFs) {
    this.#target = target;
    this.#fs = fsys;
  }

  async read(): Promise<string | null> {
    try {
      return await this.#fs.readFile(this.#target);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  write(text: string): Promise<void> {
    const run = this.#tail.then(() => this.#writeNow(text));
    this.#tail = run.catch(() => undefined);
    return run;
  }

  #writeNow(text: string): Promise<void> {
    return writeManyDurably(this.#fs, [[this.#target, text]]);
  }
}

/** A durable lowdb JSON adapter. The snapshot is taken when `write` is called, not when it runs. */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly #file: DurableTextFile;

  constructor(target: string, fsys: DurableFs = nodeDurableFs) {
    this.#file = new DurableTextFile(target, fsys);
  }

  async read(): Promise<T | null> {
    const text = await this.#file.read();
    return text === null ? null : (JSON.parse(text) as T);
  }

  write(data: T): Promise<void> {
    return this.#file.write(JSON.stringify(data));
  }
}

/** Temp files a killed process left behind; never the data itself. */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}
