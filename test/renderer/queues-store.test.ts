import fc from 'fast-check';
import { buildQueues, createDeskStores, createNowStore, filterQueues, patchQueues, isQueued, caseViewOf, type Queues } from '../../src-renderer/state';
import { SEVERITIES, type CaseRecord } from '../../src-shared/domain';
import { DEFAULT_SETTINGS } from '../../src-shared/settings';
import { DEFAULT_POLICY } from '../../src-shared/sla';
import { createFakeDesk } from './fake-desk';
import { caseRecord } from './render-app';

const CHECKLIST = { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true };
const BASE = Date.parse('2026-11-26T09:00:00.000Z');
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

/** A case as a pushed change could carry it: any severity, plan and owner, logged at any time, perhaps acknowledged, perhaps closed. */
const change = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    severity: fc.constantFrom(...SEVERITIES),
    plan: fc.constantFrom('standard', 'premium'),
    owner: fc.constantFrom('Engineer', 'Kim'),
    loggedMinutes: fc.integer({ min: -600, max: 600 }),
    stage: fc.constantFrom('new', 'acknowledged', 'closed'),
  })
  .map(({ n, severity, plan, owner, loggedMinutes, stage }): CaseRecord => {
    const ack = { type: 'acknowledged' as const, at: at(loggedMinutes + 5), data: { checklist: CHECKLIST, response: 'On it' } };
    const close = [
      { type: 'resolved' as const, at: at(loggedMinutes + 6), data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed' } },
      { type: 'closed' as const, at: at(loggedMinutes + 7), data: { customerConfirmation: '' } },
    ];
    const then = stage === 'new' ? [] : stage === 'acknowledged' ? [ack] : [ack, ...close];
    return caseRecord({ id: `RD-${1000 + n}`, severity, plan, owner, loggedAt: at(loggedMinutes) }, then);
  });

const filters = fc.record({
  scope: fc.constantFrom('all' as const, 'mine' as const),
  plan: fc.constantFrom('', 'premium'),
  customer: fc.constant(''),
  status: fc.constantFrom('' as const, 'new' as const, 'investigating' as const),
  search: fc.constantFrom('', '100', 'RD-1001'),
});

const idsOf = (queues: Queues | null) => (queues ? SEVERITIES.map((severity) => queues[severity].map((view) => view.state.id)) : null);

async function loadedStores() {
  const fake = createFakeDesk({ 'settings.get': () => ({ ok: true, value: DEFAULT_SETTINGS }), 'cases.list': () => ({ ok: true, value: [] }) });
  const stores = createDeskStores(fake.desk, createNowStore(BASE));
  await stores.settings.getState().load();
  await stores.cases.getState().load();
  return { fake, stores };
}

describe('queues kept sorted case by case', () => {
  it('after any sequence of pushed changes and filter changes, the queues equal a from-scratch sort of every case', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof({ weight: 4, arbitrary: change.map((record) => ({ record })) }, { weight: 1, arbitrary: filters.map((set) => ({ set })) }), { maxLength: 40 }), async (steps) => {
        const { fake, stores } = await loadedStores();
        for (const step of steps) {
          if ('record' in step) fake.push('cases.changed', { record: step.record });
          else stores.ui.getState().setFilters(step.set);
          const fromScratch = buildQueues(stores.cases.getState().byId, DEFAULT_POLICY);
          const { all, shown } = stores.queues.getState();
          expect(idsOf(all)).toEqual(idsOf(fromScratch));
          expect(idsOf(shown)).toEqual(idsOf(filterQueues(fromScratch, stores.ui.getState().filters, DEFAULT_SETTINGS.engineerName)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a change leaves the queues it does not touch as they were, so what shows them does not render again', async () => {
    const { fake, stores } = await loadedStores();
    fake.push('cases.changed', { record: caseRecord({ id: 'RD-1001', severity: 'P1' }) });
    fake.push('cases.changed', { record: caseRecord({ id: 'RD-1002', severity: 'P3' }) });
    const before = stores.queues.getState().all!;
    fake.push('cases.changed', { record: caseRecord({ id: 'RD-1002', severity: 'P3' }, [{ type: 'noteAdded', at: at(1), data: { text: 'n' } }]) });
    const after = stores.queues.getState().all!;
    expect(after.P1).toBe(before.P1);
    expect(after.P3).not.toBe(before.P3);
    expect(after.P3.map((view) => view.state.id)).toEqual(['RD-1002']);
  });

  it('a closed case leaves its queue, and a case whose severity changes moves to the other queue', () => {
    const open = caseViewOf(caseRecord({ id: 'RD-1001', severity: 'P2' }), DEFAULT_POLICY);
    const queues = patchQueues({ P1: [], P2: [], P3: [], P4: [] }, null, open, isQueued);
    expect(queues.P2).toEqual([open]);
    const moved = caseViewOf(caseRecord({ id: 'RD-1001', severity: 'P4' }), DEFAULT_POLICY);
    const after = patchQueues(queues, open, moved, isQueued);
    expect(after.P2).toEqual([]);
    expect(after.P4).toEqual([moved]);
    const closed = caseViewOf(
      caseRecord({ id: 'RD-1001', severity: 'P4' }, [
        { type: 'resolved', at: at(1), data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed' } },
        { type: 'closed', at: at(2), data: { customerConfirmation: '' } },
      ]),
      DEFAULT_POLICY,
    );
    expect(patchQueues(after, moved, closed, isQueued).P4).toEqual([]);
  });
});
