import { open, rename, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { MAX_BUNDLE_BYTES, type Bundle } from '../../../src-shared/bundle';
import { DeskFailure } from '../errors';
import { fsyncDirectory, nodeDurableFs } from '../storage';

const MiB = 1024 * 1024;

/** "256 MiB" */
export function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MiB` : `${bytes} bytes`;
}

export function tooLarge(bytes: number | undefined, limit = MAX_BUNDLE_BYTES): DeskFailure {
  const size = bytes === undefined ? 'larger than' : `${formatBytes(bytes)}, over`;
  return new DeskFailure('INVALID_INPUT', `The import file is ${size} the limit of ${formatBytes(limit)}.`);
}

/**
 * The bundle as text, piece by piece: the small parts first, then one review and one case per
 * line, so no single string holds the whole export (a history of 50,000 cases is hundreds of MB).
 */
export function* bundleChunks(bundle: Bundle): Generator<string> {
  const { cases, reviews, ...head } = bundle;
  const fields = Object.entries(head).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  yield `{\n${fields.join(',\n')},\n`;
  yield* list('reviews', reviews);
  yield ',\n';
  yield* list('cases', cases);
  yield '\n}\n';
}

function* list(name: string, items: readonly unknown[]): Generator<string> {
  yield `${JSON.stringify(name)}: [`;
  for (let i = 0; i < items.length; i++) yield `${i === 0 ? '\n' : ',\n'}${JSON.stringify(items[i])}`;
  yield items.length === 0 ? ']' : '\n]';
}

/** Joins small chunks into writes of about 1 MiB. */
export function* batched(chunks: Iterable<string>, size = MiB): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield pending.join('');
}

/** Streams the bundle into `file` durably: a temp file beside it, fsync, rename, fsync of the folder. */
export async function writeBundleFile(file: string, bundle: Bundle): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  const handle = await open(temp, 'w');
  try {
    for (const chunk of batched(bundleChunks(bundle))) await handle.write(chunk);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, file);
  await fsyncDirectory(nodeDurableFs, path.dirname(file));
}

/** Reads an export file the engineer chose, refusing one over the limit before reading it. */
export async function readBundleFile(file: string): Promise<string> {
  const { size } = await stat(file);
  if (size > MAX_BUNDLE_BYTES) throw tooLarge(size);
  const handle = await open(file, 'r');
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** The file's JSON, or a refusal that says where it stops being JSON. */
export function parseBundleText(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new DeskFailure('INVALID_INPUT', `The import file is not JSON: ${(error as Error).message}.`);
  }
}
