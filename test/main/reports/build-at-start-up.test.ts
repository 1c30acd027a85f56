import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ReportsStatus } from '../../../src-shared/contract';
import { SEVERITIES, type CaseEvent, type CaseRecord } from '../../../src-shared/domain';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';
import { createCore } from '../../../src-main/core/core';
import { dispatch } from '../../../src-main/core/dispatch';
import { createFileCaseStore, writeDataset } from '../../../src-main/core/storage';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';
import { createMemoryDocument } from '../../../src-main/core/testing/memory-store';
import { acknowledge } from '../runtime/boot';

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 9, 1, 9);
const NOW = new Date(BASE + 1_200 * HOUR).toISOString();
// fewer closed cases than one page of the history (1,000): the whole history is one read
const CLOSED = 900;
const OPEN = 40;
const quiet = { warn: () => undefined, error: () => undefined };
const query = { period: { kind: 'last', days: 90 }, groupBy: 'severity' } as const;

function ev(id: string, seq: number, at: number, body: Pick<CaseEvent, 'type' | 'data'>): CaseEvent {
  const iso = new Date(at).toISOString();
  return { id: `${id}#${seq}`, seq, at: iso, recordedAt: iso, actor: 'Dana Reyes', ...body } as CaseEvent;
}

function caseNumber(i: number, closed: boolean): CaseRecord {
  const id = `RD-${1001 + i}`;
  const at = BASE + i * HOUR;
  const events: CaseEvent[] = [
    ev(id, 1, at, {
      type: 'logged',
      data: { title: `Case ${i}`, customer: 'Acme', plan: i % 3 === 0 ? 'premium' : 'standard', severity: SEVERITIES[i % 4]!, severityDefaulted: false, description: '', reportedBy: '', owner: 'Dana Reyes' },
    }),
    ev(id, 2, at + (i % 7) * 10 * 60_000, { type: 'acknowledged', data: { checklist: acknowledge.checklist, response: 'On it.' } }),
  ];
  if (closed) {
    events.push(ev(id, 3, at + HOUR, { type: 'resolved', data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed.' } }));
    events.push(ev(id, 4, at + 2 * HOUR, { type: 'closed', data: { customerConfirmation: 'Confirmed.' } }));
  }
  return { id, events };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'desk-reports-build-'));
  const cases = [...Array.from({ length: CLOSED }, (_, i) => caseNumber(i, true)), ...Array.from({ length: OPEN }, (_, i) => caseNumber(CLOSED + i, false))];
  await writeDataset(dir, { prefix: 'RD', nextNumber: 1001 + CLOSED + OPEN, cases }, 100);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function start(onHistoryPage: (core: Awaited<ReturnType<typeof createCore>>) => void) {
  const clock = createManualClock(NOW);
  const store = createFileCaseStore({ dir, partitionSize: 100, clock });
  // the real store, watched: told when a page of the history has been read
  const history = store.history.bind(store);
  const started: { core?: Awaited<ReturnType<typeof createCore>> } = {};
  store.history = async (page) => {
    const read = await history(page);
    if (started.core) onHistoryPage(started.core);
    return read;
  };
  started.core = await createCore({
    host: 'browser',
    version: 't',
    dataDir: dir,
    clock,
    store,
    settingsFile: createMemoryDocument({ ...DEFAULT_SETTINGS, engineerName: 'Ana' }),
    log: quiet,
  });
  return started.core;
}

describe('the reports projection is built in the background from start-up', () => {
  it('starts at start-up without a report being asked for, and says so until it is built', async () => {
    const core = await start(() => undefined);
    expect(core.reports.status()).toMatchObject({ building: true });
    await core.reports.settled();
    expect(core.reports.status()).toEqual({ building: false });
    expect(await core.handlers['reports.status']({})).toEqual({ building: false });
    expect((await core.reports.facts()).size).toBe(CLOSED + OPEN);
    await core.close();
  });

  it('answers a request that comes while a page of the history is being held before the build ends; a report asked meanwhile waits for every case', async () => {
    const happened: string[] = [];
    const seen: ReportsStatus[] = [];
    let early: Promise<unknown> | undefined;
    const core = await start((started) => {
      // queued the moment the history's one page is read, while its cases are being held
      setImmediate(() => {
        seen.push(started.reports.status());
        void dispatch(started.handlers, 'system.info', {}, quiet).then(() => happened.push('another request answered'));
        early = dispatch(started.handlers, 'reports.query', query, quiet).then((result) => {
          happened.push('the report asked meanwhile answered');
          return result;
        });
      });
    });
    await core.reports.settled();
    happened.push('built');
    await early;
    expect(happened).toEqual(['another request answered', 'built', 'the report asked meanwhile answered']);
    // part of the way through: some of the history's cases held, not all
    expect(seen).toHaveLength(1);
    const during = seen[0]!;
    expect(during.building).toBe(true);
    if (!during.building) return;
    expect(during.casesTotal).toBe(CLOSED + OPEN);
    expect(during.casesRead).toBeGreaterThan(0);
    expect(during.casesRead).toBeLessThan(CLOSED);
    // never a report over part of the cases: the one asked meanwhile is the one asked after
    const after = await dispatch(core.handlers, 'reports.query', query, quiet);
    expect(after.ok).toBe(true);
    expect(await early).toEqual(after);
    if (after.ok) expect((after.value as { overall: { created: number } }).overall.created).toBeGreaterThan(OPEN);
    await core.close();
  });
});
