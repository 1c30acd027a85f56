/**
 * SLA engine benchmark: `npx tsx test/bench/sla.bench.ts [--quick]`.
 * addBusinessTime against moment-business-time on the inputs both support (Mon-Fri
 * 09:00-17:00 in one zone, here UTC), and clocksOf for a case of 200 events.
 * The last line is the machine-readable BENCH_SECTION.
 */
import { createRequire } from 'node:module';
import type { Moment } from 'moment';
import { DEFAULT_POLICY, addBusinessTime, clocksOf, type Calendar } from '../../src-shared/sla';
import type { CaseEvent } from '../../src-shared/domain';

type BusinessMoment = Moment & { addWorkingTime(amount: number, unit: 'minutes'): BusinessMoment };
const require = createRequire(import.meta.url);
const moment = require('moment-business-time') as { utc(input: string): BusinessMoment; updateLocale(name: string, spec: object): unknown };

const quick = process.argv.includes('--quick');
const N = quick ? 20_000 : 100_000;
/** moment-business-time takes ~1 ms a call: a per-call figure needs fewer of them (the first M inputs). */
const M = quick ? 1_500 : 10_000;

const office: [string, string][] = [['09:00', '17:00']];
const UTC_OFFICE: Calendar = { id: 'utc-office', name: 'UTC office', timeZone: 'UTC', week: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] }, holidays: [] };
moment.updateLocale('en', {
  workinghours: { 0: null, 1: ['09:00:00', '17:00:00'], 2: ['09:00:00', '17:00:00'], 3: ['09:00:00', '17:00:00'], 4: ['09:00:00', '17:00:00'], 5: ['09:00:00', '17:00:00'], 6: null },
  holidays: [],
});

// Deterministic inputs: starts over two years, whole minutes up to 30 business days.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
const from = Date.parse('2026-01-01T00:00:00Z');
const starts = Array.from({ length: N }, () => new Date(from + Math.floor(random() * 2 * 365 * 1440) * 60_000).toISOString());
const amounts = Array.from({ length: N }, () => 1 + Math.floor(random() * 30 * 480));

function time(run: () => void): number {
  const t0 = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - t0);
}

let sink = 0;
const ours = () => {
  for (let i = 0; i < N; i++) sink += addBusinessTime(starts[i]!, amounts[i]!, UTC_OFFICE).length;
};
const theirs = (count = M) => {
  for (let i = 0; i < count; i++) sink += moment.utc(starts[i]!).addWorkingTime(amounts[i]!, 'minutes').valueOf() % 7;
};

// The two libraries agree on these inputs; check a sample so we compare like with like.
for (let i = 0; i < 200; i++) {
  const a = addBusinessTime(starts[i]!, amounts[i]!, UTC_OFFICE);
  const b = moment.utc(starts[i]!).addWorkingTime(amounts[i]!, 'minutes').toISOString();
  if (a !== b) throw new Error(`results differ for ${starts[i]} + ${amounts[i]}: ours ${a}, moment ${b}`);
}

ours();
theirs(200);
const oursNs = time(ours) / N;
const theirsNs = time(theirs) / M;

function caseOf200(): CaseEvent[] {
  const events: CaseEvent[] = [];
  let at = Date.parse('2026-11-23T08:00:00Z');
  const push = (type: CaseEvent['type'], data: object) => {
    const seq = events.length + 1;
    events.push({ id: `RD-1#${seq}`, seq, at: new Date(at).toISOString(), recordedAt: new Date(at).toISOString(), actor: 'ana', type, data } as CaseEvent);
    at += 37 * 60_000;
  };
  push('logged', { title: 'Bench', customer: 'ACME', plan: 'standard', severity: 'P2', severityDefaulted: false, description: '', reportedBy: '', owner: '' });
  push('acknowledged', { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'on it' });
  const cycle = ['customerUpdatePosted', 'noteAdded', 'informationRequested', 'customerReplied', 'customerUpdatePosted', 'severityAdjusted'] as const;
  let severity = 'P2';
  for (let i = 0; events.length < 200; i++) {
    const type = cycle[i % cycle.length]!;
    if (type === 'severityAdjusted') {
      const to = severity === 'P2' ? 'P1' : 'P2';
      push(type, { from: severity, to, reason: 'impact changed', businessImpact: '' });
      severity = to;
    } else push(type, { text: 'x', channel: 'portal' });
  }
  return events;
}
const events = caseOf200();
const now = new Date(Date.parse(events.at(-1)!.at) + 3_600_000).toISOString();
const runs = quick ? 50 : 200;
for (let i = 0; i < 20; i++) sink += clocksOf(events, DEFAULT_POLICY, now).length;
const clocksMs = time(() => {
  for (let i = 0; i < runs; i++) sink += clocksOf(events, DEFAULT_POLICY, now).length;
}) / runs / 1e6;

const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const section = {
  sla: {
    add_ns_per_op: round(oursNs),
    moment_ns_per_op: round(theirsNs),
    ratio_vs_moment: round(oursNs / theirsNs, 3),
    clocks_200_events_ms: round(clocksMs, 3),
  },
};
console.log(`SLA engine benchmark (${quick ? 'quick' : 'full'}: ${N} adds, ${M} with moment, clocksOf x${runs}; checksum ${sink % 1000})`);
console.table({
  'addBusinessTime (ours)': { 'ns/op': section.sla.add_ns_per_op },
  'moment-business-time addWorkingTime': { 'ns/op': section.sla.moment_ns_per_op },
  'clocksOf, 200 events': { 'ns/op': round(clocksMs * 1e6, 0) },
});
console.log(`BENCH_SECTION ${JSON.stringify(section)}`);
