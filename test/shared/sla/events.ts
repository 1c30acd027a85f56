import type { CaseEvent, CaseEventType, EventData, Severity } from '../../../src-shared/domain';

/** A tiny timeline builder: each call appends one event at the given instant. */
export function timeline(plan: string, severity: Severity, loggedAt: string) {
  const events: CaseEvent[] = [];
  const add = <T extends CaseEventType>(type: T, at: string, data: EventData<T>) => {
    const seq = events.length + 1;
    events.push({ id: `RD-1#${seq}`, seq, at, recordedAt: at, actor: 'ana', type, data } as CaseEvent);
    return api;
  };
  const api = {
    events,
    ack: (at: string) => add('acknowledged', at, { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'on it' }),
    update: (at: string) => add('customerUpdatePosted', at, { channel: 'portal', text: 'progress' }),
    ask: (at: string) => add('informationRequested', at, { text: 'logs please' }),
    reply: (at: string) => add('customerReplied', at, { text: 'here' }),
    severity: (at: string, from: Severity, to: Severity) => add('severityAdjusted', at, { from, to, reason: 'impact changed', businessImpact: '' }),
    resolve: (at: string) => add('resolved', at, { criterion: 'serviceRestored', method: 'bugFix', summary: 'fixed' }),
    close: (at: string) => add('closed', at, { customerConfirmation: '' }),
    reopen: (at: string) => add('reopened', at, { reason: 'came back' }),
  };
  add('logged', loggedAt, { title: 'Checkout down', customer: 'ACME', plan, severity, severityDefaulted: false, description: '', reportedBy: '', owner: '' });
  return api;
}
