import type { CaseQuery, CaseQueryResult, CaseSortColumn } from '../../../src-shared/contract';
import { CASE_STATUSES, type CaseSummary } from '../../../src-shared/domain';
import { TextIndex } from './text-index';

/** A summary with the keys it is searched and ordered by, computed once per change. */
interface Row {
  readonly summary: CaseSummary;
  /** The case's number in the text index: given once, kept while the case changes. */
  readonly slot: number;
  /** id, title and customer, lower case: what the search words are looked for in. */
  readonly text: string;
  readonly idPrefix: string;
  readonly idNumber: number;
  readonly title: string;
  readonly customer: string;
  readonly owner: string;
  readonly status: number;
  readonly loggedMs: number;
  readonly updatedMs: number;
}

function rowOf(summary: CaseSummary, slot: number): Row {
  const dash = summary.id.lastIndexOf('-');
  const customer = summary.customer.trim().toLowerCase();
  return {
    summary,
    slot,
    text: `${summary.id}\n${summary.title}\n${summary.customer}`.toLowerCase(),
    idPrefix: summary.id.slice(0, dash + 1),
    idNumber: Number(summary.id.slice(dash + 1)),
    title: summary.title.toLowerCase(),
    customer,
    owner: (summary.owner ?? '').trim().toLowerCase(),
    status: CASE_STATUSES.indexOf(summary.status),
    loggedMs: Date.parse(summary.loggedAt),
    updatedMs: Date.parse(summary.updatedAt),
  };
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: Row, b: Row) => text(a.idPrefix, b.idPrefix) || a.idNumber - b.idNumber;

/** Ascending orders; ties fall back to the id, so every order is total and a row is found by binary search. */
const COMPARE: Record<CaseSortColumn, (a: Row, b: Row) => number> = {
  id: byId,
  title: (a, b) => text(a.title, b.title) || byId(a, b),
  customer: (a, b) => text(a.customer, b.customer) || byId(a, b),
  severity: (a, b) => text(a.summary.severity, b.summary.severity) || byId(a, b),
  status: (a, b) => a.status - b.status || byId(a, b),
  owner: (a, b) => text(a.owner, b.owner) || byId(a, b),
  loggedAt: (a, b) => a.loggedMs - b.loggedMs || byId(a, b),
  updatedAt: (a, b) => a.updatedMs - b.updatedMs || byId(a, b),
};

/** First position whose row is not before `row` in `order`. */
function lowerBound(order: readonly Row[], row: Row, compare: (a: Row, b: Row) => number): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(order[mid]!, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const wordsOf = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);

function matcher(query: CaseQuery): ((row: Row) => boolean) | null {
  const words = wordsOf(query.text);
  const f = query.filters;
  const statuses = f.status.length > 0 ? new Set(f.status.map((status) => CASE_STATUSES.indexOf(status))) : null;
  const severities = f.severity.length > 0 ? new Set<string>(f.severity) : null;
  const customer = f.customer.toLowerCase();
  const owner = f.owner.toLowerCase();
  const from = f.loggedFrom ? Date.parse(f.loggedFrom) : null;
  const before = f.loggedBefore ? Date.parse(f.loggedBefore) : null;
  if (words.length === 0 && !statuses && !severities && !f.plan && !customer && !owner && from === null && before === null) return null;
  return (row) =>
    (!statuses || statuses.has(row.status)) &&
    (!severities || severities.has(row.summary.severity)) &&
    (!f.plan || row.summary.plan === f.plan) &&
    (!customer || row.customer === customer) &&
    (!owner || row.owner === owner) &&
    (from === null || row.loggedMs >= from) &&
    (before === null || row.loggedMs < before) &&
    words.every((word) => row.text.includes(word));
}

/** The page asked for of the matches, which are in ascending order. */
function pageOf(matches: readonly Row[], query: CaseQuery): CaseQueryResult {
  const total = matches.length;
  const end = Math.min(total, query.offset + query.limit);
  const rows: CaseSummary[] = [];
  if (query.sort.direction === 'asc') for (let i = query.offset; i < end; i++) rows.push(matches[i]!.summary);
  else for (let i = query.offset; i < end; i++) rows.push(matches[total - 1 - i]!.summary);
  return { total, rows };
}

