import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { CaseRecord } from '../../../src-shared/domain';
import { DurableJsonFile } from './durable-file';
import {
  ACTIVE_DIR,
  ACTIVE_VERSION,
  activeFile,
  INDEX_DIR,
  INDEX_VERSION,
  indexBucket,
  indexFile,
  META_FILE,
  META_VERSION,
  PARTITION_VERSION,
  partitionFile,
  partitionKey,
  SUMMARY_FILE,
  SUMMARY_VERSION,
  type IndexDocument,
  type SummaryDocument,
} from './layout';
import { closedAt } from './timeline';

export interface Dataset {
  readonly prefix: string;
  readonly nextNumber: number;
  readonly cases: readonly CaseRecord[];
}

/**
 * Writes a whole data directory in one pass (import staging, benchmark fixtures): the same
 * files the store writes one command at a time, each durable. `dir` must be empty.
 */
export async function writeDataset(dir: string, dataset: Dataset, partitionSize: number): Promise<void> {
  await mkdir(path.join(dir, ACTIVE_DIR), { recursive: true });
  await mkdir(path.join(dir, INDEX_DIR), { recursive: true });
  const files: Array<[string, unknown]> = [[META_FILE, { schemaVersion: META_VERSION, prefix: dataset.prefix, nextNumber: dataset.nextNumber }]];

  const closed: Array<{ record: CaseRecord; at: string }> = [];
  for (const record of dataset.cases) {
    const at = closedAt(record);
    if (at === undefined) files.push([activeFile(record.id), { schemaVersion: ACTIVE_VERSION, case: record }]);
    else closed.push({ record, at });
  }
  closed.sort((a, b) => a.at.localeCompare(b.at));

  const summary: SummaryDocument = { schemaVersion: SUMMARY_VERSION, partitions: {} };
  const indexes = new Map<string, IndexDocument>();
  let month = '';
  let chunk = 0;
  let members: CaseRecord[] = [];
  const flush = () => {
    if (members.length === 0) return;
    const key = partitionKey(`${month}-01`, chunk);
    files.push([partitionFile(key), { schemaVersion: PARTITION_VERSION, cases: members }]);
    summary.partitions[key] = { count: members.length };
    members = [];
  };
  for (const { record, at } of closed) {
    if (at.slice(0, 7) !== month || members.length >= partitionSize) {
      flush();
      chunk = at.slice(0, 7) === month ? chunk + 1 : 1;
      month = at.slice(0, 7);
    }
    members.push(record);
    const bucket = indexBucket(record.id);
    const index = indexes.get(bucket) ?? { schemaVersion: INDEX_VERSION, entries: {} };
    index.entries[record.id] = { partition: partitionKey(`${month}-01`, chunk), closedAt: at };
    indexes.set(bucket, index);
  }
  flush();
  for (const [bucket, index] of indexes) files.push([indexFile(bucket), index]);
  files.push([SUMMARY_FILE, summary]);

  const queue = [...files];
  const worker = async () => {
    for (let next = queue.pop(); next; next = queue.pop()) await new DurableJsonFile(path.join(dir, next[0])).write(next[1]);
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}
