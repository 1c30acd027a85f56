import { foldCase, type CaseRecord } from '../../../src-shared/domain';
import { caseNotification, summaryNotification } from '../../../src-main/core/runtime/notification-text';
import { NO_RAW_WORDS, rawWordsIn } from '../../human-words';
import { HOUR, MINUTE, T0, boot } from './boot';

const now = Date.parse(T0);

function state(plan = 'premium') {
  const record: CaseRecord = {
    id: 'RD-1001',
    events: [
      {
        id: 'RD-1001#1',
        seq: 1,
        at: T0,
        recordedAt: T0,
        actor: 'Ana',
        type: 'logged',
        data: { title: 'Payments down', customer: 'Acme', plan, severity: 'P1', severityDefaulted: false, description: '', reportedBy: '', owner: 'Ana' },
      },
    ],
  };
  return foldCase(record);
}

describe('notifications in words', () => {
  it.each([
    [{ kind: 'initialResponseDueSoon', dueAt: now + 15 * MINUTE } as const, 'Initial response due in 15 minutes.'],
    [{ kind: 'updateDueSoon', dueAt: now + HOUR + MINUTE } as const, 'Customer update due in 1 hour 1 minute.'],
    [{ kind: 'initialResponseOverdue', dueAt: now } as const, 'Initial response is due now.'],
    [{ kind: 'initialResponseOverdue', dueAt: now - 30_000 } as const, 'Initial response is due now.'],
    [{ kind: 'updateOverdue', dueAt: now - MINUTE } as const, 'Customer update overdue by 1 minute.'],
    [{ kind: 'updateOverdue', dueAt: now - 26 * HOUR } as const, 'Customer update overdue by 1 day 2 hours.'],
    [{ kind: 'escalated', level: 'seniorEngineering', reason: 'automatic' } as const, 'Escalated to senior engineering automatically under the Premium plan.'],
    [{ kind: 'escalated', level: 'management', reason: 'lackOfProgress' } as const, 'Escalated to management for lack of progress.'],
    [{ kind: 'actionItemDue', title: 'Add a pool alert', dueAt: now } as const, 'Review action item due: Add a pool alert.'],
  ])('%o reads "%s", with no code, id or ISO time', (subject, body) => {
    const note = caseNotification(state(), subject, now, 'n-1', 'Premium');
    expect(note.body).toBe(body);
    expect(rawWordsIn(`${note.title}\n${note.body}`)).toEqual(NO_RAW_WORDS);
  });

  it('counts a summary with the right plural', () => {
    const one = caseNotification(state(), { kind: 'updateOverdue', dueAt: now - HOUR }, now, 'n-1', 'Premium');
    expect(summaryNotification([one, one, one, one], now, 'n-2').title).toBe('4 things need attention (worst: P1 Critical)');
    expect(summaryNotification([one], now, 'n-3').title).toBe('1 thing needs attention (worst: P1 Critical)');
  });

  it('names the plan, not its id, in what the runtime delivers', async () => {
    const { logCase, shown } = await boot();
    await logCase('premium', 'P1', 'Checkout down');
    expect(shown.map((n) => n.body)).toEqual(['Escalated to senior engineering automatically under the Premium plan.']);
    expect(shown.every((n) => rawWordsIn(`${n.title}\n${n.body}`).camelCase.length === 0)).toBe(true);
  });
});
