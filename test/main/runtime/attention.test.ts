import type { CaseEvent, CaseRecord, Severity } from '../../../src-shared/domain';
import { DEFAULT_POLICY } from '../../../src-shared/sla';
import { attentionOf } from '../../../src-main/core/runtime';
import { acknowledge, boot, HOUR, MINUTE, T0 } from './boot';

const NOW = Date.parse(T0);
const iso = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

function record(n: number, severity: Severity, loggedOffsetMs: number, more: Array<Pick<CaseEvent, 'type' | 'data'>> = []): CaseRecord {
  const id = `RD-${n}`;
  const at = iso(loggedOffsetMs);
  const envelope = (seq: number) => ({ id: `${id}#${seq}`, seq, at, recordedAt: at, actor: 'ana' });
  return {
    id,
    events: [
      { ...envelope(1), type: 'logged', data: { title: `Case ${n}`, customer: 'Acme', plan: 'premium', severity, severityDefaulted: false, description: '', reportedBy: '', owner: 'ana' } },
      ...more.map((event, i) => ({ ...envelope(i + 2), ...event }) as CaseEvent),
    ],
  };
}

describe('what needs attention (tray and badge)', () => {
  it('counts the overdue initial responses and customer updates', () => {
    const records = [
      record(1, 'P1', -2 * HOUR), // due 1 h ago
      record(2, 'P2', -3 * HOUR), // due 1 h ago
      record(3, 'P3', -HOUR), // due in 3 h
    ];
    expect(attentionOf(records, DEFAULT_POLICY, NOW).overdueCount).toBe(2);
  });

  it('lists the five most urgent items, the earliest due first', () => {
    const records = [1, 2, 3, 4, 5, 6, 7].map((n) => record(n, 'P1', -n * 10 * MINUTE));
    const { urgent } = attentionOf(records, DEFAULT_POLICY, NOW);
    expect(urgent.map((item) => item.caseId)).toEqual(['RD-7', 'RD-6', 'RD-5', 'RD-4', 'RD-3']);
    expect(urgent[0]).toEqual({ caseId: 'RD-7', title: 'Case 7', severity: 'P1', due: 'initialResponse', dueAt: iso(-10 * MINUTE), overdue: true });
    expect(urgent[4]).toMatchObject({ caseId: 'RD-3', overdue: false });
  });

  it('lists the customer update once the case is acknowledged, and nothing for a resolved case', () => {
    const acknowledged = record(1, 'P1', -30 * MINUTE, [{ type: 'acknowledged', data: { checklist: acknowledge.checklist, response: 'On it.' } }]);
    const resolved = record(2, 'P1', -30 * MINUTE, [
      { type: 'acknowledged', data: { checklist: acknowledge.checklist, response: 'On it.' } },
      { type: 'resolved', data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed.' } },
    ]);
    const { urgent } = attentionOf([acknowledged, resolved], DEFAULT_POLICY, NOW);
    expect(urgent.map((item) => [item.caseId, item.due, item.dueAt])).toEqual([['RD-1', 'customerUpdate', iso(30 * MINUTE)]]);
  });

  it('tells listeners when a deadline passes, even for a snoozed case', async () => {
    const { core, advance, logCase } = await boot();
    const counts: number[] = [];
    core.runtime.onAttention((attention) => counts.push(attention.overdueCount));
    const id = await logCase('premium', 'P1');
    await core.handlers['runtime.snooze']({ caseId: id, minutes: 240 });
    await advance(HOUR);
    expect(counts.at(-1)).toBe(1);
    expect((await core.handlers['runtime.status']({})).urgent.map((item) => [item.caseId, item.overdue])).toEqual([[id, true]]);
  });
});
