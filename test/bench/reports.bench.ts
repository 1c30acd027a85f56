/**
 * Reports benchmark: `npx tsx test/bench/reports.bench.ts [--quick]`.
 *
 * A real on-disk store of 50,000 closed and 10,000 open cases (2,000 and 1,000 with --quick),
 * driven through the domain's own rules (plans, severities, acknowledgements, updates, waits on
 * the customer, severity changes, escalations, resolutions, reopenings, feedback) with reviews
 * carrying root-cause categories, tags and action items. Measures:
 * - `startup_to_report_ms`: from the core's start over the store to a 90-day report asked for as
 *   soon as it is up (a person opening Reports at once), with `startup_request_max_ms` and
 *   `startup_request_p95_ms`, how long other requests (`system.info`, sent 20 ms after the last
 *   answer, from a timer) waited beyond that meanwhile: the projection is built in the
 *   background from start-up, a slice at a time;
 * - `rebuild_ms`: the reports projection built from scratch over the store (the first report);
 * - `query_p95_ms`: a 90-day report grouped by severity, request to data (the contract's handler);
 * - `sqlite_query_p95_ms`: the same aggregates as GROUP BY queries in better-sqlite3 (a
 *   devDependency) over the same cases' facts, in the same run, interleaved with the above;
 * - `heap_mb`: the heap the projection holds once built (the review store's cache dropped first;
 *   the case store's few cached history pages are counted).
 * Datasets are generated once into .bench/reports-data/ and reused.
 * The last line is `BENCH_SECTION {...}` for the project's bench runner.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCore } from '../../src-main/core/core';
import { dispatch } from '../../src-main/core/dispatch';
import { createFileReviewStore } from '../../src-main/core/reviews';
import { createFileCaseStore, REVIEWS_DIR, writeDataset } from '../../src-main/core/storage';
import { createManualClock } from '../../src-main/core/testing/manual-clock';
import { createMemoryDocument } from '../../src-main/core/testing/memory-store';
import { applyEvent, canApply, decide, decideLog, foldCase, type CaseCommand, type CaseEvent, type CaseRecord, type CaseState, type Severity } from '../../src-shared/domain';
import { reviewFactsOf, unpackClocks, type CaseFacts, type Report, type ReportQuery, type ReviewFacts } from '../../src-shared/reports';
import { caseTimeZone, saveReview, startReview, type Review, type ReviewChange } from '../../src-shared/review';
import { DEFAULT_SETTINGS } from '../../src-shared/settings';
import { autoEscalationOf } from '../../src-shared/sla';
import { percentile, seededRandom } from './stats';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BENCH_DIR = path.join(ROOT, '.bench');
const THIS_FILE = fileURLToPath(import.meta.url);
const QUICK = process.argv.includes('--quick');
const CLOSED = QUICK ? 2_000 : 50_000;
const OPEN = QUICK ? 1_000 : 10_000;
const RUNS = QUICK ? { rebuild: 1, query: 40 } : { rebuild: 3, query: 100 };
const WARMUP = 10;
/** The bench's now: the store's cases all happened before it. */
const NOW = Date.parse('2026-11-30T12:00:00.000Z');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Closed cases were logged over the two years before now. */
const HISTORY_FROM = NOW - 730 * DAY;
const CATEGORIES = DEFAULT_SETTINGS.rootCauseCategories;
const TAGS = ['dns', 'tls', 'kafka', 'rollout', 'quota', 'gc-pause', 'cache', 'auth'];
const CUSTOMERS = ['Acme Bank', 'Globex', 'Initech', 'Umbrella Health', 'Northwind Logistics', 'Hooli', 'Stark Retail', 'Wayne Freight'];
const OWNERS = ['Ana Silva', 'Bo Lindqvist', 'Chen Wei', 'Dana Reyes', 'Emeka Obi', ''];

/* ---------- data ---------- */

