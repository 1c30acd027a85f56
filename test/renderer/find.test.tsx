import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { caseRecord, renderApp, spokenText } from './render-app';

const ack = { type: 'acknowledged' as const, at: '2026-11-26T09:30:00.000Z', data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it' } };

const CASES = [
  caseRecord({ id: 'RD-1001', title: 'Login broken', customer: 'Acme', plan: 'standard', owner: 'Engineer' }),
  caseRecord({ id: 'RD-1002', title: 'Slow reports', customer: 'Globex', plan: 'premium', owner: 'Kim' }, [ack, { type: 'informationRequested', at: '2026-11-26T09:40:00.000Z', data: { text: 'Logs' } }]),
  caseRecord({ id: 'RD-1003', title: 'Export fails', customer: 'Initech', plan: 'standard', owner: 'Kim' }, [
    ack,
    { type: 'escalated', at: '2026-11-26T09:45:00.000Z', data: { trigger: 'businessImpact', level: 'seniorEngineering', justification: 'Payroll run' } },
  ]),
];

async function shownIds() {
  const table = await screen.findByRole('table', { name: 'P3 Medium queue' });
  return within(table).getAllByRole('row').slice(1).map((row) => spokenText(within(row).getAllByRole('cell')[0]!));
}

describe('finding and moving through cases', () => {
  it.each([
    ['Owner', 'Mine (Engineer)', ['RD-1001']],
    ['Plan', 'Premium', ['RD-1002']],
    ['Status', 'Waiting on customer', ['RD-1002']],
    ['Status', 'Escalated', ['RD-1003']],
    ['Status', 'New', ['RD-1001']],
  ])('the %s filter "%s" keeps only the matching cases', async (filter, option, expected) => {
    const user = userEvent.setup();
    renderApp({ cases: CASES });
    expect(await shownIds()).toHaveLength(3);
    await user.selectOptions(screen.getByRole('combobox', { name: filter }), option);
    expect(await shownIds()).toEqual(expected);
  });

  it('filters by customer and searches across id, title and customer', async () => {
    const user = userEvent.setup();
    renderApp({ cases: CASES });
    const search = await screen.findByRole('searchbox', { name: 'Search' });
    await user.type(search, 'export');
    expect(await shownIds()).toEqual(['RD-1003']);
    await user.clear(search);
    await user.type(search, '1002');
    expect(await shownIds()).toEqual(['RD-1002']);
    await user.clear(search);
    await user.type(within(screen.getByRole('search', { name: 'Find cases' })).getByRole('textbox', { name: 'Customer' }), 'acm');
    expect(await shownIds()).toEqual(['RD-1001']);
  });

  it('says what to do when no case matches', async () => {
    const user = userEvent.setup();
    renderApp({ cases: CASES });
    await user.type(await screen.findByRole('searchbox', { name: 'Search' }), 'nothing like this');
    expect(screen.getByText(/No cases in P3 Medium match\. .*clear the filters/)).toBeInTheDocument();
  });

  it('moves with j/k and the arrows, and opens the case under the cursor with Enter', async () => {
    const user = userEvent.setup();
    renderApp({ cases: CASES });
    const table = await screen.findByRole('table', { name: 'P3 Medium queue' });
    await user.keyboard('j');
    await user.keyboard('{ArrowDown}');
    await user.keyboard('j');
    await user.keyboard('k');
    const selected = within(table).getAllByRole('row').filter((row) => row.getAttribute('aria-selected') === 'true');
    expect(selected.map((row) => spokenText(within(row).getAllByRole('cell')[0]!))).toHaveLength(1);
    const selectedId = spokenText(within(selected[0]!).getAllByRole('cell')[0]!);
    expect(selectedId).toBe((await shownIds())[1]);
    await user.keyboard('{Enter}');
    expect(screen.getByRole('complementary', { name: new RegExp(selectedId) })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
  });

  it('/ focuses the search, and typing there does not trigger shortcuts', async () => {
    const user = userEvent.setup();
    renderApp({ cases: CASES });
    const search = await screen.findByRole('searchbox', { name: 'Search' });
    expect(search).toHaveAttribute('aria-keyshortcuts', '/');
    await user.keyboard('/');
    expect(search).toHaveFocus();
    await user.keyboard('n');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(search).toHaveValue('n');
  });

  it('names each shortcut in the tooltip and in aria-keyshortcuts', async () => {
    renderApp({ cases: CASES });
    const newCase = await screen.findByRole('button', { name: 'New case' });
    expect(newCase).toHaveAttribute('title', 'New case (N)');
    expect(newCase).toHaveAttribute('aria-keyshortcuts', 'N');
    expect(screen.getByRole('button', { name: 'Deadlines' })).toHaveAttribute('aria-keyshortcuts', 'd');
  });
});
