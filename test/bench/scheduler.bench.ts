/**
 * Scheduler benchmark on the system clock: `npx tsx test/bench/scheduler.bench.ts [--quick]`.
 * The last line is the machine-readable BENCH_SECTION.
 */
import { createSystemClock } from '../../src-main/core/clock';
import { createScheduler } from '../../src-main/core/scheduler';
import { percentile, seededRandom } from './stats';

const quick = process.argv.includes('--quick');
const ARMED = 100_000;
const REARMS = quick ? 50_000 : 200_000;
const RUNS = quick ? 3 : 7;
/** The peer takes seconds a run (splice-insert moves the array's tail): once in a quick run, unwarmed. */
const ARRAY_RUNS = quick ? 1 : RUNS;
const FIRE_COUNT = quick ? 2_000 : 10_000;
const FIRE_SPREAD_MS = quick ? 2_000 : 10_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;


const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};


function futureDeadlines(count: number, seed: number): number[] {
  const next = seededRandom(seed);
  const now = Date.now();
  return Array.from({ length: count }, () => Math.round(now + HOUR + next() * 30 * DAY));
}

function timeSchedulerArm(dueAts: number[]): number {
  const scheduler = createScheduler<number>({ clock: createSystemClock(), onDue: () => undefined });
  scheduler.start();
  const began = performance.now();
  for (let i = 0; i < dueAts.length; i++) scheduler.arm(`case:${i}`, dueAts[i] as number, i);
  const elapsed = performance.now() - began;
  scheduler.stop();
  return elapsed;
}

/** The peer: one array kept sorted by splice-insert at a binary-searched position. */
function timeSortedArrayArm(dueAts: number[]): number {
  const began = performance.now();
  const queue: Array<{ key: string; dueAt: number; payload: number }> = [];
  const byKey = new Map<string, { key: string; dueAt: number; payload: number }>();
  for (let i = 0; i < dueAts.length; i++) {
    const item = { key: `case:${i}`, dueAt: dueAts[i] as number, payload: i };
    let low = 0;
    let high = queue.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((queue[mid] as { dueAt: number }).dueAt <= item.dueAt) low = mid + 1;
      else high = mid;
    }
    queue.splice(low, 0, item);
    byKey.set(item.key, item);
  }
  return performance.now() - began;
}

function timeRearm(dueAts: number[]): number {
  const scheduler = createScheduler<number>({ clock: createSystemClock(), onDue: () => undefined });
  dueAts.forEach((dueAt, i) => scheduler.arm(`case:${i}`, dueAt, i));
  scheduler.start();
  const next = seededRandom(7);
  const keys = Array.from({ length: REARMS }, () => `case:${Math.floor(next() * dueAts.length)}`);
  const targets = futureDeadlines(REARMS, 11);
  const began = performance.now();
  for (let i = 0; i < REARMS; i++) scheduler.arm(keys[i] as string, targets[i] as number, i);
  const elapsed = performance.now() - began;
  scheduler.stop();
  return (elapsed * 1000) / REARMS;
}

function measureFireLateness(): Promise<number[]> {
  return new Promise((resolve) => {
    const clock = createSystemClock();
    const lateness: number[] = [];
    const scheduler = createScheduler<number>({
      clock,
      onDue: (items) => {
        const now = clock.now();
        for (const item of items) lateness.push(now - item.dueAt);
        if (lateness.length >= FIRE_COUNT) {
          scheduler.stop();
          resolve(lateness);
        }
      },
    });
    const next = seededRandom(13);
    const start = clock.now() + 200;
    for (let i = 0; i < FIRE_COUNT; i++) scheduler.arm(`case:${i}`, Math.round(start + next() * FIRE_SPREAD_MS), i);
    scheduler.start();
  });
}

async function main(): Promise<void> {
  const dueAts = futureDeadlines(ARMED, 1);
  timeSchedulerArm(dueAts);
  if (!quick) timeSortedArrayArm(dueAts);
  const heapRuns: number[] = [];
  const arrayRuns: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    heapRuns.push(timeSchedulerArm(dueAts));
    if (run < ARRAY_RUNS) arrayRuns.push(timeSortedArrayArm(dueAts));
  }
  const armMs = median(heapRuns);
  const arrayArmMs = median(arrayRuns);
  const rearmUs = timeRearm(dueAts);
  const lateness = await measureFireLateness();
  const p50 = percentile(lateness, 50);
  const p99 = percentile(lateness, 99);
  const max = Math.max(...lateness);

  const round = (value: number, digits: number): number => Number(value.toFixed(digits));
  const rows: Array<[string, string]> = [
    [`arm ${ARMED} deadlines (heap scheduler, median of ${RUNS})`, `${round(armMs, 1)} ms`],
    [`arm ${ARMED} deadlines (sorted array, splice-insert${ARRAY_RUNS > 1 ? `, median of ${ARRAY_RUNS}` : ', one run'})`, `${round(arrayArmMs, 1)} ms`],
    ['sorted array / heap', `${round(arrayArmMs / armMs, 1)}x`],
    [`re-arm one of ${ARMED} (mean of ${REARMS})`, `${round(rearmUs, 3)} µs`],
    [`fire lateness, ${FIRE_COUNT} deadlines over ${FIRE_SPREAD_MS / 1000} s: p50 / p99 / max`, `${p50} / ${p99} / ${max} ms`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`scheduler benchmark${quick ? ' (quick)' : ''}, Node ${process.version}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
  console.log(
    `BENCH_SECTION {"scheduler": {"arm_100k_ms": ${round(armMs, 2)}, "rearm_us": ${round(rearmUs, 3)}, "fire_lateness_p99_ms": ${round(p99, 2)}}}`,
  );
}

void main();
