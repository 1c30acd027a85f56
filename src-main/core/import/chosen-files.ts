import { randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { ServiceDeskFile } from '../../../src-shared/contract';
import { DeskFailure } from '../errors';
import type { ImportFile } from './source';

/**
 * The export files the engineer chose (Electron's dialog) or uploaded (the browser host), by an
 * id the page holds: the page never names a path. An upload's copy is deleted once imported or
 * when the console closes.
 */
export class ChosenFiles {
  readonly #files = new Map<string, ImportFile & { readonly temporary: boolean }>();

  async add(path: string, temporary: boolean, name = basename(path)): Promise<ServiceDeskFile> {
    const { size } = await stat(path);
    const id = randomUUID();
    this.#files.set(id, { path, name, temporary });
    return { id, name, bytes: size };
  }

  resolve(ids: readonly string[]): ImportFile[] {
    return ids.map((id) => {
      const file = this.#files.get(id);
      if (!file) throw new DeskFailure('NOT_FOUND', 'The chosen export file is no longer here (the console restarted or it was imported): choose it again.');
      return { path: file.path, name: file.name };
    });
  }

  /** Forgets the files, deleting uploaded copies. */
  async release(ids: readonly string[] = [...this.#files.keys()]): Promise<void> {
    for (const id of ids) {
      const file = this.#files.get(id);
      this.#files.delete(id);
      // An upload sits alone in a folder of its own.
      if (file?.temporary) await rm(dirname(file.path), { recursive: true, force: true });
    }
  }
}
