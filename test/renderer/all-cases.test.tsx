import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CaseCatalog } from '../../src-main/core/cases/case-catalog';
import { caseQuerySchema, type CaseQueryInput } from '../../src-shared/contract';
import { summaryOf, type CaseRecord } from '../../src-shared/domain';
import { caseRecord, renderApp, spokenText } from './render-app';

const ACK = { type: 'acknowledged' as const, at: '2026-11-26T09:30:00.000Z', data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it' } };
const RESOLVED = { type: 'resolved' as const, at: '2026-11-20T11:00:00.000Z', data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed.' } };
const CLOSED = { type: 'closed' as const, at: '2026-11-20T12:00:00.000Z', data: { customerConfirmation: 'Confirmed.' } };

const closedCase = (id: string, title: string, customer: string) =>
  caseRecord({ id, title, customer, loggedAt: '2026-11-20T09:00:00.000Z' }, [{ ...ACK, at: '2026-11-20T09:30:00.000Z' }, RESOLVED, CLOSED]);

const OPEN = [
  caseRecord({ id: 'RD-1003', title: 'Login broken', customer: 'Acme', severity: 'P1' }),
  caseRecord({ id: 'RD-1004', title: 'Slow reports', customer: 'Globex', severity: 'P3' }, [ACK]),
  caseRecord({ id: 'RD-1005', title: 'Export fails for Acme payroll', customer: 'Initech', severity: 'P3' }),
];
const CLOSED_CASES = [closedCase('RD-1001', 'Invoices export times out', 'Acme'), closedCase('RD-1002', 'Dashboard blank', 'Globex')];

/** The core's own catalog answers cases.query over the given cases; cases.get answers by id; cases.act reopens. */
function renderWithHistory(records: CaseRecord[] = [...CLOSED_CASES, ...OPEN], open: CaseRecord[] = OPEN) {
  const catalog = new CaseCatalog();
  for (const record of records) catalog.upsert(summaryOf(record));
  const byId = new Map(records.map((record) => [record.id, record]));
  return renderApp({
    cases: open,
    handlers: {
      'cases.query': (input: CaseQueryInput) => ({ ok: true, value: catalog.query(caseQuerySchema.parse(input)) }),
      'cases.get': ({ id }: { id: string }) => {
        const record = byId.get(id);
        return record ? { ok: true, value: record } : { ok: false, error: { code: 'NOT_FOUND', message: `Case ${id} was not found.` } };
      },
      'cases.act': ({ id }: { id: string }) => {
        const record = byId.get(id)!;
        const reopened = { ...record, events: [...record.events, { id: `${id}#${record.events.length + 1}`, seq: record.events.length + 1, at: '2026-11-26T10:00:00.000Z', recordedAt: '2026-11-26T10:00:00.000Z', actor: 'Engineer', type: 'reopened', data: { reason: 'Back again' } } as CaseRecord['events'][number]] };
        byId.set(id, reopened);
        catalog.upsert(summaryOf(reopened));
        return { ok: true, value: reopened };
      },
    },
  });
}

async function showAllCases(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'All cases' }));
  return screen.findByRole('table', { name: 'All cases' });
}

/** The ids on screen once the table shows the answer to the latest query (a new query draws a new table). */
async function rowIds(): Promise<string[]> {
  await waitFor(() => expect(screen.getByRole('table', { name: 'All cases' })).toHaveAttribute('aria-busy', 'false'));
  const table = screen.getByRole('table', { name: 'All cases' });
  return within(table).getAllByRole('row').slice(1).map((row) => spokenText(within(row).getAllByRole('cell')[0]!));
}

const queries = (calls: Array<{ name: string; input: unknown }>) => calls.filter((call) => call.name === 'cases.query').map((call) => call.input as CaseQueryInput);

