import { createMemoryReviewStore } from '../../../src-main/core/testing/memory-review-store';
import { acknowledge, boot, update } from '../runtime/boot';

export const MIN = 60_000;
/** Thursday 26 November 2026, 10:00 UTC (11:00 in Berlin, inside the business calendar's 09:00-17:00). */
export const THU_10 = Date.parse('2026-11-26T10:00:00.000Z');
export const at = (hhmm: string, day = '2026-11-26') => Date.parse(`${day}T${hhmm}:00.000Z`);

/** A resolution by restoring the service with a configuration change. */
export const resolvedBy = (summary: string) => ({ type: 'resolve', criterion: 'serviceRestored', method: 'configurationChange', summary }) as const;
const resolve = resolvedBy('Fixed the DNS record.');

/**
 * A core on the manual clock with its reviews in memory, and what the datasets drive it with:
 * `to` moves the clock to an instant and waits for the runtime; `create` logs a case for a
 * customer (Acme unless named), `act` acts on one.
 */
export async function reportsDesk() {
  const reviewStore = createMemoryReviewStore();
  const booted = await boot({ extra: { reviewStore } });
  const { core, clock } = booted;
  const to = async (ms: number) => {
    clock.advance(ms - clock.now());
    await core.runtime.idle();
  };
  const create = (plan: string, severity: 'P1' | 'P2' | 'P3', title: string, customer = 'Acme') => core.handlers['cases.create']({ title, customer, plan, severity, description: '', reportedBy: '' });
  const act = (id: string, command: Parameters<(typeof core.handlers)['cases.act']>[0]['command']) => core.handlers['cases.act']({ id, command });
  return { ...booted, reviewStore, to, create, act };
}

/**
 * Three cases with known times, driven through the core on the manual clock (the expected
 * figures are worked out by hand in reports.test.ts):
 * - A, Premium P1 logged Thu 10:00 (escalated automatically), acknowledged 10:30, updated 11:00, resolved 11:50, feedback 5 at 12:15.
 * - B, Premium P2 logged Thu 10:00, acknowledged 13:00 (initial response due 12:00: breached), feedback 2 at 13:30, escalated to
 *   management at 13:30 on customer request, resolved 14:00, reopened 15:00, resolved again 16:00.
 * - C, Standard P3 logged Thu 10:00, acknowledged Fri 09:00 UTC.
 * Reviews: A's root cause "Configuration" + tag "dns", with an action item due Thu 26 done Thu 13:00 and one due Fri 27 open;
 * B's "Configuration" and "Capacity".
 */
export async function knownDataset() {
  const { reviewStore, to, create: createFor, act, ...booted } = await reportsDesk();
  const { core } = booted;
  await to(THU_10);
  const create = (plan: string, severity: 'P1' | 'P2' | 'P3', title: string) => createFor(plan, severity, title, plan === 'premium' ? 'Acme' : 'Globex');
  const a = (await create('premium', 'P1', 'Checkout down')).id;
  const b = (await create('premium', 'P2', 'Slow search')).id;
  const c = (await create('standard', 'P3', 'Report typo')).id;
  await to(at('10:30'));
  await act(a, acknowledge);
  await to(at('11:00'));
  await act(a, update());
  await to(at('11:50'));
  await act(a, resolve);
  await to(at('12:15'));
  await act(a, { type: 'recordFeedback', rating: 5, comment: 'great' });
  await to(at('13:00'));
  await act(b, acknowledge);
  const reviewA = await core.handlers['reviews.start']({ caseId: a });
  let version = reviewA.review!.version;
  const saved = await core.handlers['reviews.save']({
    caseId: a,
    baseVersion: version,
    changes: [
      { op: 'setRootCauseLabels', categories: ['Configuration'], tags: ['dns'] },
      { op: 'addActionItem', item: { id: 'item-1', title: 'Alert on DNS changes', owner: 'Ana', due: '2026-11-26', link: '' } },
      { op: 'addActionItem', item: { id: 'item-2', title: 'Document the DNS runbook', owner: 'Bo', due: '2026-11-27', link: '' } },
      { op: 'setActionItem', id: 'item-1', status: 'done' },
    ],
  });
  version = saved.version;
  await to(at('13:30'));
  await act(b, { type: 'recordFeedback', rating: 2, comment: 'slow to answer' });
  await act(b, { type: 'escalate', trigger: 'customerRequest', level: 'management', justification: 'The customer asked for a manager.' });
  await to(at('14:00'));
  await act(b, resolve);
  const reviewB = await core.handlers['reviews.start']({ caseId: b });
  await core.handlers['reviews.save']({ caseId: b, baseVersion: reviewB.review!.version, changes: [{ op: 'setRootCauseLabels', categories: ['Configuration', 'Capacity'], tags: [] }] });
  await to(at('15:00'));
  await act(b, { type: 'reopen', reason: 'It came back.' });
  await to(at('16:00'));
  await act(b, resolve);
  await to(at('09:00', '2026-11-27'));
  await act(c, acknowledge);
  await to(at('10:00', '2026-11-27'));
  return { ...booted, reviewStore, ids: { a, b, c } };
}
