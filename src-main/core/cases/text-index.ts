/**
 * Which rows may hold a search word, from the three-letter runs (trigrams) of each row's text.
 * A row holds a word of three letters or more only if it holds every trigram of the word; it
 * holds a word of two letters only if one of its trigrams starts with them (each text is indexed
 * with a line end after it, so a pair at its very end has a trigram too). Marking the rows of
 * those trigrams names every row that can match, and usually few more: the caller still checks
 * each candidate with `includes`, so the answer is the plain substring search's, only without
 * looking at rows that cannot match. A word of one letter narrows nothing.
 *
 * Rows are numbered by the caller (small, dense, stable numbers); each trigram keeps its rows in
 * a growing Int32Array in ascending order, so a new row is an append.
 */
export class TextIndex {
  readonly #postings = new Map<number, Posting>();
  /** For each pair of letters, the trigrams that start with it. */
  readonly #byPair = new Map<number, Set<number>>();
  /** Per row: the number of the last search that looked at it, and how many of its groups it met. */
  #stamps = new Uint32Array(1024);
  #met = new Uint8Array(1024);
  #search = 0;

  /**
   * The distinct trigrams of `text`, each as a number of three 10-bit letters (a small integer,
   * cheap as a map key). Letters past U+03FF share numbers with others: a shared trigram only
   * adds candidates, which the caller's check drops, and never loses a match.
   */
  static gramsOf(text: string): Int32Array {
    if (text.length < 3) return new Int32Array(0);
    const grams = new Int32Array(text.length - 2);
    let a = text.charCodeAt(0) & 1023;
    let b = text.charCodeAt(1) & 1023;
    for (let i = 2; i < text.length; i++) {
      const c = text.charCodeAt(i) & 1023;
      grams[i - 2] = (a << 20) | (b << 10) | c;
      a = b;
      b = c;
    }
    grams.sort();
    let n = 0;
    for (let i = 0; i < grams.length; i++) if (i === 0 || grams[i] !== grams[n - 1]) grams[n++] = grams[i]!;
    return grams.subarray(0, n);
  }

  add(row: number, text: string): void {
    for (const gram of TextIndex.gramsOf(`${text}\n`)) {
      let posting = this.#postings.get(gram);
      if (!posting) {
        posting = new Posting();
        this.#postings.set(gram, posting);
        const pair = gram >>> 10;
        let grams = this.#byPair.get(pair);
        if (!grams) {
          grams = new Set();
          this.#byPair.set(pair, grams);
        }
        grams.add(gram);
      }
      posting.insert(row);
    }
  }

  remove(row: number, text: string): void {
    for (const gram of TextIndex.gramsOf(`${text}\n`)) {
      const posting = this.#postings.get(gram);
      if (!posting) continue;
      posting.delete(row);
      if (posting.length > 0) continue;
      this.#postings.delete(gram);
      const grams = this.#byPair.get(gram >>> 10);
      grams?.delete(gram);
      if (grams?.size === 0) this.#byPair.delete(gram >>> 10);
    }
  }

  /**
   * Which rows may contain every one of `words` (lower case, no white space): a test by row
   * number, valid until the next call; `null` when no word has two letters or more, so every
   * row is a candidate. `rows` is the highest row number plus one.
   */
  candidates(words: readonly string[], rows: number): ((row: number) => boolean) | null {
    // A group is a set of postings a candidate must be in at least one of.
    const groups: Array<{ postings: Int32Array[]; size: number }> = [];
    const group = (postings: Int32Array[]) => groups.push({ postings, size: postings.reduce((sum, rows) => sum + rows.length, 0) });
    for (const word of words) {
      if (word.length === 2) {
        const pair = ((word.charCodeAt(0) & 1023) << 10) | (word.charCodeAt(1) & 1023);
        group([...(this.#byPair.get(pair) ?? [])].map((gram) => this.#postings.get(gram)!.rows()));
      } else {
        for (const gram of TextIndex.gramsOf(word)) {
          const posting = this.#postings.get(gram);
          group(posting ? [posting.rows()] : []);
        }
      }
    }
    if (groups.length === 0) return null;
    groups.sort((a, b) => a.size - b.size);
    if (this.#stamps.length < rows) {
      const length = Math.max(rows, this.#stamps.length * 2);
      this.#stamps = new Uint32Array(length);
      this.#met = new Uint8Array(length);
      this.#search = 0;
    }
    if (++this.#search === 0xffffffff) {
      this.#stamps.fill(0);
      this.#search = 1;
    }
    const stamps = this.#stamps;
    const met = this.#met;
    const search = this.#search;
    let kept = 0;
    let level = 0;
    for (const { postings, size } of groups) {
      // A group far larger than the candidates left (a trigram most rows hold) narrows little;
      // the caller's check costs less than marking it. So does a 256th group.
      if ((level > 0 && size > 8 * kept) || level === 255) break;
      kept = 0;
      for (const posting of postings) {
        for (let i = 0; i < posting.length; i++) {
          const row = posting[i]!;
          if (level === 0) {
            if (stamps[row] !== search) {
              stamps[row] = search;
              met[row] = 1;
              kept++;
            }
          } else if (stamps[row] === search && met[row] === level) {
            met[row] = level + 1;
            kept++;
          }
        }
      }
      level++;
      if (kept === 0) break;
    }
    const need = level;
    return (row) => stamps[row] === search && met[row] === need;
  }

  /** Gives back the room kept for growth (after a bulk build). */
  compact(): void {
    for (const posting of this.#postings.values()) posting.compact();
  }

  /** Trigrams and row entries held, for the figures in docs/storage.md. */
  get stats(): { grams: number; entries: number } {
    let entries = 0;
    for (const posting of this.#postings.values()) entries += posting.length;
    return { grams: this.#postings.size, entries };
  }
}

/** An ascending set of row numbers in a growing Int32Array. */
class Posting {
  #rows = new Int32Array(4);
  length = 0;

  rows(): Int32Array {
    return this.#rows.subarray(0, this.length);
  }

  compact(): void {
    if (this.#rows.length > this.length) this.#rows = this.#rows.slice(0, Math.max(this.length, 1));
  }

  insert(row: number): void {
    const at = this.#lowerBound(row);
    if (at < this.length && this.#rows[at] === row) return;
    if (this.length === this.#rows.length) {
      const grown = new Int32Array(this.#rows.length * 2);
      grown.set(this.#rows);
      this.#rows = grown;
    }
    this.#rows.copyWithin(at + 1, at, this.length);
    this.#rows[at] = row;
    this.length++;
  }

  delete(row: number): void {
    const at = this.#lowerBound(row);
    if (at >= this.length || this.#rows[at] !== row) return;
    this.#rows.copyWithin(at, at + 1, this.length);
    this.length--;
  }

  #lowerBound(row: number): number {
    // New rows get the next number, so most inserts land at the end.
    if (this.length === 0 || this.#rows[this.length - 1]! < row) return this.length;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#rows[mid]! < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
