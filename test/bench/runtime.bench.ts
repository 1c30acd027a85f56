/**
 * Runtime benchmark: `npx tsx test/bench/runtime.bench.ts [--quick]`. Measures re-arming every
 * open case (start, settings change, clock jump), re-arming one case (every command) and the
 * tray's attention list. The last line is the machine-readable BENCH_SECTION.
 */
import { performance } from 'node:perf_hooks';
import { createCore } from '../../src-main/core/core';
import { createManualClock } from '../../src-main/core/testing/manual-clock';
import { createMemoryCaseStore, createMemoryDocument } from '../../src-main/core/testing/memory-store';
import { DEFAULT_SETTINGS } from '../../src-shared/settings';
import type { Severity } from '../../src-shared/domain';

const quick = process.argv.includes('--quick');
const CASES = quick ? 200 : 1000;
const RUNS = quick ? 3 : 7;
const SEVERITIES: Severity[] = ['P1', 'P2', 'P3', 'P4'];

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const clock = createManualClock('2026-11-26T10:00:00.000Z');
  const core = await createCore({
    host: 'browser',
    version: 'bench',
    dataDir: '/tmp',
    clock,
    store: createMemoryCaseStore(),
    settingsFile: createMemoryDocument({ ...DEFAULT_SETTINGS, engineerName: 'Bench' }),
    log: { warn: () => undefined, error: () => undefined },
  });
  const ack = { type: 'acknowledge', checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it.', nextSteps: 'Collect the logs.' } as const;
  for (let i = 0; i < CASES; i++) {
    const record = await core.handlers['cases.create']({ title: `Case ${i}`, customer: 'Acme', plan: i % 2 ? 'premium' : 'standard', severity: SEVERITIES[i % 4], description: '', reportedBy: '' });
    if (i % 3 === 0) await core.handlers['cases.act']({ id: record.id, command: ack });
  }
  await core.runtime.idle();

  const time = (work: () => void, repeat = 1): number => {
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      for (let i = 0; i < repeat; i++) work();
      samples.push((performance.now() - start) / repeat);
    }
    return median(samples);
  };
  const rearmAllMs = time(() => core.runtime.rearmAll());
  const note = { type: 'addNote', text: 'bench' } as const;
  const oneCase: number[] = [];
  for (let run = 0; run < RUNS * 10; run++) {
    const start = performance.now();
    await core.handlers['cases.act']({ id: 'RD-1001', command: note });
    oneCase.push(performance.now() - start);
  }
  const attentionMs = time(() => core.runtime.attention());
  await core.close();

  const section = { cases: CASES, rearmAllMs: Number(rearmAllMs.toFixed(2)), commandWithRearmMs: Number(median(oneCase).toFixed(3)), attentionMs: Number(attentionMs.toFixed(2)) };
  console.log(`runtime bench (${CASES} open cases, median of ${RUNS} runs)`);
  console.log(`  re-arm every case            ${section.rearmAllMs} ms`);
  console.log(`  one command + its re-arm     ${section.commandWithRearmMs} ms`);
  console.log(`  tray attention list          ${section.attentionMs} ms`);
  console.log(`BENCH_SECTION ${JSON.stringify({ runtime: section })}`);
}

void main();