const policy = DEFAULT_SETTINGS.policy;
const autoEscalation = autoEscalationOf(policy);
const rng = seededRandom(13);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (p: number) => rng() < p;
/** Minutes drawn around a typical value (log-normal-ish), at least 1. */
const around = (typical: number) => Math.max(1, Math.round(typical * Math.exp((rng() - 0.5) * 2.2)));
const SEVERITY_MIX: Array<[Severity, number]> = [['P1', 0.05], ['P2', 0.2], ['P3', 0.45], ['P4', 0.3]];
function severity(): Severity {
  let r = rng();
  for (const [value, share] of SEVERITY_MIX) if ((r -= share) < 0) return value;
  return 'P4';
}
const ACK = { type: 'acknowledge', checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'Investigating.', nextSteps: 'Collecting the gateway logs.' } as const;
const RESOLVE = { type: 'resolve', criterion: 'serviceRestored', method: 'configurationChange', summary: 'Pool size raised and keep-alive reverted.' } as const;

/** One case's timeline: a closed one logged at `loggedAt` and run to its closing; an open one logged recently and worked on up to now. */
function generateCase(id: string, loggedAt: number, closed: boolean): { record: CaseRecord; closedAt: number | null } {
  let at = loggedAt;
  const events: CaseEvent[] = [];
  let state: CaseState | undefined;
  const context = () => ({ now: new Date(at).toISOString(), actor: pick(OWNERS) || 'Dana Reyes', autoEscalation });
  const apply = (command: CaseCommand) => {
    const decision = decide(state!, command, context());
    if (!decision.ok) throw new Error(`${id}: ${command.type}: ${decision.reason}`);
    events.push(...decision.events);
    for (const event of decision.events) state = applyEvent(state!, event);
  };
  const wait = (minutes: number) => (at += minutes * MIN);
  const sev = severity();
  const scale = { P1: 1, P2: 3, P3: 10, P4: 30 }[sev];
  // open cases: some still unacknowledged, the rest somewhere in their course, logged as long ago as their severity's pace makes likely
  const stage = closed ? 1 : rng();
  if (!closed) at = loggedAt = NOW - (stage < 0.1 ? around(15 * scale) : around(180 * scale)) * MIN;
  const logged = decideLog(id, { title: `Checkout API returns 502 (${id})`, customer: pick(CUSTOMERS), plan: chance(0.4) ? 'premium' : 'standard', severity: sev, description: '', reportedBy: '', owner: pick(OWNERS) }, context());
  if (!logged.ok) throw new Error(logged.reason);
  events.push(...logged.events);
  state = foldCase(events);
  if (stage < 0.1) return { record: { id, events }, closedAt: null };
  // an open case is worked on up to now: updates keep coming until the bench's now
  const keepUpdating = () => {
    for (let next = at + around(40 * scale) * MIN; next < NOW; next += around(40 * scale) * MIN) {
      at = next;
      if (state!.status === 'waitingOnCustomer') apply({ type: 'customerReplied', text: 'Here.' });
      apply({ type: 'postUpdate', channel: 'portal', text: 'Still on it: draining the two failing nodes.' });
    }
  };
  wait(around(20 * scale));
  apply(ACK);
  const updates = Math.floor(rng() * 4);
  for (let i = 0; i < updates; i++) {
    wait(around(40 * scale));
    apply({ type: 'postUpdate', channel: 'portal', text: 'Still on it: draining the two failing nodes.' });
    if (chance(0.2)) {
      apply({ type: 'requestInformation', text: 'Please send three request ids.' });
      wait(around(90 * scale));
      apply({ type: 'customerReplied', text: 'Attached.' });
    }
  }
  if (chance(0.1)) apply({ type: 'adjustSeverity', to: sev === 'P1' ? 'P2' : sev === 'P4' ? 'P3' : chance(0.5) ? 'P1' : 'P4', reason: 'Impact re-assessed with the customer.', businessImpact: 'Checkout unavailable for a third of EU tenants.' });
  if (chance(0.08)) {
    const escalation: CaseCommand = { type: 'escalate', trigger: pick(['businessImpact', 'lackOfProgress', 'customerRequest'] as const), level: chance(0.7) ? 'seniorEngineering' : 'management', justification: 'Needs the platform team.' };
    // a case escalated already (a Premium P1 is, by itself) goes to management or stays
    if (canApply(state!, escalation).ok) apply(escalation);
  }
  if (!closed && stage < 0.7) {
    keepUpdating();
    return { record: { id, events }, closedAt: null };
  }
  wait(around(120 * scale));
  if (state!.status === 'waitingOnCustomer') apply({ type: 'customerReplied', text: 'Here.' });
  apply(RESOLVE);
  if (chance(0.15)) {
    wait(around(60));
    apply({ type: 'recordFeedback', rating: 1 + Math.floor(rng() * 5), comment: chance(0.3) ? 'Quick and clear, thanks.' : '' });
  }
  if (chance(0.06)) {
    wait(around(600));
    apply({ type: 'reopen', reason: 'The 502s came back.' });
    wait(around(120 * scale));
    apply(RESOLVE);
  }
  if (!closed) return { record: { id, events }, closedAt: null };
  wait(around(24 * 60));
  apply({ type: 'close', customerConfirmation: 'Confirmed.' });
  return { record: { id, events }, closedAt: at };
}

