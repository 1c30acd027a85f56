/**
 * Console UI benchmark in Chromium against the browser host seeded with open cases:
 * `npx tsx test/bench/ui.bench.ts [--quick]`. The last line is the machine-readable BENCH_SECTION.
 *
 * Measured in the page: from the click on a queue tab (or a pushed 'cases.changed' handed to
 * the console's own WebSocket) until React has committed the new rows and the browser has
 * laid them out; and, for comparison, until the second animation frame after it.
 * All cases, over the same open cases plus a closed history (50,000; 10,000 with --quick): a
 * search pasted into its box, from the moment its request goes out (after the box's pause for
 * more typing, which is not counted) to the commit and layout of its first rows; and a scroll of
 * one screen, from the scroll event to the commit and layout of the rows in view, with their
 * data, and on to the rows the list then renders a screen ahead.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { writeDataset } from '../../src-main/core/storage';
import { SEVERITIES, type CaseEvent, type CaseRecord } from '../../src-shared/domain';
import { percentile, seededRandom } from './stats';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const quick = process.argv.includes('--quick');
const CASES = quick ? 2_000 : 10_000;
const CLOSED = quick ? 10_000 : 50_000;
const SEARCHES = quick ? 20 : 60;
const SCROLLS = quick ? 20 : 60;
const SWITCHES = quick ? 20 : 60;
const CHANGES = quick ? 20 : 60;
const HOUR = 3_600_000;



const CHECKLIST = { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true };

function event(id: string, seq: number, at: string, body: Pick<CaseEvent, 'type' | 'data'>): CaseEvent {
  return { id: `${id}#${seq}`, seq, at, recordedAt: at, actor: 'Engineer', ...body } as CaseEvent;
}

/** Open cases of every severity and both plans, logged over the last three days; some acknowledged, some updated. */
function openCases(count: number): CaseRecord[] {
  const next = seededRandom(42);
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const id = `RD-${1001 + CLOSED + i}`;
    const loggedAt = now - Math.floor(next() * 72 * HOUR);
    const events: CaseEvent[] = [
      event(id, 1, new Date(loggedAt).toISOString(), {
        type: 'logged',
        data: {
          title: `Seeded case ${i}: service degraded`,
          customer: `Customer ${i % 250}`,
          plan: next() < 0.5 ? 'standard' : 'premium',
          severity: SEVERITIES[Math.floor(next() * 4)]!,
          severityDefaulted: false,
          description: '',
          reportedBy: '',
          owner: next() < 0.5 ? 'Engineer' : 'Kim',
        },
      }),
    ];
    if (next() < 0.6) {
      const ackAt = loggedAt + Math.floor(next() * (now - loggedAt));
      events.push(event(id, 2, new Date(ackAt).toISOString(), { type: 'acknowledged', data: { checklist: CHECKLIST, response: 'Investigating' } }));
      if (next() < 0.5) events.push(event(id, 3, new Date(ackAt + Math.floor(next() * (now - ackAt))).toISOString(), { type: 'customerUpdatePosted', data: { channel: 'portal', text: 'Progress' } }));
    }
    return { id, events };
  });
}

/** Closed cases, ids before the open ones, closed in order over the two years before the open ones were logged. */
function* closedCases(count: number): Generator<CaseRecord> {
  const next = seededRandom(7);
  const to = Date.now() - 4 * 24 * HOUR;
  const from = to - 2 * 365 * 24 * HOUR;
  for (let i = 0; i < count; i++) {
    const id = `RD-${1001 + i}`;
    const closedAt = from + Math.floor(((to - from) * i) / count);
    const loggedAt = closedAt - Math.floor((1 + next() * 10) * 24 * HOUR);
    const iso = (ms: number) => new Date(ms).toISOString();
    yield {
      id,
      events: [
        event(id, 1, iso(loggedAt), {
          type: 'logged',
          data: {
            title: `Closed case ${i}: ${TOPICS[i % TOPICS.length]}`,
            customer: `Customer ${i % 250}`,
            plan: next() < 0.5 ? 'standard' : 'premium',
            severity: SEVERITIES[Math.floor(next() * 4)]!,
            severityDefaulted: false,
            description: '',
            reportedBy: '',
            owner: next() < 0.5 ? 'Engineer' : 'Kim',
          },
        }),
        event(id, 2, iso(loggedAt + HOUR), { type: 'acknowledged', data: { checklist: CHECKLIST, response: 'Investigating' } }),
        event(id, 3, iso(closedAt - HOUR), { type: 'resolved', data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed' } }),
        event(id, 4, iso(closedAt), { type: 'closed', data: { customerConfirmation: 'Confirmed' } }),
      ],
    };
  }
}

const TOPICS = ['checkout errors', 'slow search', 'login loop', 'export stuck', 'sync lagging', 'billing mismatch', 'webhook retries', 'report timeout'];
/** Searches an engineer types: a customer, a topic, an id, two words; each differs from the one before. */
const SEARCH_TERMS = ['customer 17', 'billing', 'rd-4242', 'login 12', 'customer 203', 'webhook', 'seeded 99', 'export stuck', 'rd-90', 'customer 5'];

function findChromium(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path): path is string => !!path && existsSync(path));
  if (!found) throw new Error('The UI benchmark needs Chromium: `apt-get install -y chromium` or set CHROMIUM_PATH.');
  return found;
}

