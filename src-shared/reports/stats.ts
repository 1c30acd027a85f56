/** Mean, median and 90th percentile of minutes; null figures when there is nothing to measure. */
export type Stats = { readonly count: number; readonly mean: number | null; readonly median: number | null; readonly p90: number | null };

/**
 * The median is the middle value (the mean of the two middle ones for an even count); the
 * 90th percentile is by nearest rank: the smallest value with at least 90% of values at or below it.
 */
export function statsOf(values: readonly number[] | MinuteValues): Stats {
  const sorted = values instanceof MinuteValues ? values.sorted() : Float64Array.from(values).sort();
  const count = sorted.length;
  if (count === 0) return { count, mean: null, median: null, p90: null };
  let sum = 0;
  for (const value of sorted) sum += value;
  const middle = count >> 1;
  const median = count % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const p90 = sorted[Math.ceil(0.9 * count) - 1]!;
  return { count, mean: sum / count, median, p90 };
}

/** Share of a whole, null when the whole is empty. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** `array`, or a copy of it twice as long (or `needed` long) when it has less room than `needed`. */
export function withRoom<T extends Int32Array | Float64Array>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const grown = new (array.constructor as new (length: number) => T)(Math.max(needed, array.length * 2));
  grown.set(array);
  return grown;
}

/** Minutes gathered for a report's figures, in one growing Float64Array rather than an array of numbers. */
export class MinuteValues {
  #data: Float64Array = new Float64Array(16);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  push(value: number): void {
    this.#data = withRoom(this.#data, this.#length + 1);
    this.#data[this.#length++] = value;
  }

  /** The values in ascending order (sorted in place). */
  sorted(): Float64Array {
    return this.#data.subarray(0, this.#length).sort();
  }

  /** Values that are the union of sorted parts: merged, not sorted again. */
  static merged(parts: readonly Float64Array[]): MinuteValues {
    const values = new MinuteValues();
    const merged = mergeSorted(parts);
    values.#data = merged.length > 0 ? merged : values.#data;
    values.#length = merged.length;
    return values;
  }
}

/** One ascending array of the values of ascending arrays (pairwise merges, as a merge sort's last rounds). */
export function mergeSorted(parts: readonly Float64Array[]): Float64Array {
  if (parts.length === 0) return new Float64Array(0);
  let rounds = [...parts];
  while (rounds.length > 1) {
    const next: Float64Array[] = [];
    for (let i = 0; i < rounds.length; i += 2) next.push(i + 1 < rounds.length ? mergeTwo(rounds[i]!, rounds[i + 1]!) : rounds[i]!);
    rounds = next;
  }
  return rounds[0]!.slice();
}

function mergeTwo(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
