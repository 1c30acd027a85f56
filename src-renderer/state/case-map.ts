import type { CaseRecord } from '../../src-shared/domain';

/** Enough buckets that one holds a few dozen records even with 10,000 open cases. */
const BUCKETS = 256;

function bucketOf(id: string): number {
  // FNV-1a over the id: cheap, and spreads "RD-1001", "RD-1002", ... evenly.
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

/**
 * Case records by id, immutable: `with(record)` returns a new map and leaves this one as it was.
 * It copies only the bucket the case falls in (and the short list of buckets), not every record,
 * so patching one case costs the same with 50 cases or 10,000, and a reader holding the old map
 * still sees the old record.
 */
export class CaseMap implements Iterable<CaseRecord> {
  static readonly EMPTY = new CaseMap(Array.from({ length: BUCKETS }, () => new Map()), 0);

  private constructor(
    private readonly buckets: ReadonlyArray<ReadonlyMap<string, CaseRecord>>,
    readonly size: number,
  ) {}

  static of(records: Iterable<CaseRecord>): CaseMap {
    const buckets = Array.from({ length: BUCKETS }, () => new Map<string, CaseRecord>());
    for (const record of records) buckets[bucketOf(record.id)]!.set(record.id, record);
    return new CaseMap(buckets, buckets.reduce((sum, bucket) => sum + bucket.size, 0));
  }

  get(id: string): CaseRecord | undefined {
    return this.buckets[bucketOf(id)]!.get(id);
  }

  /** This map with `record` added, or replacing the record of the same id. */
  with(record: CaseRecord): CaseMap {
    const at = bucketOf(record.id);
    const bucket = new Map(this.buckets[at]!);
    const added = bucket.has(record.id) ? 0 : 1;
    bucket.set(record.id, record);
    const buckets = [...this.buckets];
    buckets[at] = bucket;
    return new CaseMap(buckets, this.size + added);
  }

  /** This map without the record of `id` (team mode: a case merged into another). */
  without(id: string): CaseMap {
    const at = bucketOf(id);
    if (!this.buckets[at]!.has(id)) return this;
    const bucket = new Map(this.buckets[at]!);
    bucket.delete(id);
    const buckets = [...this.buckets];
    buckets[at] = bucket;
    return new CaseMap(buckets, this.size - 1);
  }

    *[Symbol.iterator](): Iterator<CaseRecord> {
    for (const bucket of this.buckets) yield* bucket.values();
  }
}