/**
 * The catalog's answer to a query over these cases (one summary per case), found by a plain scan
 * with the catalog's own match and orders: for the first screens while the catalog is built. Only
 * the rows up to the end of the page asked for are kept in order (a binary insertion each, and
 * rarely: few rows beat the last kept one), so the first page costs one pass, not a sort.
 */
export function scanCases(summaries: Iterable<CaseSummary>, query: CaseQuery): CaseQueryResult {
  const match = matcher(query);
  const ascending = COMPARE[query.sort.by];
  // The order asked for: the kept rows come first in it.
  const compare = query.sort.direction === 'asc' ? ascending : (a: Row, b: Row) => ascending(b, a);
  const keep = query.offset + query.limit;
  const kept: Row[] = [];
  let total = 0;
  for (const summary of summaries) {
    const row = rowOf(summary, 0);
    if (match && !match(row)) continue;
    total++;
    if (kept.length === keep && compare(row, kept[keep - 1]!) >= 0) continue;
    kept.splice(lowerBound(kept, row, compare), 0, row);
    if (kept.length > keep) kept.pop();
  }
  return { total, rows: kept.slice(query.offset).map((row) => row.summary) };
}

/**
 * Every case, open and closed, as summaries in memory, with one sorted order per column kept up
 * to date as cases change (binary search and one splice per order), so a query never sorts. A
 * search looks only at the cases the text index names as candidates (those holding every
 * trigram of its words), in the order asked for, and checks each with the same rule as a plain
 * scan, so the index narrows the work and never the answer. The matches of the last filtered
 * query are kept, so the next page of the same search is a slice.
 */
export class CaseCatalog {
  readonly #rows = new Map<string, Row>();
  readonly #orders = new Map<CaseSortColumn, Row[]>();
  readonly #index = new TextIndex();
  #version = 0;
  #last: { key: string; version: number; matches: readonly Row[] } | undefined;

  get size(): number {
    return this.#rows.size;
  }

  /** Adds a case or replaces its summary. */
  upsert(summary: CaseSummary): void {
    const old = this.#rows.get(summary.id);
    const row = rowOf(summary, old ? old.slot : this.#rows.size);
    this.#rows.set(summary.id, row);
    this.#version++;
    if (old?.text !== row.text) {
      if (old) this.#index.remove(old.slot, old.text);
      this.#index.add(row.slot, row.text);
    }
    for (const [column, order] of this.#orders) {
      const compare = COMPARE[column];
      if (old) order.splice(lowerBound(order, old, compare), 1);
      order.splice(lowerBound(order, row, compare), 0, row);
    }
  }

  query(query: CaseQuery): CaseQueryResult {
    const order = this.#order(query.sort.by);
    const match = matcher(query);
    let matches: readonly Row[] = order;
    if (match) {
      const key = JSON.stringify([query.text, query.filters, query.sort.by]);
      const last = this.#last;
      if (last && last.key === key && last.version === this.#version) matches = last.matches;
      else {
        matches = this.#matches(order, match, wordsOf(query.text));
        this.#last = { key, version: this.#version, matches };
      }
    }
    return pageOf(matches, query);
  }

  /** The rows of `order` that match, looking only at the text index's candidates when the words narrow them. */
  #matches(order: readonly Row[], match: (row: Row) => boolean, words: readonly string[]): Row[] {
    const candidate = this.#index.candidates(words, this.#rows.size);
    if (!candidate) return order.filter(match);
    const matches: Row[] = [];
    for (let i = 0; i < order.length; i++) {
      const row = order[i]!;
      if (candidate(row.slot) && match(row)) matches.push(row);
    }
    return matches;
  }

  /** Gives back the room the text index kept for growth: after a bulk build. */
  compact(): void {
    this.#index.compact();
  }

  /** Entries of the text index, for the figures in docs/storage.md. */
  get indexStats(): { grams: number; entries: number } {
    return this.#index.stats;
  }

  #order(column: CaseSortColumn): Row[] {
    let order = this.#orders.get(column);
    if (!order) {
      order = [...this.#rows.values()].sort(COMPARE[column]);
      this.#orders.set(column, order);
    }
    return order;
  }
}