/** A review with root-cause categories and tags and two action items (one done), saved through the review's own rules. */
function generateReview(record: CaseRecord): Review {
  const last = Date.parse(record.events.at(-1)!.at);
  const context = { nowIso: new Date(last).toISOString(), actor: 'Ana Silva' };
  const review = startReview(record, context);
  const categories = [...new Set([pick(CATEGORIES), ...(chance(0.3) ? [pick(CATEGORIES)] : [])])];
  const tags = chance(0.6) ? [pick(TAGS)] : [];
  const due = (days: number) => new Date(last + days * DAY).toISOString().slice(0, 10);
  const changes: ReviewChange[] = [
    { op: 'setRootCauseLabels', categories, tags },
    { op: 'addActionItem', item: { id: 'item-1', title: 'Alert on pool exhaustion', owner: 'Ana Silva', due: due(7), link: '' } },
    { op: 'addActionItem', item: { id: 'item-2', title: 'Document the rollback', owner: 'Bo Lindqvist', due: due(21), link: '' } },
  ];
  if (chance(0.7)) changes.push({ op: 'setActionItem', id: 'item-1', status: 'done' });
  const saved = saveReview(review, review.version, changes, context);
  if (!saved.ok) throw new Error(`${record.id}: ${saved.reason}`);
  return saved.review;
}

async function dataset(): Promise<string> {
  const dir = path.join(BENCH_DIR, 'reports-data', `closed-${CLOSED}-open-${OPEN}-v2`);
  if (existsSync(path.join(dir, 'COMPLETE'))) return dir;
  process.stderr.write(`generating ${CLOSED} closed + ${OPEN} open cases into ${path.relative(ROOT, dir)} (once)...\n`);
  rmSync(dir, { recursive: true, force: true });
  const reviews: Review[] = [];
  function* cases(): Generator<CaseRecord> {
    let lastClosing = 0;
    for (let i = 0; i < CLOSED; i++) {
      const id = `RD-${1001 + i}`;
      let { record, closedAt } = generateCase(id, HISTORY_FROM + Math.floor(((NOW - 20 * DAY - HISTORY_FROM) * i) / CLOSED), true);
      // the store keeps closed cases in closing order: a case that closed out of turn is closed a little later
      if (closedAt! <= lastClosing) {
        const last = record.events.at(-1)!;
        const moved = new Date(lastClosing + MIN).toISOString();
        record = { id, events: [...record.events.slice(0, -1), { ...last, at: moved, recordedAt: moved }] };
        closedAt = lastClosing + MIN;
      }
      lastClosing = closedAt!;
      if (chance(0.1)) reviews.push(generateReview(record));
      yield record;
    }
    for (let i = 0; i < OPEN; i++) {
      const { record } = generateCase(`RD-${1001 + CLOSED + i}`, NOW, false);
      if (record.events.some((event) => event.type === 'resolved') && chance(0.3)) reviews.push(generateReview(record));
      yield record;
    }
  }
  await writeDataset(dir, { prefix: 'RD', nextNumber: 1001 + CLOSED + OPEN, cases: cases() }, 100);
  // review files as the review store writes them (reviews/<caseId>.json)
  await mkdir(path.join(dir, REVIEWS_DIR), { recursive: true });
  for (const review of reviews) await writeFile(path.join(dir, REVIEWS_DIR, `${review.caseId}.json`), JSON.stringify({ schemaVersion: 1, review }));
  writeFileSync(path.join(dir, 'COMPLETE'), '');
  return dir;
}

