import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DeadlineList, type DeadlineItem } from '../../src-renderer/features/deadlines';
import { DeskProvider, createDeskStores, createNowStore } from '../../src-renderer/state';
import { caseRecord, NOW, renderApp, spokenText } from './render-app';
import { createFakeDesk } from './fake-desk';

const minutesBefore = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();
const ACK_AT = (at: string) => ({ type: 'acknowledged' as const, at, data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it' } });

function owedRows() {
  const table = screen.getByRole('table', { name: 'Deadlines' });
  return within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map(spokenText));
}

describe('update deadlines', () => {
  it('lists everything owed across all cases in time order, overdue first', async () => {
    const user = userEvent.setup();
    renderApp({
      cases: [
        caseRecord({ id: 'RD-1001', plan: 'premium', severity: 'P1', loggedAt: minutesBefore(30) }),
        caseRecord({ id: 'RD-1002', plan: 'premium', severity: 'P2', loggedAt: minutesBefore(300) }, [ACK_AT(minutesBefore(290))]),
        caseRecord({ id: 'RD-1003', plan: 'premium', severity: 'P1', loggedAt: minutesBefore(90) }),
      ],
    });
    await user.click(await screen.findByRole('button', { name: 'Deadlines' }));
    expect(owedRows().map((row) => [row[1], row[2], row[6]])).toEqual([
      ['Customer update', 'RD-1002', 'Overdue'],
      ['Initial response', 'RD-1003', 'Overdue'],
      ['Initial response', 'RD-1001', 'Running'],
      ['Escalation for lack of progress', 'RD-1002', 'Running'],
    ]);
  });

  it('merges items from other sources, such as review action items, into the same order', () => {
    const fake = createFakeDesk({});
    const stores = createDeskStores(fake.desk, createNowStore(Date.parse(NOW)));
    const item = (key: string, dueAt: string | null, label: string): DeadlineItem => ({ key, kind: 'reviewActionItem', label, caseId: 'RD-1001', caseTitle: 'Outage', customer: 'Acme', severity: 'P1', dueAt });
    render(
      <DeskProvider stores={stores}>
        <DeadlineList sources={[[item('b', '2026-11-27T10:00:00.000Z', 'Add gateway alert')], [item('a', '2026-11-26T12:00:00.000Z', 'Write runbook'), item('c', null, 'Waiting item')]]} />
      </DeskProvider>,
    );
    expect(owedRows().map((row) => row[1])).toEqual(['Write runbook', 'Add gateway alert', 'Waiting item']);
    expect(owedRows()[2]![0]).toBe('Paused');
  });

  it('says so when nothing is owed', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(await screen.findByRole('button', { name: 'Deadlines' }));
    expect(screen.getByText(/Nothing is owed/)).toBeInTheDocument();
  });
});
