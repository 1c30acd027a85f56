/**
 * Review editor benchmark: `npx tsx test/bench/review.bench.ts [--quick]`.
 * Starts the built browser host on a case with 2,000 events, opens its review in headless
 * Chromium and types into the summary, timing each key from keydown to the next paint
 * (requestAnimationFrame, then a task after it, inside the page). The last line is the
 * machine-readable BENCH_SECTION.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createFileCaseStore } from '../../src-main/core/storage';
import { applyEvent, decide, decideLog, foldCase, type CaseEvent, type CaseState } from '../../src-shared/domain';
import { connectSocket } from '../e2e/desk-socket';
import { ROOT, findChromium, startHost } from '../e2e/harness';
import { percentile } from './stats';

const quick = process.argv.includes('--quick');
const EVENTS = 2_000;
const BURSTS = quick ? 2 : 12;
const KEYS_PER_BURST = 40;
const PAUSE_MS = 1_200;

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

/** A resolved P1 whose timeline holds `count` events, written through the case store. */
async function seed(dataDir: string, count: number): Promise<string> {
  const store = createFileCaseStore({ dir: dataDir });
  await store.open();
  const id = await store.nextCaseId();
  let at = Date.parse('2026-11-26T09:00:00.000Z');
  const next = () => new Date((at += 60_000)).toISOString();
  const context = () => ({ now: next(), actor: 'Ana' });
  const logged = decideLog(id, { title: 'Payments API returns 502', customer: 'Acme Bank', plan: 'standard', severity: 'P1', description: '', reportedBy: '', owner: 'Ana' }, context());
  if (!logged.ok) throw new Error(logged.reason);
  const events: CaseEvent[] = [...logged.events];
  // The state follows the events one at a time (folding the whole timeline per command is quadratic).
  let state: CaseState = foldCase(events);
  const apply = (command: Parameters<typeof decide>[1]) => {
    const decision = decide(state, command, context());
    if (!decision.ok) throw new Error(decision.reason);
    events.push(...decision.events);
    for (const event of decision.events) state = applyEvent(state, event);
  };
  apply({ type: 'acknowledge', checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'Investigating', nextSteps: 'Collect the logs.' });
  while (events.length < count - 1) apply({ type: 'addNote', text: `Checked pod ${events.length}: connection pool at its limit, restarting and watching the error rate.` });
  apply({ type: 'resolve', criterion: 'serviceRestored', method: 'bugFix', summary: 'Connection pool resized' });
  await store.create({ id, events });
  await store.close();
  return id;
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-if-stale.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const executablePath = findChromium();
  if (!executablePath) throw new Error('The review benchmark needs Chromium (apt-get install -y chromium, or set CHROMIUM_PATH).');
  const dataDir = await mkdtemp(join(tmpdir(), 'desk-bench-review-'));
  const caseId = await seed(dataDir, EVENTS);
  const host = await startHost(dataDir);
  // Frames are not held to a 60 Hz vsync, so the figure is the console's own work, not the display's phase.
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-gpu-vsync', '--disable-frame-rate-limit', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const socket = await connectSocket(host);
    const view = await socket.call('reviews.start', { caseId });
    socket.close();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${host.url}&review=${caseId}`);
    const summary = page.getByRole('region', { name: 'Summary', exact: true }).getByRole('textbox', { name: 'Summary' });
    await summary.waitFor({ timeout: 20_000 });
    await page.evaluate(() => {
      const samples: number[] = [];
      Object.assign(window, { inputToPaint: samples });
      document.addEventListener(
        'keydown',
        () => {
          const start = performance.now();
          requestAnimationFrame(() => {
            const after = new MessageChannel();
            after.port1.onmessage = () => samples.push(performance.now() - start);
            after.port2.postMessage(null);
          });
        },
        true,
      );
    });
    await summary.click();
    for (let burst = 0; burst < BURSTS; burst++) {
      await page.keyboard.type(`Burst ${burst}: payments **failed** while the pool was exhausted. `.slice(0, KEYS_PER_BURST), { delay: 25 });
      // let the autosave run between bursts, as when an engineer pauses
      await page.waitForTimeout(PAUSE_MS);
    }
    const samples = await page.evaluate(() => (window as unknown as { inputToPaint: number[] }).inputToPaint);
    const saved = await page.getByRole('status', { name: 'Save status' }).textContent();
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    const max = Math.max(...samples);
    console.log(`review editor benchmark${quick ? ' (quick)' : ''}, Chromium headless, ${view.review?.content.timeline.length ?? 0} timeline entries`);
    console.log('| keys | input-to-paint p50 ms | p95 ms | max ms | after typing |');
    console.log('|---|---|---|---|---|');
    console.log(`| ${samples.length} | ${round(p50)} | ${round(p95)} | ${round(max)} | ${saved} |`);
    console.log(`BENCH_SECTION {"review": {"input_to_paint_p95_ms": ${round(p95)}, "input_to_paint_p50_ms": ${round(p50)}, "timeline_entries": ${view.review?.content.timeline.length ?? 0}, "keys": ${samples.length}}}`);
  } finally {
    await browser.close();
    await host.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