/** A working copy made of hard links: the store replaces files by rename, so the cache stays intact. */
async function workingCopy(source: string): Promise<string> {
  const dir = await mkdtemp(path.join(BENCH_DIR, 'run-'));
  execFileSync('cp', ['-al', `${source}/.`, dir]);
  return dir;
}

/* ---------- better-sqlite3, bench only ---------- */

interface SqliteStatement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
interface SqliteDatabase {
  pragma(source: string): unknown;
  exec(source: string): void;
  prepare(source: string): SqliteStatement;
  transaction(run: () => void): () => void;
  close(): void;
}
type SqliteOpen = new (file: string) => SqliteDatabase;

function loadSqlite(): SqliteOpen | undefined {
  try {
    const open = createRequire(THIS_FILE)('better-sqlite3') as SqliteOpen;
    new open(':memory:').close();
    return open;
  } catch (error) {
    process.stderr.write(`better-sqlite3 could not be loaded (${(error as Error).message.split('\n')[0]}); the SQLite figures are left empty. Run npm ci (it builds the native module).\n`);
    return undefined;
  }
}

const SCHEMA = `
CREATE TABLE cases (id TEXT PRIMARY KEY, grp TEXT, plan TEXT, logged_at INTEGER, logged_severity TEXT, ack_at INTEGER, tta_wall REAL, tta_business REAL, resolved_at INTEGER, ttr_wall REAL, ttr_business REAL);
CREATE TABLE resolutions (case_id TEXT, grp TEXT, at INTEGER, severity TEXT, reopened INTEGER);
CREATE TABLE clocks (case_id TEXT, title TEXT, grp TEXT, plan TEXT, kind TEXT, severity TEXT, ended_at INTEGER, due_at INTEGER, breached_at INTEGER, met INTEGER);
CREATE TABLE escalations (case_id TEXT, grp TEXT, at INTEGER, trigger TEXT, level TEXT);
CREATE TABLE feedback (case_id TEXT, at INTEGER, rating INTEGER, comment TEXT, after_resolution INTEGER);
CREATE TABLE labels (case_id TEXT, kind TEXT, label TEXT);
CREATE TABLE action_items (case_id TEXT, item_id TEXT, title TEXT, owner TEXT, due TEXT, due_at INTEGER, done INTEGER, closed_at INTEGER);
CREATE INDEX cases_logged ON cases (logged_at);
CREATE INDEX cases_ack ON cases (ack_at);
CREATE INDEX cases_resolved ON cases (resolved_at);
CREATE INDEX resolutions_at ON resolutions (at);
CREATE INDEX clocks_ended ON clocks (ended_at);
CREATE INDEX clocks_breached ON clocks (breached_at);
CREATE INDEX clocks_open ON clocks (due_at) WHERE ended_at IS NULL;
CREATE INDEX escalations_at ON escalations (at);
CREATE INDEX feedback_at ON feedback (at);
CREATE INDEX labels_case ON labels (case_id);
CREATE INDEX action_items_due ON action_items (due_at);
`;

