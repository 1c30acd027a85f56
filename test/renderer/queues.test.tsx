import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { caseRecord, NOW, renderApp, spokenText } from './render-app';

const minutesBefore = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();
/** Premium P1: initial response due one hour (24x7) after logging; lead time 15 minutes. */
const premiumP1 = (id: string, loggedMinutesAgo: number, extra: { title?: string; owner?: string } = {}) =>
  caseRecord({ id, severity: 'P1', plan: 'premium', loggedAt: minutesBefore(loggedMinutesAgo), ...extra });

function rowsOf(table: HTMLElement) {
  return within(table).getAllByRole('row').slice(1);
}

function cellTexts(table: HTMLElement, column: number) {
  return rowsOf(table).map((row) => spokenText(within(row).getAllByRole('cell')[column]!));
}

describe('queues by severity', () => {
  it('shows four queues headed P1 Critical to P4 Low, each with its count of open and of overdue cases', async () => {
    renderApp({
      cases: [
        premiumP1('RD-1001', 120),
        premiumP1('RD-1002', 10),
        caseRecord({ id: 'RD-1003', severity: 'P3' }),
        caseRecord({ id: 'RD-1004', severity: 'P4' }, [
          { type: 'acknowledged', at: minutesBefore(50), data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it' } },
          { type: 'resolved', at: minutesBefore(40), data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed' } },
          { type: 'closed', at: minutesBefore(30), data: { customerConfirmation: '' } },
        ]),
      ],
    });
    const tabs = await screen.findByRole('tablist', { name: 'Queues by severity' });
    const names = within(tabs).getAllByRole('tab').map(spokenText);
    expect(names).toEqual(['P1 Critical2 open1 overdue', 'P2 High0 open0 overdue', 'P3 Medium1 open0 overdue', 'P4 Low0 open0 overdue']);
    expect(screen.getByRole('heading', { name: 'P1 Critical' })).toBeInTheDocument();
  });

  it('orders a queue by the nearest due clock and shows each row\'s id, title, customer, plan, status, owner and clock', async () => {
    renderApp({ cases: [premiumP1('RD-1001', 5, { title: 'Later' }), premiumP1('RD-1002', 70, { title: 'Overdue' }), premiumP1('RD-1003', 50, { title: 'Soon' })] });
    const table = await screen.findByRole('table', { name: 'P1 Critical queue' });
    expect(cellTexts(table, 0)).toEqual(['RD-1002', 'RD-1003', 'RD-1001']);
    const [first] = rowsOf(table);
    const cells = within(first!).getAllByRole('cell').map(spokenText);
    expect(cells.slice(0, 7)).toEqual(['RD-1002', 'P1 Critical', 'Overdue', 'Acme', 'Premium', 'New', 'Engineer']);
    expect(cells[7]).toMatch(/^\w{3} \d{1,2} \w{3}, \d{2}:\d{2} · Initial response$/);
    expect(cellTexts(table, 8)).toEqual(['Overdue', 'Due soon', 'Running']);
    expect(cellTexts(table, 9)).toEqual(['10m 00s overdue', 'in 10m 00s', 'in 55m 00s']);
  });

  it('marks an escalated case on its row with its level, in words for screen readers and on hover, not colour alone', async () => {
    const escalated = (id: string, level: 'seniorEngineering' | 'management') =>
      caseRecord({ id, severity: 'P2', plan: 'premium', title: `Case ${id}`, loggedAt: minutesBefore(30) }, [
        { type: 'escalated', at: minutesBefore(20), data: { trigger: 'customerRequest', level, justification: 'Customer asked' } },
      ]);
    renderApp({ cases: [escalated('RD-1001', 'seniorEngineering'), escalated('RD-1002', 'management'), caseRecord({ id: 'RD-1003', severity: 'P2', plan: 'premium', title: 'Case RD-1003' })] });
    const table = await screen.findByRole('table', { name: 'P2 High queue' });
    const titleCell = (id: string) => within(within(table).getByRole('row', { name: new RegExp(id) })).getAllByRole('cell')[2]!;
    expect(spokenText(titleCell('RD-1001'))).toBe('Escalated to senior engineering: Case RD-1001');
    expect(spokenText(titleCell('RD-1002'))).toBe('Escalated to management: Case RD-1002');
    expect(spokenText(titleCell('RD-1003'))).toBe('Case RD-1003');
    // What the eye finds: one arrow, two arrows, and the words on hover.
    const marker = (id: string) => titleCell(id).querySelector('.escalation-marker')!;
    expect(marker('RD-1001').textContent).toMatch(/^⇑(?!⇑)/);
    expect(marker('RD-1002').textContent).toMatch(/^⇑⇑/);
    expect(marker('RD-1002')).toHaveAttribute('title', 'Escalated to management');
  });

  it('shows a clock waiting on the customer as paused', async () => {
    renderApp({
      cases: [
        caseRecord({ id: 'RD-1001', severity: 'P2', plan: 'premium', loggedAt: minutesBefore(60) }, [
          { type: 'acknowledged', at: minutesBefore(50), data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: true, nextStepsOutlined: true }, response: 'Looking' } },
          { type: 'informationRequested', at: minutesBefore(40), data: { text: 'Logs please' } },
        ]),
      ],
    });
    const table = await screen.findByRole('table', { name: 'P2 High queue' });
    expect(cellTexts(table, 5)).toEqual(['Waiting on customer']);
    expect(cellTexts(table, 8)).toEqual(['Paused']);
    expect(cellTexts(table, 9)).toEqual(['waiting on customer']);
  });

  it('moves every countdown from the one shared clock', async () => {
    const { stores } = renderApp({ cases: [premiumP1('RD-1001', 30), premiumP1('RD-1002', 40)] });
    const table = await screen.findByRole('table', { name: 'P1 Critical queue' });
    expect(cellTexts(table, 9)).toEqual(['in 20m 00s', 'in 30m 00s']);
    act(() => stores.now.getState().set(Date.parse(NOW) + 21 * 60_000));
    expect(cellTexts(table, 9)).toEqual(['1m 00s overdue', 'in 9m 00s']);
    expect(cellTexts(table, 8)).toEqual(['Overdue', 'Due soon']);
    expect(screen.getByRole('tab', { name: /^P1 Critical/ })).toHaveTextContent('1 overdue');
  });

  it('reorders when a pushed change moves a case\'s due time, patching only that case', async () => {
    const first = premiumP1('RD-1001', 50, { title: 'First' });
    const second = premiumP1('RD-1002', 20, { title: 'Second' });
    const { fake, stores } = renderApp({ cases: [first, second] });
    const table = await screen.findByRole('table', { name: 'P1 Critical queue' });
    expect(cellTexts(table, 0)).toEqual(['RD-1001', 'RD-1002']);
    const acknowledged = caseRecord({ id: 'RD-1001', severity: 'P1', plan: 'premium', loggedAt: minutesBefore(50), title: 'First' }, [
      { type: 'acknowledged', at: NOW, data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it' } },
    ]);
    act(() => fake.push('cases.changed', { record: acknowledged }));
    expect(cellTexts(table, 0)).toEqual(['RD-1002', 'RD-1001']);
    expect(stores.cases.getState().byId.get('RD-1002')).toBe(second);
  });

  it('switches queues by tab and by the keys 1 to 4', async () => {
    const user = userEvent.setup();
    renderApp({ cases: [premiumP1('RD-1001', 5), caseRecord({ id: 'RD-1002', severity: 'P4', title: 'Docs question' })] });
    await user.click(await screen.findByRole('tab', { name: /^P4 Low/ }));
    expect(within(screen.getByRole('table', { name: 'P4 Low queue' })).getByRole('cell', { name: 'Docs question' })).toBeInTheDocument();
    await user.keyboard('1');
    expect(screen.getByRole('table', { name: 'P1 Critical queue' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: /^P4 Low/ })).toHaveAttribute('aria-keyshortcuts', '4');
  });

  it('keeps every queue mounted but shows one tab panel; a hidden queue is out of the accessibility tree and answers no keys', async () => {
    const user = userEvent.setup();
    const { stores } = renderApp({ cases: [premiumP1('RD-1001', 5), premiumP1('RD-1002', 10), caseRecord({ id: 'RD-1003', severity: 'P4', title: 'Docs question' })] });
    await screen.findByRole('table', { name: 'P1 Critical queue' });
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
    expect(screen.getByRole('tab', { name: /^P1 Critical/ })).toHaveAttribute('aria-controls', screen.getByRole('tabpanel').id);
    expect(screen.queryByRole('cell', { name: 'Docs question' })).not.toBeInTheDocument();
    expect(document.querySelectorAll('[role="tabpanel"][hidden][aria-hidden="true"]')).toHaveLength(3);
    await user.keyboard('j');
    expect(stores.ui.getState().cursorId).toBe('RD-1002');
    await user.keyboard('4');
    expect(screen.getAllByRole('tabpanel')).toHaveLength(1);
    expect(screen.queryByRole('table', { name: 'P1 Critical queue' })).not.toBeInTheDocument();
    await user.keyboard('j');
    expect(stores.ui.getState().cursorId).toBe('RD-1003');
  });

  it('a hidden queue\'s countdowns stand still and catch up when it is shown again', async () => {
    const user = userEvent.setup();
    const { stores } = renderApp({ cases: [premiumP1('RD-1001', 40), caseRecord({ id: 'RD-1002', severity: 'P4' })] });
    const table = await screen.findByRole('table', { name: 'P1 Critical queue' });
    expect(cellTexts(table, 9)).toEqual(['in 20m 00s']);
    await user.keyboard('4');
    act(() => stores.now.getState().set(Date.parse(NOW) + 21 * 60_000));
    expect(spokenText(table.querySelector('.col-countdown:not([role="columnheader"])')!)).toBe('in 20m 00s');
    await user.keyboard('1');
    expect(cellTexts(table, 9)).toEqual(['1m 00s overdue']);
    expect(cellTexts(table, 8)).toEqual(['Overdue']);
  });

  it('does not list closed cases', async () => {
    renderApp({
      cases: [
        caseRecord({ id: 'RD-1001', severity: 'P3', title: 'Done' }, [
          { type: 'acknowledged', at: NOW, data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'ok' } },
          { type: 'resolved', at: NOW, data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed' } },
          { type: 'closed', at: NOW, data: { customerConfirmation: 'yes' } },
        ]),
      ],
    });
    expect(await screen.findByText(/No cases in P1 Critical match/)).toBeInTheDocument();
    expect(screen.queryByRole('cell', { name: 'Done' })).not.toBeInTheDocument();
  });
});
