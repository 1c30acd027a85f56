import fc from 'fast-check';
import { caseQuerySchema, CASE_SORT_COLUMNS, type CaseQuery, type CaseSortColumn } from '../../../src-shared/contract';
import { CASE_STATUSES, SEVERITIES, type CaseSummary } from '../../../src-shared/domain';
import { CaseCatalog, scanCases } from '../../../src-main/core/cases/case-catalog';
import { TextIndex } from '../../../src-main/core/cases/text-index';

const BASE = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;

/**
 * Letters that try the text index: both cases, digits, the id's dash, an accent, 'İ' (whose lower
 * case is two letters), and '日' with 'ǥ', which share the index's 10-bit letter number.
 */
const LETTERS = ['a', 'b', 'c', 'A', 'B', '1', '2', '0', '-', ' ', 'é', 'É', 'İ', '日', 'ǥ'];
const textOf = (min: number, max: number) => fc.array(fc.constantFrom(...LETTERS), { minLength: min, maxLength: max }).map((letters) => letters.join(''));

const summaryArb = fc.record({
  number: fc.integer({ min: 1, max: 40 }),
  title: textOf(0, 12),
  customer: textOf(0, 6),
  plan: fc.constantFrom('standard', 'premium'),
  severity: fc.constantFrom(...SEVERITIES),
  status: fc.constantFrom(...CASE_STATUSES),
  owner: fc.constantFrom(null, 'Dana Reyes', 'kim', 'Kim'),
  logged: fc.integer({ min: 0, max: 30 }),
  updated: fc.integer({ min: 0, max: 30 }),
}).map(
  (s): CaseSummary => ({
    id: `RD-${s.number}`,
    title: s.title,
    customer: s.customer,
    plan: s.plan,
    severity: s.severity,
    status: s.status,
    owner: s.owner,
    loggedAt: new Date(BASE + s.logged * DAY).toISOString(),
    updatedAt: new Date(BASE + (s.logged + s.updated) * DAY).toISOString(),
    closedAt: s.status === 'closed' ? new Date(BASE + (s.logged + s.updated) * DAY).toISOString() : null,
  }),
);

/** A search word: random letters, or a piece of a case's id, title or customer (often its last letters), in whatever case. */
const wordArb = (summaries: readonly CaseSummary[]) =>
  fc.oneof(
    textOf(1, 4),
    fc
      .tuple(fc.constantFrom(...summaries), fc.constantFrom('id', 'title', 'customer'), fc.nat(), fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.boolean())
      .map(([s, field, at, length, atEnd, upper]) => {
        const text = s[field as 'id' | 'title' | 'customer'];
        const start = atEnd ? Math.max(0, text.length - length) : at % Math.max(1, text.length);
        const piece = text.slice(start, start + length).trim() || 'rd';
        return upper ? piece.toUpperCase() : piece;
      }),
  );

const queryArb = (summaries: readonly CaseSummary[]) =>
  fc
    .record({
      words: fc.array(wordArb(summaries), { maxLength: 3 }),
      status: fc.subarray([...CASE_STATUSES]),
      severity: fc.subarray([...SEVERITIES]),
      plan: fc.constantFrom('', 'standard', 'premium'),
      customer: fc.oneof(fc.constant(''), fc.constantFrom(...summaries).map((s) => s.customer.toUpperCase())),
      owner: fc.constantFrom('', 'kim', 'DANA REYES'),
      from: fc.option(fc.integer({ min: 0, max: 30 })),
      days: fc.integer({ min: 1, max: 20 }),
      by: fc.constantFrom(...CASE_SORT_COLUMNS),
      direction: fc.constantFrom('asc' as const, 'desc' as const),
      offset: fc.integer({ min: 0, max: 30 }),
      limit: fc.integer({ min: 1, max: 50 }),
    })
    .map(
      (q): CaseQuery =>
        caseQuerySchema.parse({
          text: q.words.join(' '),
          filters: {
            status: q.status,
            severity: q.severity,
            plan: q.plan,
            customer: q.customer.trim(),
            owner: q.owner,
            ...(q.from === null ? {} : { loggedFrom: new Date(BASE + q.from * DAY).toISOString(), loggedBefore: new Date(BASE + (q.from + q.days) * DAY).toISOString() }),
          },
          sort: { by: q.by, direction: q.direction },
          offset: q.offset,
          limit: q.limit,
        }),
    );