/** The same facts the projection holds, as rows. */
function loadSqliteFacts(db: SqliteDatabase, facts: Iterable<CaseFacts>, reviews: Iterable<ReviewFacts>): void {
  db.exec(SCHEMA);
  const insert = {
    case: db.prepare('INSERT INTO cases VALUES (?,?,?,?,?,?,?,?,?,?,?)'),
    resolution: db.prepare('INSERT INTO resolutions VALUES (?,?,?,?,?)'),
    clock: db.prepare('INSERT INTO clocks VALUES (?,?,?,?,?,?,?,?,?,?)'),
    escalation: db.prepare('INSERT INTO escalations VALUES (?,?,?,?,?)'),
    feedback: db.prepare('INSERT INTO feedback VALUES (?,?,?,?,?)'),
    label: db.prepare('INSERT INTO labels VALUES (?,?,?)'),
    item: db.prepare('INSERT INTO action_items VALUES (?,?,?,?,?,?,?,?)'),
  };
  db.transaction(() => {
    for (const f of facts) {
      const grp = f.worstSeverity;
      insert.case.run(f.id, grp, f.plan, f.loggedAt, f.loggedSeverity, f.acknowledgedAt, f.timeToAcknowledge?.wall ?? null, f.timeToAcknowledge?.business ?? null, f.firstResolvedAt, f.timeToResolve?.wall ?? null, f.timeToResolve?.business ?? null);
      for (const r of f.resolutions) insert.resolution.run(f.id, grp, r.at, r.severity, f.reopenedAt.some((at) => at >= r.at) ? 1 : 0);
      for (const c of unpackClocks(f.clocks)) insert.clock.run(f.id, f.title, grp, f.plan, c.kind, c.severity, c.endedAt, c.dueAt, c.breachedAt, c.met ? 1 : 0);
      for (const e of f.escalations) insert.escalation.run(f.id, grp, e.at, e.trigger, e.level);
      for (const b of f.feedback) insert.feedback.run(f.id, b.at, b.rating, b.comment, b.afterResolution ? 1 : 0);
    }
    for (const r of reviews) {
      for (const label of r.categories) insert.label.run(r.caseId, 'category', label);
      for (const label of r.tags) insert.label.run(r.caseId, 'tag', label);
      for (const i of r.actionItems) insert.item.run(r.caseId, i.id, i.title, i.owner, i.due, i.dueAt, i.done ? 1 : 0, i.closedAt);
    }
  })();
  db.exec('ANALYZE');
}

/** Mean, median (mean of the middle two for an even count) and nearest-rank p90 of a column, per group and overall, by window functions. */
function statsSql(column: string, at: string): string {
  const ranked = (partition: string) =>
    `SELECT ${partition} AS grp, ${column} AS v, ROW_NUMBER() OVER (PARTITION BY ${partition} ORDER BY ${column}) AS rn, COUNT(*) OVER (PARTITION BY ${partition}) AS n FROM cases WHERE ${at} >= @from AND ${at} < @to AND ${column} IS NOT NULL`;
  return `SELECT grp, COUNT(*) AS count, AVG(v) AS mean, AVG(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN v END) AS median, MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN v END) AS p90
    FROM (${ranked('grp')} UNION ALL ${ranked("'All'")}) GROUP BY grp`;
}

/** An open clock is judged once its due time has passed; an ended one when it ended, unless stopped in time. */
const JUDGED = `CASE WHEN ended_at IS NOT NULL THEN (CASE WHEN met = 1 OR breached_at IS NOT NULL THEN ended_at END) ELSE COALESCE(breached_at, CASE WHEN due_at < @now THEN due_at END) END`;
const BREACHED = `COALESCE(breached_at, CASE WHEN ended_at IS NULL AND due_at < @now THEN due_at END)`;

