import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { z } from 'zod';
import { caseCommandSchema, caseEventSchema, logCaseCommandSchema } from '../../../src-shared/domain';
import { DurableTextFile } from '../storage';

/**
 * The commands this workstation applied and the team server has not yet taken, in the order
 * they were applied. Each is made durable here before its events reach the local store, so a
 * crash between the two is finished at the next start (`TeamSync.recover`), never lost.
 *
 * On disk: `team/outbox.log`, one JSON line per change (`add`, `set` after a command was
 * decided again, `drop` once the server took it or refused it), each written with one append
 * and a datasync. A torn last line is a change that was never acknowledged and is ignored. The
 * file is rewritten whole (temp file, fsync, rename) when it holds only settled lines.
 */

export const pendingCommandSchema = z.object({
  commandId: z.uuid(),
  caseId: z.string(),
  kind: z.enum(['create', 'act']),
  /**
   * What the engineer asked, decided again when the case moved on meanwhile; or an import's
   * facts (`{ type: 'import' }`: cases from another desk, sent as they are, `team-import.ts`).
   */
  command: z.union([caseCommandSchema, logCaseCommandSchema, z.object({ type: z.literal('import'), source: z.string() })]),
  actor: z.string(),
  /** When it was decided (epoch ms): decided again, it keeps its time. */
  at: z.number(),
  baseVersion: z.number().int().min(0),
  events: z.array(caseEventSchema).min(1),
});
export type PendingCommand = z.infer<typeof pendingCommandSchema>;

const lineSchema = z.union([
  z.object({ add: pendingCommandSchema }),
  z.object({ set: pendingCommandSchema }),
  z.object({ drop: z.string() }),
]);

export const OUTBOX_FILE = path.join('team', 'outbox.log');

export class Outbox {
  readonly #file: string;
  readonly #entries = new Map<string, PendingCommand>();
  #handle: FileHandle | undefined;
  #lines = 0;
  #writing: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.#file = path.join(dataDir, OUTBOX_FILE);
  }

  async open(): Promise<void> {
    await mkdir(path.dirname(this.#file), { recursive: true });
    let text = '';
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const lines = text.split('\n').filter((line) => line.length > 0);
    lines.forEach((line, i) => {
      let parsed: z.infer<typeof lineSchema>;
      try {
        parsed = lineSchema.parse(JSON.parse(line));
      } catch (error) {
        // Only the last line can be torn (a write the crash cut short, never acknowledged).
        if (i === lines.length - 1) return;
        throw new Error(`${OUTBOX_FILE} line ${i + 1} is damaged: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`);
      }
      if ('add' in parsed) this.#entries.set(parsed.add.commandId, parsed.add);
      else if ('set' in parsed) this.#entries.set(parsed.set.commandId, parsed.set);
      else this.#entries.delete(parsed.drop);
    });
    await this.#compact();
  }

  /** Pending commands, oldest first. */
  list(): PendingCommand[] {
    return [...this.#entries.values()];
  }

  size(): number {
    return this.#entries.size;
  }

  of(caseId: string): PendingCommand[] {
    return this.list().filter((entry) => entry.caseId === caseId);
  }

  add(entry: PendingCommand): Promise<void> {
    return this.addAll([entry]);
  }

  /** Several entries in one durable write (an import's cases). */
  addAll(entries: readonly PendingCommand[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    for (const entry of entries) this.#entries.set(entry.commandId, entry);
    return this.#write(entries.map((entry) => ({ add: entry })));
  }

  /** Entries decided again (new base and events) and entries dropped, in one durable write. */
  change(set: readonly PendingCommand[], drop: readonly string[]): Promise<void> {
    if (set.length === 0 && drop.length === 0) return Promise.resolve();
    for (const entry of set) if (this.#entries.has(entry.commandId)) this.#entries.set(entry.commandId, entry);
    for (const id of drop) this.#entries.delete(id);
    return this.#write([...set.map((entry) => ({ set: entry })), ...drop.map((id) => ({ drop: id }))]);
  }

  async close(): Promise<void> {
    await this.#writing.catch(() => undefined);
    await this.#handle?.close();
    this.#handle = undefined;
  }

  #write(lines: readonly object[]): Promise<void> {
    const text = lines.map((line) => `${JSON.stringify(line)}\n`).join('');
    const next = this.#writing.then(async () => {
      if (this.#entries.size === 0 && this.#lines > 1000) return this.#compact();
      this.#handle ??= await open(this.#file, 'a');
      await this.#handle.appendFile(text);
      await this.#handle.datasync();
      this.#lines += lines.length;
    });
    this.#writing = next.catch(() => undefined);
    return next;
  }

  /** The file rewritten with only what is pending (atomic and durable). */
  async #compact(): Promise<void> {
    await this.#handle?.close();
    this.#handle = undefined;
    const entries = this.list();
    await new DurableTextFile(this.#file).write(entries.map((entry) => `${JSON.stringify({ add: entry })}\n`).join(''));
    this.#lines = entries.length;
  }
}