/** The rule, written as a plain scan: every word found in id, title or customer (any case), every filter, ordered with the id breaking ties. */
function scan(summaries: Iterable<CaseSummary>, q: CaseQuery): { total: number; ids: string[] } {
  const words = q.text.toLowerCase().split(/\s+/).filter(Boolean);
  const f = q.filters;
  const matches = [...summaries].filter(
    (s) =>
      (f.status.length === 0 || f.status.includes(s.status)) &&
      (f.severity.length === 0 || f.severity.includes(s.severity)) &&
      (!f.plan || s.plan === f.plan) &&
      (!f.customer || s.customer.trim().toLowerCase() === f.customer.toLowerCase()) &&
      (!f.owner || (s.owner ?? '').trim().toLowerCase() === f.owner.toLowerCase()) &&
      (!f.loggedFrom || Date.parse(s.loggedAt) >= Date.parse(f.loggedFrom)) &&
      (!f.loggedBefore || Date.parse(s.loggedAt) < Date.parse(f.loggedBefore)) &&
      words.every((w) => `${s.id}\n${s.title}\n${s.customer}`.toLowerCase().includes(w)),
  );
  const num = (s: CaseSummary) => Number(s.id.slice(3));
  const key: Record<CaseSortColumn, (s: CaseSummary) => string | number> = {
    id: num,
    title: (s) => s.title.toLowerCase(),
    customer: (s) => s.customer.trim().toLowerCase(),
    severity: (s) => s.severity,
    status: (s) => CASE_STATUSES.indexOf(s.status),
    owner: (s) => (s.owner ?? '').trim().toLowerCase(),
    loggedAt: (s) => Date.parse(s.loggedAt),
    updatedAt: (s) => Date.parse(s.updatedAt),
  };
  const k = key[q.sort.by];
  matches.sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : num(a) - num(b)));
  if (q.sort.direction === 'desc') matches.reverse();
  return { total: matches.length, ids: matches.slice(q.offset, q.offset + q.limit).map((s) => s.id) };
}

const run = (catalog: CaseCatalog, q: CaseQuery) => {
  const result = catalog.query(q);
  return { total: result.total, ids: result.rows.map((row) => row.id) };
};

describe('the All cases catalog and its text index', () => {
  it('answers every query as a plain scan over the cases does, while cases are added and changed between queries', () => {
    fc.assert(
      fc.property(
        fc.array(summaryArb, { minLength: 1, maxLength: 60 }).chain((first) =>
          fc.tuple(fc.constant(first), fc.array(summaryArb, { maxLength: 30 }), fc.array(queryArb(first), { minLength: 1, maxLength: 4 })),
        ),
        ([first, changes, queries]) => {
          const catalog = new CaseCatalog();
          const current = new Map<string, CaseSummary>();
          for (const summary of first) {
            catalog.upsert(summary);
            current.set(summary.id, summary);
          }
          for (const q of queries) expect(run(catalog, q), JSON.stringify(q)).toEqual(scan(current.values(), q));
          // Changed titles and customers move a case in the index; the same queries again.
          for (const summary of changes) {
            catalog.upsert(summary);
            current.set(summary.id, summary);
          }
          for (const q of queries) expect(run(catalog, q), JSON.stringify(q)).toEqual(scan(current.values(), q));
          // The answer while the catalog is built (a scan of the cases read) is the catalog's, row for row.
          for (const q of queries) expect(scanCases(current.values(), q), JSON.stringify(q)).toEqual(catalog.query(q));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a case by its key in any case, by its number alone, and by a part of a word of its title or customer', () => {
    const catalog = new CaseCatalog();
    const at = new Date(BASE).toISOString();
    const base = { plan: 'standard', severity: 'P2', status: 'closed', owner: null, loggedAt: at, updatedAt: at, closedAt: at } as const;
    catalog.upsert({ ...base, id: 'RD-1234', title: 'Checkout API returns 502', customer: 'Northwind Logistics' });
    catalog.upsert({ ...base, id: 'RD-2345', title: 'Login loop on SSO', customer: 'Initech' });
    catalog.upsert({ ...base, id: 'RD-12', title: 'Export stuck', customer: 'Acme' });
    const ids = (text: string) => run(catalog, caseQuerySchema.parse({ text, sort: { by: 'id', direction: 'asc' } })).ids;
    expect(ids('rd-1234')).toEqual(['RD-1234']);
    expect(ids('1234')).toEqual(['RD-1234']);
    expect(ids('RD-12')).toEqual(['RD-12', 'RD-1234']);
    expect(ids('12')).toEqual(['RD-12', 'RD-1234']);
    expect(ids('north 502')).toEqual(['RD-1234']);
    expect(ids('LOGIST')).toEqual(['RD-1234']);
    expect(ids('gin lo')).toEqual(['RD-2345']);
    expect(ids('o')).toEqual(['RD-12', 'RD-1234', 'RD-2345']);
    expect(ids('sso acme')).toEqual([]);
    // Two letters at the very end of the text: the index keeps a trigram for them too.
    expect(ids('ME')).toEqual(['RD-12']);
  });

  it('forgets the old words of a case whose title changed', () => {
    const catalog = new CaseCatalog();
    const at = new Date(BASE).toISOString();
    const summary: CaseSummary = { id: 'RD-7', title: 'Billing mismatch', customer: 'Globex', plan: 'standard', severity: 'P3', status: 'new', owner: null, loggedAt: at, updatedAt: at, closedAt: null };
    catalog.upsert(summary);
    catalog.upsert({ ...summary, title: 'Webhook retries' });
    expect(catalog.query(caseQuerySchema.parse({ text: 'billing' })).total).toBe(0);
    expect(catalog.query(caseQuerySchema.parse({ text: 'webhook' })).rows.map((row) => row.title)).toEqual(['Webhook retries']);
    expect(catalog.indexStats.entries).toBe(TextIndex.gramsOf('rd-7\nwebhook retries\nglobex\n').length);
  });
});