/** The report's aggregates as SQL, one statement per figure (docs/reports.md). */
function sqliteReport(db: SqliteDatabase) {
  const statements = {
    created: db.prepare(`SELECT grp, COUNT(*) AS n FROM cases WHERE logged_at >= @from AND logged_at < @to GROUP BY grp`),
    tta_wall: db.prepare(statsSql('tta_wall', 'ack_at')),
    tta_business: db.prepare(statsSql('tta_business', 'ack_at')),
    ttr_wall: db.prepare(statsSql('ttr_wall', 'resolved_at')),
    ttr_business: db.prepare(statsSql('ttr_business', 'resolved_at')),
    resolved: db.prepare(`SELECT grp, COUNT(*) AS resolved, SUM(reopened) AS reopened FROM resolutions WHERE at >= @from AND at < @to GROUP BY grp`),
    attainment: db.prepare(
      `SELECT grp, kind, severity, plan, COUNT(*) AS judged, SUM(CASE WHEN met = 1 AND breached_at IS NULL THEN 1 ELSE 0 END) AS met FROM (
         SELECT *, ${JUDGED} AS judged_at FROM clocks WHERE (ended_at >= @from AND ended_at < @to) OR ended_at IS NULL
       ) WHERE judged_at >= @from AND judged_at < @to GROUP BY grp, kind, severity, plan`,
    ),
    breaches: db.prepare(
      `SELECT case_id, title, kind, severity, ${BREACHED} AS breached, CASE WHEN ended_at IS NULL THEN 'open' WHEN met = 1 THEN 'metLate' ELSE 'stopped' END AS outcome,
         MAX(0, COALESCE(ended_at, @now) - ${BREACHED}) / 60000.0 AS late
       FROM clocks WHERE (breached_at >= @from AND breached_at < @to) OR (ended_at IS NULL AND due_at >= @from AND due_at < @to AND due_at < @now)
       ORDER BY breached, case_id`,
    ),
    escalations: db.prepare(`SELECT grp, trigger, level, COUNT(*) AS n FROM escalations WHERE at >= @from AND at < @to GROUP BY grp, trigger, level`),
    weeklyCreated: db.prepare(`SELECT (logged_at - ((logged_at / 86400000 + 3) % 7) * 86400000) / 86400000 AS week, logged_severity, COUNT(*) AS n FROM cases WHERE logged_at >= @from AND logged_at < @to GROUP BY week, logged_severity`),
    weeklyResolved: db.prepare(`SELECT (at - ((at / 86400000 + 3) % 7) * 86400000) / 86400000 AS week, severity, COUNT(*) AS n FROM resolutions WHERE at >= @from AND at < @to GROUP BY week, severity`),
    feedback: db.prepare(`SELECT rating, COUNT(*) AS n, SUM(after_resolution) AS after FROM feedback WHERE at >= @from AND at < @to GROUP BY rating`),
    comments: db.prepare(`SELECT case_id, at, rating, comment, after_resolution FROM feedback WHERE at >= @from AND at < @to AND comment <> '' ORDER BY at`),
    rootCauses: db.prepare(
      `SELECT l.kind, l.label, COUNT(*) AS n, AVG(c.ttr_wall) AS wall, AVG(c.ttr_business) AS business, GROUP_CONCAT(c.id, ' ') AS cases
       FROM labels l JOIN cases c ON c.id = l.case_id WHERE c.id IN (SELECT case_id FROM resolutions WHERE at >= @from AND at < @to)
       GROUP BY l.kind, l.label ORDER BY n DESC, wall DESC, l.label`,
    ),
    itemsDue: db.prepare(`SELECT COUNT(*) AS due, SUM(CASE WHEN done = 1 AND closed_at <= due_at THEN 1 ELSE 0 END) AS done_by_due FROM action_items WHERE due_at >= @from AND due_at < @to`),
    itemsOpen: db.prepare(`SELECT SUM(CASE WHEN done = 0 THEN 1 ELSE 0 END) AS open FROM action_items`),
    itemsOverdue: db.prepare(`SELECT case_id, item_id, title, owner, due, due_at FROM action_items WHERE done = 0 AND due_at <= @now ORDER BY due_at`),
  };
  return (bounds: { from: number; to: number; now: number }) => {
    const out: Record<string, unknown[]> = {};
    for (const [name, statement] of Object.entries(statements)) out[name] = statement.all(bounds);
    return out;
  };
}

/* ---------- measurement ---------- */

const round = (n: number, digits = 3) => Number(n.toFixed(digits));

