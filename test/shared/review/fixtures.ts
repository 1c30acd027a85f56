import type { CaseEvent, CaseEventType, CaseRecord, EventData, Severity } from '../../../src-shared/domain';

/** A case timeline built one event at a time, each at the given instant. */
export function caseOf(id: string, plan: string, severity: Severity, loggedAt: string) {
  const events: CaseEvent[] = [];
  const add = <T extends CaseEventType>(type: T, at: string, data: EventData<T>, actor = 'ana') => {
    const seq = events.length + 1;
    events.push({ id: `${id}#${seq}`, seq, at, recordedAt: at, actor, type, data } as CaseEvent);
    return api;
  };
  const api = {
    events,
    record: (): CaseRecord => ({ id, events: [...events] }),
    ack: (at: string) => add('acknowledged', at, { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'Investigating the 502s' }),
    update: (at: string, text = 'Rolling back the deploy') => add('customerUpdatePosted', at, { channel: 'portal', text }),
    note: (at: string, text: string) => add('noteAdded', at, { text }),
    escalate: (at: string) => add('escalated', at, { trigger: 'businessImpact', level: 'seniorEngineering', justification: 'payments down' }, 'bo'),
    workaround: (at: string) => add('workaroundProvided', at, { text: 'Route traffic to the standby' }),
    resolve: (at: string) => add('resolved', at, { criterion: 'serviceRestored', method: 'bugFix', summary: 'Connection pool fixed' }),
    reopen: (at: string) => add('reopened', at, { reason: 'came back' }),
  };
  add('logged', loggedAt, { title: 'Payments API returns 502', customer: 'Acme Bank', plan, severity, severityDefaulted: false, description: '', reportedBy: '', owner: 'ana' });
  return api;
}

export const ctx = { nowIso: '2026-11-30T10:00:00.000Z', actor: 'ana' };

/** Standard P1 on the Berlin business calendar, logged Thu 2026-11-26 10:00 Berlin, resolved 13:00 Berlin. */
export function resolvedP1() {
  return caseOf('RD-1001', 'standard', 'P1', '2026-11-26T09:00:00.000Z')
    .ack('2026-11-26T09:10:00.000Z')
    .escalate('2026-11-26T09:20:00.000Z')
    .workaround('2026-11-26T10:30:00.000Z')
    .update('2026-11-26T11:00:00.000Z')
    .resolve('2026-11-26T12:00:00.000Z');
}