async function startHost(dataDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), '--port', '0', '--data-dir', dataDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  const url = await new Promise<string>((resolve, reject) => {
    // At 10,000 cases the host's start-up catch-up takes minutes on a small machine.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the browser host was not ready in 15 min:\n${stdout}`));
    }, 900_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^Console ready at (\S+)$/m.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`the browser host exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** committedMs: to React's commit plus a forced style and layout; scriptMs: its first part, to the commit alone. */
type Timing = { committedMs: number; scriptMs: number; framesMs: number; answerMs?: number; aheadMs?: number };

/*
 * Runs in the page, so it is plain JavaScript (the TypeScript loader would add helpers the page
 * lacks). It records the console's sockets, so a pushed change can be handed to its client, and
 * times an action to the DOM commit plus layout, and to the second animation frame after it.
 */
const PAGE_SCRIPT = `
(() => {
  const Native = window.WebSocket;
  const sockets = [];
  window.benchLastMessageAt = performance.now();
  window.benchQueriesSent = [];
  /** Request id -> when it was sent; answered ones get the time of their answer in benchAnswers. */
  window.benchQueryIds = new Map();
  window.benchAnswers = new Map();
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      sockets.push(this);
      this.addEventListener('message', (event) => {
        window.benchLastMessageAt = performance.now();
        if (typeof event.data === 'string' && event.data.startsWith('{"type":"result"')) {
          const id = JSON.parse(event.data).id;
          if (window.benchQueryIds.has(id)) window.benchAnswers.set(window.benchQueryIds.get(id), window.benchLastMessageAt);
        }
      });
    }
    send(data) {
      if (typeof data === 'string' && data.includes('"name":"cases.query"')) {
        const at = performance.now();
        window.benchQueriesSent.push(at);
        window.benchQueryIds.set(JSON.parse(data).id, at);
      }
      return super.send(data);
    }
  };
  const allCasesTable = () => document.querySelector('[role="table"][aria-label="All cases"]');
  /** A measure that never comes to its end fails the bench with what it waited for, instead of hanging it. */
  const GIVE_UP_MS = 30000;
  /** Resolves with the time from now to the first commit that satisfies done(), plus a forced layout. */
  // Ends at the first mutation after which done() holds, or at the first animation frame where it
  // holds (a change may land before the observer is set, or with no mutation after it).
  const until = (scope, done, start, what) => new Promise((resolve, reject) => {
    const started = start ?? performance.now();
    let finished = false;
    const check = () => {
      if (finished || !done()) return;
      finished = true;
      const scriptMs = performance.now() - started;
      document.body.getBoundingClientRect();
      observer.disconnect();
      clearTimeout(timer);
      resolve({ committedMs: performance.now() - started, scriptMs, framesMs: performance.now() - started });
    };
    const observer = new MutationObserver(check);
    const everyFrame = () => { if (finished) return; check(); requestAnimationFrame(everyFrame); };
    const timer = setTimeout(() => {
      finished = true;
      observer.disconnect();
      reject(new Error('gave up after ' + GIVE_UP_MS + ' ms waiting for ' + what));
    }, GIVE_UP_MS);
    observer.observe(scope, { childList: true, subtree: true, characterData: true, attributes: true });
    requestAnimationFrame(everyFrame);
  });
  /**
   * Types a whole search at once (as a paste would). Timed from the first request the console
   * sends after the input event (the box waits for a pause in typing first) to the rows.
   */
  window.benchSearch = async (text) => {
    const input = document.querySelector('section[aria-label="All cases"] input[type="search"]');
    const section = document.querySelector('section[aria-label="All cases"]');
    const generation = { busy: false };
    const done = () => {
      const table = allCasesTable();
      const busy = !table || table.getAttribute('aria-busy') === 'true';
      if (busy) generation.busy = true;
      return generation.busy && !busy;
    };
    const typedAt = performance.now();
    const timing = until(section, done, typedAt, 'the rows of the search ' + JSON.stringify(text));
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t = await timing;
    const sentAt = window.benchQueriesSent.find((at) => at >= typedAt);
    if (sentAt === undefined) throw new Error('no request went out for the search ' + JSON.stringify(text));
    const waited = sentAt - typedAt;
    const answeredAt = window.benchAnswers.get(sentAt);
    return { committedMs: t.committedMs - waited, scriptMs: t.scriptMs - waited, framesMs: t.framesMs - waited, answerMs: answeredAt === undefined ? -1 : answeredAt - sentAt };
  };
  /**
   * Scrolls the All cases table by one screen. Timed from the scroll event to the commit and
   * layout of the rows in view, with their data (committedMs); then, as aheadMs, to the rows the
   * list renders a screen ahead after it (VirtualRows' renderAhead), which the next scroll waits for.
   */
  window.benchScroll = async (selector) => {
    const table = document.querySelector(selector);
    const scroller = table.querySelector('.virtual-scroller');
    const rowHeight = table.querySelector('.virtual-head').getBoundingClientRect().height;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const rowAt = (index) => table.querySelector('.virtual-space > [role="row"][aria-rowindex="' + (index + 2) + '"]');
    const last = () => Number(table.querySelector('.virtual-space > [role="row"]:last-child')?.getAttribute('aria-rowindex') ?? 0);
    // Until the rows rendered stay the same for three frames, with their data.
    const settled = async () => {
      for (let still = 0; still < 3; ) {
        const seen = last();
        await frame();
        still = seen === last() && !table.querySelector('.virtual-space > .pending') ? still + 1 : 0;
      }
    };
    // At the end of the list a scroll moves nothing (no scroll event, no new rows): start again from the top.
    if (scroller.scrollTop + 2 * scroller.clientHeight > scroller.scrollHeight) {
      scroller.scrollTop = 0;
      await settled();
    }
    // The rows under the sticky header row, from the scroll position alone: row i spans
    // [(i + 1) * rowHeight, (i + 2) * rowHeight) of the scroller's content.
    // With screens = 2: also the next screen below, which the list renders ahead (up to the end of the list).
    const rendered = (screens) => {
      const top = scroller.scrollTop;
      const from = Math.floor(top / rowHeight);
      const lastIndex = Number(table.getAttribute('aria-rowcount')) - 2;
      const to = Math.min(lastIndex, Math.floor((top + screens * scroller.clientHeight - rowHeight - 1) / rowHeight));
      for (let index = from; index <= to; index++) {
        const row = rowAt(index);
        if (!row || row.classList.contains('pending')) return false;
      }
      return true;
    };
    const inView = () => rendered(1);
    return new Promise((resolve, reject) => {
      // A capturing listener on the document runs before the virtualizer's own listener on the scroller.
      document.addEventListener('scroll', () => {
        const started = performance.now();
        until(table, inView, started, 'the rows in view after a scroll, with data')
          .then((shown) => until(table, () => rendered(2), started, 'the rows rendered ahead').then((ahead) => resolve({ ...shown, aheadMs: ahead.committedMs })))
          .catch(reject);
      }, { capture: true, once: true });
      const from = scroller.scrollTop;
      scroller.scrollTop += scroller.clientHeight;
      if (scroller.scrollTop === from) reject(new Error('the All cases table did not scroll'));
    });
  };
  window.benchTime = (action, arg) => new Promise((resolve) => {
    const panel = document.querySelector('[role="tabpanel"]:not([hidden])');
    const started = performance.now();
    let committedMs = -1;
    let scriptMs = -1;
    const observer = new MutationObserver(() => {
      if (committedMs >= 0) return;
      scriptMs = performance.now() - started;
      document.body.getBoundingClientRect();
      committedMs = performance.now() - started;
      observer.disconnect();
    });
    observer.observe(panel, { childList: true, subtree: true, characterData: true, attributes: true });
    if (action === 'switch') document.getElementById(arg).click();
    else if (action === 'idle') { /* nothing: how long two animation frames take on their own */ }
    else sockets[sockets.length - 1].dispatchEvent(new MessageEvent('message', { data: arg }));
    requestAnimationFrame(() => requestAnimationFrame(() => {
      observer.disconnect();
      const framesMs = performance.now() - started;
      resolve(committedMs >= 0 ? { committedMs, scriptMs, framesMs } : { committedMs: framesMs, scriptMs: framesMs, framesMs });
    }));
  });
})();
`;

function searchInPage(page: Page, text: string): Promise<Timing> {
  return page.evaluate(`window.benchSearch(${JSON.stringify(text)})`) as Promise<Timing>;
}

const ALL_CASES_TABLE = '[role="table"][aria-label="All cases"]';
const QUEUE_TABLE = '[role="tabpanel"]:not([hidden]) [role="table"]';

function scrollInPage(page: Page, table: string): Promise<Timing> {
  return page.evaluate(`window.benchScroll(${JSON.stringify(table)})`) as Promise<Timing>;
}

function timeInPage(page: Page, action: 'switch' | 'change' | 'idle', arg: string): Promise<Timing> {
  return page.evaluate(`window.benchTime(${JSON.stringify(action)}, ${JSON.stringify(arg)})`) as Promise<Timing>;
}

/**
 * On start the host catches up on what fell due (automatic escalations, notifications) and pushes
 * each change; measuring while that stream still arrives would time the host, not the console.
 */
async function quietHost(page: Page, quietMs: number): Promise<void> {
  while (((await page.evaluate('performance.now() - window.benchLastMessageAt')) as number) < quietMs) await page.waitForTimeout(250);
}

async function topRowId(page: Page): Promise<string> {
  return (await page.locator('[role="tabpanel"]:not([hidden]) [role="row"][aria-rowindex="2"] [role="cell"]').first().textContent()) ?? '';
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-if-stale.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-ui-bench-'));
  const cases = openCases(CASES);
  const seeded = performance.now();
  await writeDataset(dataDir, { prefix: 'RD', nextNumber: 1001 + CLOSED + CASES, cases: (function* () {
    yield* closedCases(CLOSED);
    yield* cases;
  })() }, 500);
  const seedMs = performance.now() - seeded;
  const host = await startHost(dataDir);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.addInitScript({ content: PAGE_SCRIPT });
    const opened = performance.now();
    await page.goto(host.url, { timeout: 900_000 });
    await page.waitForSelector('[role="tabpanel"]:not([hidden]) [role="row"][aria-rowindex="2"]', { timeout: 900_000 });
    const loadMs = performance.now() - opened;
    await quietHost(page, 2_000);
    const settledMs = performance.now() - opened;

    // The peer for the frame figures: two animation frames with nothing to do.
    const idle: Timing[] = [];
    for (let i = 0; i < SWITCHES; i++) idle.push(await timeInPage(page, 'idle', ''));
    const switches: Timing[] = [];
    for (let i = 0; i < SWITCHES; i++) switches.push(await timeInPage(page, 'switch', `queue-tab-${SEVERITIES[(i + 1) % 4]}`));

    const byId = new Map(cases.map((record) => [record.id, record]));
    const changes: Timing[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const record = byId.get(await topRowId(page))!;
      const seq = record.events.length + 1;
      const at = new Date().toISOString();
      const acknowledged = record.events.some((e) => e.type === 'acknowledged');
      const added = acknowledged
        ? event(record.id, seq, at, { type: 'customerUpdatePosted', data: { channel: 'email', text: 'Update' } })
        : event(record.id, seq, at, { type: 'acknowledged', data: { checklist: CHECKLIST, response: 'On it' } });
      const changed: CaseRecord = { id: record.id, events: [...record.events, added] };
      byId.set(record.id, changed);
      const message = JSON.stringify({ type: 'event', name: 'cases.changed', payload: { record: changed } });
      changes.push(await timeInPage(page, 'change', message));
    }
    // A scroll of one screen in the queue on screen (about a quarter of the open cases).
    const queueScrolls: Timing[] = [];
    for (let i = 0; i < SCROLLS; i++) queueScrolls.push(await scrollInPage(page, QUEUE_TABLE));

    // All cases: the first query, from the click to its count on screen; while the core's catalog is still
    // being built (the history index, then the open cases), it is answered by a scan of the cases read.
    const firstStarted = performance.now();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'All cases', exact: true }).click();
    await page.getByText(`${CLOSED + CASES} cases, open and closed`).waitFor({ timeout: 900_000 });
    const allCasesFirstMs = performance.now() - firstStarted;
    const searches: Timing[] = [];
    for (let i = 0; i < SEARCHES; i++) searches.push(await searchInPage(page, SEARCH_TERMS[i % SEARCH_TERMS.length]!));

    await searchInPage(page, '');
    const scrolls: Timing[] = [];
    for (let i = 0; i < SCROLLS; i++) scrolls.push(await scrollInPage(page, ALL_CASES_TABLE));

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const heapMb = heap.usedSize / 1024 / 1024;

    const round = (value: number, digits = 1) => Number(value.toFixed(digits));
    const p95 = (timings: Timing[], key: 'committedMs' | 'scriptMs' | 'framesMs') => round(percentile(timings.map((t) => t[key]), 95));
    const spread = (values: number[]) => `${round(percentile(values, 50))} / ${round(percentile(values, 95))} ms`;
    // Where the time goes: the action to React's commit (script), then the forced style recalculation and layout.
    const phases = (timings: Timing[]) => `${spread(timings.map((t) => t.scriptMs))} to the commit, ${spread(timings.map((t) => t.committedMs - t.scriptMs))} style + layout`;
    const rows: Array<[string, string]> = [
      [`seed ${CASES} open + ${CLOSED} closed cases (writeDataset)`, `${round(seedMs / 1000)} s`],
      ['open the console until the first queue shows', `${round(loadMs)} ms`],
      ['until the host has pushed nothing for 2 s', `${round(settledMs / 1000)} s`],
      [`queue switch, to commit + layout: p50 / p95 (${SWITCHES})`, `${round(percentile(switches.map((t) => t.committedMs), 50))} / ${p95(switches, 'committedMs')} ms`],
      ['  of which: p50 / p95', phases(switches)],
      ['queue switch, to the 2nd animation frame: p95', `${p95(switches, 'framesMs')} ms`],
      [`pushed change, to commit + layout: p50 / p95 (${CHANGES})`, `${round(percentile(changes.map((t) => t.committedMs), 50))} / ${p95(changes, 'committedMs')} ms`],
      ['  of which: p50 / p95', phases(changes)],
      ['pushed change, to the 2nd animation frame: p95', `${p95(changes, 'framesMs')} ms`],
      [`queue scroll of one screen, to commit + layout: p50 / p95 (${SCROLLS})`, `${round(percentile(queueScrolls.map((t) => t.committedMs), 50))} / ${p95(queueScrolls, 'committedMs')} ms`],
      ['  of which: p50 / p95', phases(queueScrolls)],
      ['  then the rows rendered ahead, from the scroll: p50 / p95', spread(queueScrolls.map((t) => t.aheadMs ?? -1))],
      ['nothing changed, to the 2nd animation frame: p50 / p95', `${round(percentile(idle.map((t) => t.framesMs), 50))} / ${p95(idle, 'framesMs')} ms`],
      [`All cases (${CLOSED} closed + ${CASES} open): first query, click to its count`, `${round(allCasesFirstMs)} ms`],
      [`All cases search, to commit + layout: p50 / p95 (${SEARCHES})`, `${round(percentile(searches.map((t) => t.committedMs), 50))} / ${p95(searches, 'committedMs')} ms`],
      ['  of which the core\'s answer on the socket: p50 / p95', spread(searches.map((t) => t.answerMs ?? -1))],
      [`All cases scroll of one screen, to commit + layout: p50 / p95 (${SCROLLS})`, `${round(percentile(scrolls.map((t) => t.committedMs), 50))} / ${p95(scrolls, 'committedMs')} ms`],
      ['  of which: p50 / p95', phases(scrolls)],
      ['  then the rows rendered a screen ahead, from the scroll: p50 / p95', spread(scrolls.map((t) => t.aheadMs ?? -1))],
      ['JS heap after GC', `${round(heapMb)} MB`],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(`UI benchmark${quick ? ' (quick)' : ''}, ${CASES} open cases (and ${CLOSED} closed for All cases), Chromium ${browser.version()}`);
    for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
    console.log(
      `BENCH_SECTION {"ui": {"cases": ${CASES}, "queue_switch_p95_ms": ${p95(switches, 'committedMs')}, "change_apply_p95_ms": ${p95(changes, 'committedMs')}, "queue_scroll_p95_ms": ${p95(queueScrolls, 'committedMs')}, "queue_switch_frames_p95_ms": ${p95(switches, 'framesMs')}, "change_apply_frames_p95_ms": ${p95(changes, 'framesMs')}, "idle_frames_p95_ms": ${p95(idle, 'framesMs')}, "heap_mb": ${round(heapMb)}, "load_ms": ${round(loadMs, 0)}, "all_cases_closed": ${CLOSED}, "all_cases_first_ms": ${round(allCasesFirstMs, 0)}, "all_cases_search_p95_ms": ${p95(searches, 'committedMs')}, "all_cases_page_p95_ms": ${p95(scrolls, 'committedMs')}, "all_cases_ahead_p95_ms": ${round(percentile(scrolls.map((t) => t.aheadMs ?? -1), 95))}}}`,
    );
  } finally {
    await browser.close();
    await host.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

void main();