/** gc() from inside the process (the bench runner starts node without --expose-gc). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

async function main(): Promise<void> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const source = await dataset();
  const gc = collector();
  const dir = await workingCopy(source);
  const clock = createManualClock(new Date(NOW).toISOString());
  const log = { warn: () => undefined, error: (message: string, error: unknown) => process.stderr.write(`${message}: ${String(error)}\n`) };
  // the review store is the core's own kind; held here so its cache can be dropped before the projection's heap is read
  const reviewStore = createFileReviewStore({ dir: path.join(dir, REVIEWS_DIR), now: () => NOW });
  const quietLog = { warn: () => undefined, error: () => undefined };
  // start-up: the core made, then at once a report asked for, and another request every 20 ms until it is answered
  const started = performance.now();
  const core = await createCore({
    host: 'browser',
    version: 'bench',
    dataDir: dir,
    clock,
    store: createFileCaseStore({ dir, clock }),
    reviewStore,
    settingsFile: createMemoryDocument({ ...DEFAULT_SETTINGS, engineerName: 'Bench' }),
    log,
  });
  const up = performance.now();
  let firstReportMs = 0;
  const waits: number[] = [];
  await Promise.all([
    dispatch(core.handlers, 'reports.query', { period: { kind: 'last', days: 90 }, groupBy: 'severity' }, quietLog).then(() => (firstReportMs = performance.now() - started)),
    (async () => {
      // sent from a timer, as a request from a socket arrives: its wait is how late the timer
      // fired (the event loop was held) plus the answer
      while (firstReportMs === 0) {
        const t0 = performance.now();
        await sleep(20);
        await dispatch(core.handlers, 'system.info', {}, quietLog);
        waits.push(performance.now() - t0 - 20);
      }
    })(),
  ]);
  await core.runtime.idle();
  // the All cases catalog and the projection are built in the background after start-up: let them
  // finish, or their heap and CPU count as a rebuild's
  await core.allCases.settled();
  await core.reports.settled();

  // rebuild: the first report after start (or after an import) builds the projection from the store
  const rebuilds: number[] = [];
  let heapMb = 0;
  for (let run = 0; run < RUNS.rebuild; run++) {
    core.reports.replaced();
    gc();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    await core.reports.facts();
    rebuilds.push(performance.now() - t0);
    // what the store and the review store keep of the files they read is theirs, not the projection's
    reviewStore.forget();
    gc();
    heapMb = Math.max(heapMb, (process.memoryUsage().heapUsed - before) / 2 ** 20);
  }
  const facts = await core.reports.facts();
  // the reviews' facts as the projection holds them, for the SQLite tables
  const reviewFacts = new Map<string, ReviewFacts>();
  for (const caseId of await reviewStore.caseIds()) {
    const review = await reviewStore.load(caseId);
    const plan = facts.get(caseId)?.plan;
    if (review && plan) reviewFacts.set(caseId, reviewFactsOf(review, caseTimeZone(policy, plan)));
  }
  const counts = { cases: facts.size, open: [...facts.values()].filter((f) => f.open).length, reviews: reviewFacts.size };

  const query: ReportQuery = { period: { kind: 'last', days: 90 }, groupBy: 'severity' };
  const open = loadSqlite();
  let sqliteRun: (() => void) | undefined;
  let sqliteDb: SqliteDatabase | undefined;
  if (open) {
    sqliteDb = new open(path.join(dir, 'reports.sqlite'));
    sqliteDb.pragma('journal_mode = WAL');
    loadSqliteFacts(sqliteDb, facts.values(), reviewFacts.values());
    const run = sqliteReport(sqliteDb);
    const bounds = { from: NOW - 90 * DAY, to: NOW, now: NOW };
    sqliteRun = () => void run(bounds);
  }
  const quiet = { warn: () => undefined, error: () => undefined };
  const request = async () => {
    const result = await dispatch(core.handlers, 'reports.query', query, quiet);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as Report;
  };
  const sample = await request();
  // the two in turn, so a change of machine load falls on both alike
  for (let i = 0; i < WARMUP; i++) {
    await request();
    sqliteRun?.();
  }
  const ours: number[] = [];
  const oursCpu: number[] = [];
  const theirs: number[] = [];
  for (let run = 0; run < RUNS.query; run++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await request();
    ours.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    oursCpu.push((cpu.user + cpu.system) / 1000);
    if (sqliteRun) {
      const t1 = performance.now();
      sqliteRun();
      theirs.push(performance.now() - t1);
    }
  }
  sqliteDb?.close();
  await core.close();
  rmSync(dir, { recursive: true, force: true });

  const queryP95 = percentile(ours, 95);
  const sqliteP95 = theirs.length ? percentile(theirs, 95) : undefined;
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(44) : c.padStart(12))).join(' | ')} |`;
  console.log(`\nReports over ${counts.cases} cases (${counts.open} open), ${counts.reviews} reviews, on disk (${QUICK ? 'quick' : 'full'} run)`);
  console.log(`a 90-day report grouped by severity holds ${sample.overall.created} created, ${sample.overall.resolved} resolved, ${sample.overall.attainment.judged} judged clocks, ${sample.breaches.length} breaches\n`);
  console.log(line(['measure', 'runs', 'p50 ms', 'p95 ms']));
  console.log(line(['projection rebuilt from the store', String(rebuilds.length), percentile(rebuilds, 50).toFixed(1), percentile(rebuilds, 95).toFixed(1)]));
  console.log(line(['90-day report by severity, request to data', String(ours.length), percentile(ours, 50).toFixed(3), queryP95.toFixed(3)]));
  console.log(line(['the same aggregates in better-sqlite3', String(theirs.length), theirs.length ? percentile(theirs, 50).toFixed(3) : 'n/a', sqliteP95 === undefined ? 'n/a' : sqliteP95.toFixed(3)]));
  console.log(line(['the same, CPU time of this process', String(oursCpu.length), percentile(oursCpu, 50).toFixed(3), percentile(oursCpu, 95).toFixed(3)]));
  console.log(`\nstart-up to the first report: ${firstReportMs.toFixed(0)} ms (the core up after ${(up - started).toFixed(0)} ms); ${waits.length} other requests meanwhile waited p95 ${percentile(waits, 95).toFixed(1)} ms, at most ${Math.max(...waits).toFixed(1)} ms`);
  console.log(`\nheap held by the projection: ${heapMb.toFixed(1)} MB`);
  // the machine's load, which the wall times include (CPU time does not wait for a core)
  console.log(`load average (1, 5, 15 min): ${loadavg().map((n) => n.toFixed(2)).join(', ')} on ${availableParallelism()} cores`);

  const section = {
    reports: {
      startup_to_report_ms: round(firstReportMs, 1),
      startup_request_p95_ms: round(percentile(waits, 95), 1),
      startup_request_max_ms: round(Math.max(...waits), 1),
      rebuild_ms: round(percentile(rebuilds, 50), 1),
      query_p95_ms: round(queryP95),
      query_cpu_p95_ms: round(percentile(oursCpu, 95)),
      sqlite_query_p95_ms: sqliteP95 === undefined ? null : round(sqliteP95),
      ratio_vs_sqlite: sqliteP95 === undefined ? null : round(queryP95 / sqliteP95, 2),
      heap_mb: round(heapMb, 1),
    },
  };
  const r = section.reports;
  const targets: Array<[string, boolean | null]> = [
    ['90-day report p95 at most 50 ms', r.query_p95_ms <= 50],
    ['within 1.5x of SQLite GROUP BY p95', r.ratio_vs_sqlite === null ? null : r.ratio_vs_sqlite <= 1.5],
    ['projection heap at most 100 MB', r.heap_mb <= 100],
  ];
  console.log('\nTargets');
  for (const [name, met] of targets) console.log(`  ${met === null ? 'n/a ' : met ? 'met ' : 'MISS'}  ${name}`);
  console.log(`\nBENCH_SECTION ${JSON.stringify(section)}`);
}

await main();