// A person's pace through several views; the machine's load, not the console, sets how long that takes.
describe('All cases', { timeout: 30_000 }, () => {
  it('lists open and closed cases together, most recently updated first, with their total', async () => {
    const user = userEvent.setup();
    renderWithHistory();
    const table = await showAllCases(user);
    expect(screen.getByRole('button', { name: 'All cases' })).toHaveAttribute('aria-current', 'page');
    expect(await rowIds()).toEqual(['RD-1004', 'RD-1005', 'RD-1003', 'RD-1002', 'RD-1001']);
    expect(screen.getByText('5 cases, open and closed')).toBeInTheDocument();
    const closedRow = within(table).getAllByRole('row').find((row) => row.textContent?.includes('RD-1001'))!;
    expect(within(closedRow).getByText('Closed')).toBeInTheDocument();
    expect(within(table).getAllByRole('columnheader').map((header) => spokenText(header))).toEqual(['Id', 'Severity', 'Title', 'Customer', 'Plan', 'Status', 'Owner', 'Logged', 'Updated']);
  });

  it('searches id, title and customer, and filters by status, severity and customer', async () => {
    const user = userEvent.setup();
    renderWithHistory();
    await showAllCases(user);
    const search = screen.getByRole('searchbox', { name: 'Search' });
    await user.type(search, 'acme');
    expect(await rowIds()).toEqual(['RD-1005', 'RD-1003', 'RD-1001']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Closed');
    expect(await rowIds()).toEqual(['RD-1001']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Open (not closed)');
    expect(await rowIds()).toEqual(['RD-1005', 'RD-1003']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Severity' }), 'P1 Critical');
    expect(await rowIds()).toEqual(['RD-1003']);
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await user.type(screen.getByRole('textbox', { name: 'Customer' }), 'globex');
    expect(await rowIds()).toEqual(['RD-1004', 'RD-1002']);
    await user.clear(screen.getByRole('textbox', { name: 'Customer' }));
    await user.type(search, 'nothing like it');
    expect(await screen.findByText(/No case matches\./)).toBeInTheDocument();
  });

  it('orders by a column, and the same column again turns the order around', async () => {
    const user = userEvent.setup();
    renderWithHistory();
    const table = await showAllCases(user);
    await user.click(within(table).getByRole('button', { name: 'Title' }));
    expect(await rowIds()).toEqual(['RD-1002', 'RD-1005', 'RD-1001', 'RD-1003', 'RD-1004']);
    expect(within(screen.getByRole('table', { name: 'All cases' })).getByRole('columnheader', { name: /Title/ })).toHaveAttribute('aria-sort', 'ascending');
    await user.click(within(screen.getByRole('table', { name: 'All cases' })).getByRole('button', { name: 'Title' }));
    expect(await rowIds()).toEqual(['RD-1004', 'RD-1003', 'RD-1001', 'RD-1005', 'RD-1002']);
    expect(within(screen.getByRole('table', { name: 'All cases' })).getByRole('columnheader', { name: /Title/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('opens a closed case in its panel with Reopen and Record feedback; after Reopen it is back in its queue', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithHistory();
    await showAllCases(user);
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'invoices');
    expect(await rowIds()).toEqual(['RD-1001']);
    await user.click(screen.getByRole('cell', { name: 'RD-1001' }));
    const panel = await screen.findByRole('complementary', { name: /RD-1001/ });
    expect(fake.calls.some((call) => call.name === 'cases.get')).toBe(true);
    expect(within(panel).getByText('Status').nextElementSibling).toHaveTextContent('Closed');
    expect(within(panel).getByRole('button', { name: 'Reopen' })).toBeEnabled();
    expect(within(panel).getByRole('button', { name: 'Record feedback' })).toBeEnabled();
    await user.click(within(panel).getByRole('button', { name: 'Reopen' }));
    const dialog = screen.getByRole('dialog', { name: 'Reopen' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Back again');
    await user.click(within(dialog).getByRole('button', { name: 'Reopen case' }));
    await waitFor(() => expect(within(panel).getByText('Investigating')).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Queues' }));
    await user.keyboard('3');
    expect(within(await screen.findByRole('table', { name: 'P3 Medium queue' })).getByRole('cell', { name: 'RD-1001' })).toBeInTheDocument();
  });

  it('a customer\'s name, in the case panel and in the rows, opens All cases filtered to that customer', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithHistory();
    await user.click(await screen.findByRole('cell', { name: 'RD-1003' }));
    const panel = screen.getByRole('complementary', { name: /RD-1003/ });
    await user.click(within(panel).getByRole('button', { name: 'Acme' }));
    expect(screen.getByRole('button', { name: 'All cases' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('textbox', { name: 'Customer' })).toHaveValue('Acme');
    expect(await rowIds()).toEqual(['RD-1003', 'RD-1001']);
    expect(queries(fake.calls).at(-1)).toMatchObject({ text: '', filters: { customer: 'Acme' } });
    // From a row of All cases: the row's own click (open the case) does not happen.
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(await rowIds()).toHaveLength(5);
    const row = within(screen.getByRole('table', { name: 'All cases' })).getAllByRole('row')[1]!;
    expect(spokenText(within(row).getAllByRole('cell')[0]!)).toBe('RD-1004');
    await user.click(within(row).getByRole('button', { name: 'Globex' }));
    expect(screen.queryByRole('complementary', { name: /RD-1004/ })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Customer' })).toHaveValue('Globex');
    expect(await rowIds()).toEqual(['RD-1004', 'RD-1002']);
  });

  it('Clear puts the owner filter back on Anyone, also after another name was typed', async () => {
    const user = userEvent.setup();
    const { fake } = renderWithHistory();
    await showAllCases(user);
    const owner = screen.getByRole('combobox', { name: 'Owner' });
    await user.selectOptions(owner, 'Another name…');
    await user.type(screen.getByRole('textbox', { name: "Owner's name" }), 'Kim');
    await waitFor(() => expect(queries(fake.calls).at(-1)).toMatchObject({ filters: { owner: 'Kim' } }));
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveDisplayValue('Anyone');
    expect(screen.queryByRole('textbox', { name: "Owner's name" })).not.toBeInTheDocument();
    expect(await rowIds()).toHaveLength(5);
    // "Another name…" chosen and nothing typed yet is a filter too: Clear can be pressed and puts Anyone back.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Owner' }), 'Another name…');
    expect(screen.getByRole('textbox', { name: "Owner's name" })).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveDisplayValue('Anyone');
    expect(screen.queryByRole('textbox', { name: "Owner's name" })).not.toBeInTheDocument();
  });

  it('asks the core for one page at a time and renders only the rows in view', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 1_000 }, (_, i) => closedCase(`RD-${2001 + i}`, `Old case ${i}`, `Customer ${i % 40}`));
    const { fake } = renderWithHistory([...many, ...OPEN]);
    const table = await showAllCases(user);
    await rowIds();
    expect(table).toHaveAttribute('aria-rowcount', String(1_003 + 1));
    expect(screen.getByText('1003 cases, open and closed')).toBeInTheDocument();
    const rendered = within(table).getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(60);
    const asked = queries(fake.calls);
    expect(asked.every((query) => (query.limit ?? 0) <= 100)).toBe(true);
    expect(Math.max(...asked.map((query) => query.offset ?? 0))).toBeLessThanOrEqual(100);
  });
});

describe('search in Queues', { timeout: 30_000 }, () => {
  it('says which queues hold the matches, and a match\'s chip shows its queue', async () => {
    const user = userEvent.setup();
    renderWithHistory();
    await user.type(await screen.findByRole('searchbox', { name: 'Search' }), 'acme');
    const matches = screen.getByRole('status', { name: 'Matches by queue' });
    expect(spokenText(matches)).toContain('2 open cases match:');
    expect(within(matches).getAllByRole('button').map((button) => button.textContent)).toEqual(['1 in P1', '1 in P3', 'Search all cases, closed ones too']);
    await user.click(within(matches).getByRole('button', { name: '1 in P3' }));
    expect(screen.getByRole('tab', { selected: true })).toHaveAttribute('id', 'queue-tab-P3');
    expect(within(screen.getByRole('table', { name: 'P3 Medium queue' })).getByRole('cell', { name: 'RD-1005' })).toBeInTheDocument();
    await user.click(within(matches).getByRole('button', { name: '1 in P1' }));
    expect(screen.getByRole('tab', { selected: true })).toHaveAttribute('id', 'queue-tab-P1');
    await user.click(within(matches).getByRole('button', { name: 'Search all cases, closed ones too' }));
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('acme');
    expect(await rowIds()).toEqual(['RD-1005', 'RD-1003', 'RD-1001']);
  });
});
