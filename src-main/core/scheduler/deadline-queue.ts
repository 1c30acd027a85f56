/** One armed deadline as callers see it. */
export interface DueItem<T> {
  readonly key: string;
  /** Wall-clock epoch milliseconds. */
  readonly dueAt: number;
  readonly payload: T;
}

type Entry<T> = {
  readonly key: string;
  dueAt: number;
  payload: T;
  /** Arming order: breaks ties so equal deadlines come out in the order they were armed. */
  seq: number;
  /** Position in the heap array, kept current so a key is found and moved in O(log n). */
  index: number;
};

const snapshot = <T>(entry: Entry<T>): DueItem<T> => ({ key: entry.key, dueAt: entry.dueAt, payload: entry.payload });

/**
 * A binary min-heap of deadlines keyed by a string: insert, replace and remove by key in
 * O(log n), earliest in O(1).
 */
export class DeadlineQueue<T> {
  private readonly heap: Entry<T>[] = [];
  private readonly byKey = new Map<string, Entry<T>>();
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The earliest deadline (ties: earliest armed), or undefined when empty. */
  peek(): DueItem<T> | undefined {
    const root = this.heap[0];
    return root === undefined ? undefined : snapshot(root);
  }

  /** The earliest due time, without allocating. */
  earliestDueAt(): number | undefined {
    return this.heap[0]?.dueAt;
  }

  /** Adds a deadline, or replaces the one with the same key. */
  upsert(key: string, dueAt: number, payload: T): void {
    const existing = this.byKey.get(key);
    if (existing === undefined) {
      const entry: Entry<T> = { key, dueAt, payload, seq: this.seq++, index: this.heap.length };
      this.heap.push(entry);
      this.byKey.set(key, entry);
      this.siftUp(entry.index);
      return;
    }
    existing.dueAt = dueAt;
    existing.payload = payload;
    existing.seq = this.seq++;
    // The new key orders after its old self or before it; only one of the two sifts moves it.
    this.siftUp(existing.index);
    this.siftDown(existing.index);
  }

  remove(key: string): boolean {
    const entry = this.byKey.get(key);
    if (entry === undefined) return false;
    this.byKey.delete(key);
    const last = this.heap.pop() as Entry<T>;
    if (last !== entry) {
      this.place(last, entry.index);
      this.siftUp(last.index);
      this.siftDown(last.index);
    }
    return true;
  }

  /** Removes every deadline the predicate matches in one O(n) pass; returns how many. */
  removeWhere(matches: (entry: DueItem<T>) => boolean): number {
    const kept: Entry<T>[] = [];
    for (const entry of this.heap) {
      if (matches(entry)) this.byKey.delete(entry.key);
      else kept.push(entry);
    }
    const removed = this.heap.length - kept.length;
    if (removed === 0) return 0;
    this.heap.length = 0;
    kept.forEach((entry) => this.place(entry, this.heap.length));
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
    return removed;
  }

  /** Removes and returns every deadline with dueAt <= nowMs, earliest first. */
  popDue(nowMs: number): DueItem<T>[] {
    const due: DueItem<T>[] = [];
    for (let root = this.heap[0]; root !== undefined && root.dueAt <= nowMs; root = this.heap[0]) {
      due.push(snapshot(root));
      this.remove(root.key);
    }
    return due;
  }

  private before(a: Entry<T>, b: Entry<T>): boolean {
    return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
  }

  private place(entry: Entry<T>, index: number): void {
    this.heap[index] = entry;
    entry.index = index;
  }

  private siftUp(start: number): void {
    const entry = this.heap[start] as Entry<T>;
    let index = start;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.heap[parentIndex] as Entry<T>;
      if (!this.before(entry, parent)) break;
      this.place(parent, index);
      index = parentIndex;
    }
    this.place(entry, index);
  }

  private siftDown(start: number): void {
    const entry = this.heap[start] as Entry<T>;
    const length = this.heap.length;
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= length) break;
      const right = left + 1;
      let child = left;
      if (right < length && this.before(this.heap[right] as Entry<T>, this.heap[left] as Entry<T>)) child = right;
      const smaller = this.heap[child] as Entry<T>;
      if (!this.before(smaller, entry)) break;
      this.place(smaller, index);
      index = child;
    }
    this.place(entry, index);
  }
}
