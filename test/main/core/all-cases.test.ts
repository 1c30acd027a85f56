import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { caseQuerySchema, type CaseQueryInput, type CaseSortColumn } from '../../../src-shared/contract';
import { CASE_STATUSES, SEVERITIES, summaryOf, type CaseEvent, type CaseRecord, type CaseSummary } from '../../../src-shared/domain';
import { AllCases } from '../../../src-main/core/cases/all-cases';
import { dispatch } from '../../../src-main/core/dispatch';
import { EventBus } from '../../../src-main/core/event-bus';
import { createFileCaseStore, writeDataset, type FileCaseStore } from '../../../src-main/core/storage';
import { acknowledge, boot } from '../runtime/boot';

const HOUR = 3_600_000;
const BASE = Date.UTC(2024, 0, 1, 9);
const CUSTOMERS = ['Northwind Logistics', 'Acme', 'Globex', 'Initech', 'Umbrella Health', 'Acme Corp'];
const OWNERS = ['Dana Reyes', 'Kim Park', ''];
const TITLES = ['Checkout API returns 502', 'Slow search after upgrade', 'Login loop on SSO', 'Export stuck at 99%'];

function ev(id: string, seq: number, at: number, body: Pick<CaseEvent, 'type' | 'data'>): CaseEvent {
  const iso = new Date(at).toISOString();
  return { id: `${id}#${seq}`, seq, at: iso, recordedAt: iso, actor: 'Dana Reyes', ...body } as CaseEvent;
}

/** Case `i`: logged i hours after BASE; closed ones resolve and close two hours later. */
function varied(i: number, closed: boolean): CaseRecord {
  const id = `RD-${1001 + i}`;
  const at = BASE + i * HOUR;
  const events: CaseEvent[] = [
    ev(id, 1, at, {
      type: 'logged',
      data: {
        title: `${TITLES[i % TITLES.length]} (#${i})`,
        customer: CUSTOMERS[i % CUSTOMERS.length]!,
        plan: i % 3 === 0 ? 'premium' : 'standard',
        severity: SEVERITIES[(i * 7) % 4]!,
        severityDefaulted: false,
        description: '',
        reportedBy: '',
        owner: OWNERS[i % OWNERS.length]!,
      },
    }),
    ev(id, 2, at + (i % 5) * 60_000, { type: 'acknowledged', data: { checklist: acknowledge.checklist, response: 'On it.' } }),
  ];
  if (closed) {
    events.push(ev(id, 3, at + HOUR, { type: 'resolved', data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed.' } }));
    events.push(ev(id, 4, at + 2 * HOUR, { type: 'closed', data: { customerConfirmation: 'Confirmed.' } }));
  }
  return { id, events };
}

const CLOSED = 2_400;
const OPEN = 60;
const records = [...Array.from({ length: CLOSED }, (_, i) => varied(i, true)), ...Array.from({ length: OPEN }, (_, i) => varied(CLOSED + i, false))];
const summaries = records.map(summaryOf);

/** The rule the catalog must follow, written plainly: filter, sort with the id breaking ties, slice. */
function expected(input: CaseQueryInput, limit?: number): { total: number; ids: string[] } {
  const q = { ...caseQuerySchema.parse(input), ...(limit ? { limit } : {}) };
  const words = q.text.toLowerCase().split(/\s+/).filter(Boolean);
  const f = q.filters;
  const matches = summaries.filter(
    (s) =>
      (f.status.length === 0 || f.status.includes(s.status)) &&
      (f.severity.length === 0 || f.severity.includes(s.severity)) &&
      (!f.plan || s.plan === f.plan) &&
      (!f.customer || s.customer.toLowerCase() === f.customer.toLowerCase()) &&
      (!f.owner || (s.owner ?? '').toLowerCase() === f.owner.toLowerCase()) &&
      (!f.loggedFrom || Date.parse(s.loggedAt) >= Date.parse(f.loggedFrom)) &&
      (!f.loggedBefore || Date.parse(s.loggedAt) < Date.parse(f.loggedBefore)) &&
      words.every((w) => `${s.id} ${s.title} ${s.customer}`.toLowerCase().includes(w)),
  );
  const num = (s: CaseSummary) => Number(s.id.slice(3));
  const key: Record<CaseSortColumn, (s: CaseSummary) => string | number> = {
    id: num,
    title: (s) => s.title.toLowerCase(),
    customer: (s) => s.customer.toLowerCase(),
    severity: (s) => s.severity,
    status: (s) => CASE_STATUSES.indexOf(s.status),
    owner: (s) => (s.owner ?? '').toLowerCase(),
    loggedAt: (s) => Date.parse(s.loggedAt),
    updatedAt: (s) => Date.parse(s.updatedAt),
  };
  const k = key[q.sort.by];
  matches.sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : num(a) - num(b)));
  if (q.sort.direction === 'desc') matches.reverse();
  return { total: matches.length, ids: matches.slice(q.offset, q.offset + q.limit).map((s) => s.id) };
}

let dir: string;
let store: FileCaseStore;
let bus: EventBus;
let all: AllCases;

async function openStore(): Promise<void> {
  store = createFileCaseStore({ dir, partitionSize: 100 });
  await store.open();
  bus = new EventBus();
  all = new AllCases({ store, bus });
}

async function run(input: CaseQueryInput) {
  const result = await all.query(caseQuerySchema.parse(input));
  return { total: result.total, ids: result.rows.map((row) => row.id) };
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'desk-all-cases-'));
  await writeDataset(dir, { prefix: 'RD', nextNumber: 1001 + CLOSED + OPEN, cases: records }, 100);
  await openStore();
});

afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('All cases: one query over open and closed cases', () => {
  it('counts every case, open and closed, and returns one page, most recently updated first', async () => {
    const result = await all.query(caseQuerySchema.parse({}));
    expect(result.total).toBe(CLOSED + OPEN);
    expect(result.rows).toHaveLength(50);
    expect(result.rows.map((row) => row.id)).toEqual(expected({}).ids);
    expect(result.rows[0]).toEqual(summaries.at(-1));
    expect(new Set(result.rows.map((row) => row.status))).toEqual(new Set(['investigating']));
  });

  it('filters by status, severity, plan, customer, owner and logged range, each alone and together', async () => {
    const cases: CaseQueryInput[] = [
      { filters: { status: ['closed'] } },
      { filters: { status: ['investigating', 'resolved'] } },
      { filters: { severity: ['P1'] } },
      { filters: { plan: 'premium' } },
      { filters: { customer: 'acme' } },
      { filters: { owner: 'KIM PARK' } },
      { filters: { loggedFrom: new Date(BASE + 100 * HOUR).toISOString(), loggedBefore: new Date(BASE + 160 * HOUR).toISOString() } },
      { filters: { status: ['closed'], severity: ['P2', 'P3'], plan: 'standard', customer: 'Acme', owner: 'Kim Park' }, limit: 200 },
    ];
    for (const input of cases) {
      const got = await run({ ...input, sort: { by: 'id', direction: 'asc' } });
      const want = expected({ ...input, sort: { by: 'id', direction: 'asc' } });
      expect(got, JSON.stringify(input)).toEqual(want);
      expect(got.total, JSON.stringify(input)).toBeGreaterThan(0);
    }
    // A whole customer name: "Acme" is not "Acme Corp".
    expect((await run({ filters: { customer: 'Acme' }, limit: 200 })).ids.every((id) => summaries.find((s) => s.id === id)?.customer === 'Acme')).toBe(true);
  });

  it('searches id, title and customer; every word must match', async () => {
    for (const text of ['checkout', 'northwind 502', 'RD-1207', 'umbrella login', 'no such thing']) {
      expect(await run({ text, limit: 200 }), text).toEqual(expected({ text, limit: 200 }));
    }
    expect((await run({ text: 'RD-1207' })).ids[0]).toBe('RD-1207');
    expect((await run({ text: 'no such thing' })).total).toBe(0);
  });

  it('sorts by every column both ways, the id breaking ties', async () => {
    for (const by of ['id', 'title', 'customer', 'severity', 'status', 'owner', 'loggedAt', 'updatedAt'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const input = { sort: { by, direction }, offset: 1_150, limit: 120 };
        expect(await run(input), `${by} ${direction}`).toEqual(expected(input));
      }
    }
  });

  it('pages through a search without gaps or repeats', async () => {
    const input = { text: 'acme', sort: { by: 'customer', direction: 'desc' } } as const;
    const seen: string[] = [];
    let total = -1;
    for (let offset = 0; total < 0 || offset < total; offset += 200) {
      const page = await run({ ...input, offset, limit: 200 });
      total = page.total;
      seen.push(...page.ids);
    }
    expect(seen).toEqual(expected(input, 10_000).ids);
    expect(new Set(seen).size).toBe(total);
  });

  it('follows a change: a case closed or reopened moves between open and closed without a rebuild', async () => {
    await all.query(caseQuerySchema.parse({}));
    const open = records.at(-1)!;
    const lastSeq = open.events.length;
    const at = Date.parse(open.events.at(-1)!.at) + HOUR;
    const closed = await store.append(open.id, [
      ev(open.id, lastSeq + 1, at, { type: 'resolved', data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed.' } }),
      ev(open.id, lastSeq + 2, at, { type: 'closed', data: { customerConfirmation: 'Yes.' } }),
    ]);
    bus.emit('cases.changed', { record: closed });
    expect((await run({ text: open.id, filters: { status: ['closed'] } })).ids).toEqual([open.id]);
    expect((await run({ filters: { status: ['closed'] } })).total).toBe(CLOSED + 1);
    const reopened = await store.append(open.id, [ev(open.id, lastSeq + 3, at + HOUR, { type: 'reopened', data: { reason: 'Back again.' } })]);
    bus.emit('cases.changed', { record: reopened });
    expect((await run({ text: open.id })).ids).toEqual([open.id]);
    expect((await all.query(caseQuerySchema.parse({ text: open.id }))).rows[0]?.status).toBe('investigating');
    expect((await run({ filters: { status: ['closed'] } })).total).toBe(CLOSED);
  });

  it('keeps a change that lands while the catalog is being built', async () => {
    const building = all.catalog();
    const changed = { ...records[5]!, events: [...records[5]!.events, ev(records[5]!.id, 5, BASE + 9_000 * HOUR, { type: 'feedbackReceived', data: { rating: 5, comment: 'Great.' } })] };
    bus.emit('cases.changed', { record: changed });
    await building;
    expect((await all.query(caseQuerySchema.parse({ limit: 1 }))).rows[0]).toMatchObject({ id: records[5]!.id, updatedAt: new Date(BASE + 9_000 * HOUR).toISOString() });
  });

  it('answers a list without search words while the catalog is built, from the cases as read and changed, exactly as the catalog answers once built; a search waits for it', async () => {
    const queries = [
      {},
      { sort: { by: 'title', direction: 'asc' }, offset: 100, limit: 50 },
      { filters: { status: ['closed'], customer: 'acme' }, sort: { by: 'loggedAt', direction: 'desc' } },
      { text: '  ', filters: { severity: ['P1', 'P4'] }, sort: { by: 'id', direction: 'asc' }, offset: 7 },
    ].map((input) => caseQuerySchema.parse(input));
    let built = false;
    const building = all.catalog().then((catalog) => {
      built = true;
      return catalog;
    });
    const changed = { ...records[5]!, events: [...records[5]!.events, ev(records[5]!.id, 5, BASE + 9_000 * HOUR, { type: 'feedbackReceived', data: { rating: 5, comment: 'Great.' } })] };
    bus.emit('cases.changed', { record: changed });
    const early = await Promise.all(queries.map((query) => all.query(query)));
    expect(built).toBe(false);
    expect(early[0]!.total).toBe(CLOSED + OPEN);
    expect(early[0]!.rows[0]).toMatchObject({ id: records[5]!.id, updatedAt: new Date(BASE + 9_000 * HOUR).toISOString() });
    // A change after the cases were read, still during the build.
    const later = { ...records[7]!, events: [...records[7]!.events, ev(records[7]!.id, 5, BASE + 9_001 * HOUR, { type: 'feedbackReceived', data: { rating: 4, comment: 'Fine.' } })] };
    bus.emit('cases.changed', { record: later });
    const second = await all.query(queries[0]!);
    expect(built).toBe(false);
    expect(second.rows.slice(0, 2).map((row) => row.id)).toEqual([records[7]!.id, records[5]!.id]);
    let searched = false;
    const search = all.query(caseQuerySchema.parse({ text: 'northwind 502' })).then((answer) => {
      searched = true;
      return answer;
    });
    await all.query(queries[0]!);
    expect(searched).toBe(false);
    const catalog = await building;
    expect(await search).toEqual(catalog.query(caseQuerySchema.parse({ text: 'northwind 502' })));
    queries.forEach((query, i) => expect(early[i], JSON.stringify(query)).toEqual(i === 0 ? { ...catalog.query(query), rows: expect.any(Array) } : catalog.query(query)));
    expect(second).toEqual(catalog.query(queries[0]!));
    expect(early.slice(1).every((answer) => answer.total > 0)).toBe(true);
  });

  it('reads a version 1 history index: its summaries come from the partitions, and the shards are written back as version 2', async () => {
    await store.close();
    const indexDir = path.join(dir, 'history', 'index');
    const shards = (await readdir(indexDir)).filter((name) => name.endsWith('.json'));
    for (const name of shards) {
      const doc = JSON.parse(await readFile(path.join(indexDir, name), 'utf8')) as { entries: Record<string, { partition: string; closedAt: string }> };
      const entries = Object.fromEntries(Object.entries(doc.entries).map(([id, e]) => [id, { partition: e.partition, closedAt: e.closedAt }]));
      await writeFile(path.join(indexDir, name), JSON.stringify({ schemaVersion: 1, entries }));
    }
    await openStore();
    expect((await store.verify()).problems).toEqual([]);
    expect(await run({ filters: { customer: 'Initech' }, sort: { by: 'title', direction: 'asc' }, limit: 200 })).toEqual(
      expected({ filters: { customer: 'Initech' }, sort: { by: 'title', direction: 'asc' }, limit: 200 }),
    );
    expect(store.report().migrated).toEqual(expect.arrayContaining(shards.map((name) => `${name}: 1 -> 2`)));
    const rewritten = JSON.parse(await readFile(path.join(indexDir, shards[0]!), 'utf8')) as { schemaVersion: number; entries: Record<string, { summary?: unknown }> };
    expect(rewritten.schemaVersion).toBe(2);
    expect(Object.values(rewritten.entries).every((entry) => entry.summary !== undefined)).toBe(true);
    expect((await store.verify()).problems).toEqual([]);
  });
});

describe('cases.query through the core', () => {
  const silent = { warn: () => undefined, error: () => undefined };

  it('finds a case the engineer closed, and sees it open again after Reopen', async () => {
    const { core, logCase } = await boot();
    const id = await logCase('standard', 'P3', 'Invoices export times out');
    await logCase('standard', 'P2', 'Something else');
    await core.handlers['cases.act']({ id, command: acknowledge });
    await core.handlers['cases.act']({ id, command: { type: 'resolve', criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed.' } });
    await core.handlers['cases.act']({ id, command: { type: 'close', customerConfirmation: 'Confirmed.' } });
    expect((await core.handlers['cases.list']({})).map((r) => r.id)).not.toContain(id);
    const found = await dispatch(core.handlers, 'cases.query', { text: 'invoices export' }, silent);
    expect(found).toMatchObject({ ok: true, value: { total: 1, rows: [{ id, status: 'closed', title: 'Invoices export times out', customer: 'Acme', owner: 'Ana' }] } });
    await core.handlers['cases.act']({ id, command: { type: 'reopen', reason: 'It came back.' } });
    expect(await dispatch(core.handlers, 'cases.query', { text: 'invoices', filters: { status: ['closed'] } }, silent)).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await dispatch(core.handlers, 'cases.query', { text: 'invoices' }, silent)).toMatchObject({ ok: true, value: { rows: [{ id, status: 'investigating' }] } });
    await core.close();
  });

  it('refuses a page larger than 200 rows, an unknown column and a range that ends before it starts, naming the field', async () => {
    const { core } = await boot();
    expect(await dispatch(core.handlers, 'cases.query', { limit: 5_000 }, silent)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'limit', message: expect.stringContaining('200') }] } });
    expect(await dispatch(core.handlers, 'cases.query', { sort: { by: 'priority', direction: 'asc' } }, silent)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'sort.by' }] } });
    expect(
      await dispatch(core.handlers, 'cases.query', { filters: { loggedFrom: '2026-11-02T00:00:00.000Z', loggedBefore: '2026-11-01T00:00:00.000Z' } }, silent),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'filters.loggedBefore', message: 'the logged range ends before it starts' }] } });
    await core.close();
  });
});
