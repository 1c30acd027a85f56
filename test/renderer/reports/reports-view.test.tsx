import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parse } from 'csv-parse/sync';
import { NO_RAW_WORDS, rawWordsIn } from '../../human-words';
import { CASES, captureDownloads, reportsBackend } from './fixtures';

// jsdom has no canvas for uPlot to draw on: the chart is drawn in the e2e tests; here it is a placeholder.
vi.mock('../../../src-renderer/features/reports/WeeklyChart', () => ({ WeeklyChart: () => <div role="img" aria-label="Cases created by severity and resolved, per week" /> }));
import { renderApp, spokenText } from '../render-app';

// a person's pace through the pickers; the machine's load, not the console, sets how long that takes
vi.setConfig({ testTimeout: 20_000 });

async function showReports(options: Parameters<typeof renderApp>[0] = {}) {
  const backend = reportsBackend();
  const app = renderApp({ cases: CASES, ...options, handlers: { 'reports.query': backend['reports.query'], ...options.handlers } });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Reports' }));
  return { ...app, user, queries: backend.queries };
}

const table = (name: string) => screen.findByRole('table', { name });
const rowsOf = (element: HTMLElement) => within(element).getAllByRole('row').slice(1).map((row) => [...row.children].map((cell) => spokenText(cell).trim()));

describe('the Reports view', () => {
  it('asks for the last 30 days by severity, then for each period and grouping chosen', async () => {
    const { user, queries } = await showReports();
    await table('By severity');
    expect(queries).toEqual([{ period: { kind: 'last', days: 30 }, groupBy: 'severity' }]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Last 90 days');
    await waitFor(() => expect(queries.at(-1)).toEqual({ period: { kind: 'last', days: 90 }, groupBy: 'severity' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'Plan');
    await waitFor(() => expect(queries.at(-1)).toEqual({ period: { kind: 'last', days: 90 }, groupBy: 'plan' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'Last 7 days');
    await waitFor(() => expect(queries.at(-1)).toEqual({ period: { kind: 'last', days: 7 }, groupBy: 'plan' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'A quarter');
    const quarter = screen.getByRole('textbox', { name: 'Quarter' });
    await user.clear(quarter);
    // half a quarter asks for nothing and says what is missing
    await user.type(quarter, '2025-Q');
    expect(screen.getByText('Choose the period’s quarter (like 2026-Q4) or both days.')).toBeInTheDocument();
    const asked = queries.length;
    await user.type(quarter, '2');
    await waitFor(() => expect(queries.at(-1)).toEqual({ period: { kind: 'quarter', year: 2025, quarter: 2 }, groupBy: 'plan' }));
    expect(queries.length).toBe(asked + 1);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'Owner');
    await waitFor(() => expect(queries.at(-1)).toEqual({ period: { kind: 'quarter', year: 2025, quarter: 2 }, groupBy: 'owner' }));
  });

  it('shows every table in words: plan names, clocks, outcomes, triggers, durations and dates, with right plurals', async () => {
    const { user } = await showReports();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'Plan');
    await waitFor(async () => expect(rowsOf(await table('By plan')).map((row) => row.slice(0, 3))).toEqual([['Premium', '2', '0'], ['Standard', '1', '1'], ['All', '3', '1']]));
    const byPlan = rowsOf(await table('By plan'));
    // Standard: acknowledged after 30 minutes, resolved after 3 hours
    expect(byPlan[1]!.slice(3, 4)).toEqual(['30 minutes']);
    expect(byPlan[1]!.slice(9, 10)).toEqual(['3 hours']);
    expect(rowsOf(await table('SLA attainment by plan')).map((row) => row[0])).toEqual(['Premium', 'Standard']);
    expect(rowsOf(await table('Breaches'))).toEqual([['RD-1001', 'Export "fails", sometimes', 'Initial response', 'P1', 'Thu 26 Nov 2026, 08:00', 'Thu 26 Nov 2026, 08:00', 'Still open', '2 hours']]);
    expect(rowsOf(await table('Escalations'))).toEqual([
      ['Trigger', 'Business impact', '0'],
      ['Trigger', 'Lack of progress', '0'],
      ['Trigger', 'Customer request', '1'],
      ['Trigger', 'Automatic', '1'],
      ['Level', 'Senior engineering', '1'],
      ['Level', 'Management', '1'],
    ]);
    expect(rowsOf(await table('Feedback comments'))).toEqual([['RD-1002', 'Wed 25 Nov 2026, 13:00', '4', 'After resolution', 'Quick, thanks']]);
    expect(rowsOf(await table('Recurring root causes')).map((row) => row.slice(0, 4))).toEqual([['Software defect', 'Category', '1', '3 hours'], ['typo', 'Tag', '1', '3 hours']]);
    const cells = screen.getAllByRole('table').flatMap((element) => [...element.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
    const shown = [screen.getByText(/^From /).textContent ?? '', ...cells].join('\n');
    expect(rawWordsIn(shown)).toEqual(NO_RAW_WORDS);
  });

  it('exports each table as RFC 4180 CSV: a header row, CRLF line ends, a field with a comma or quote quoted and its quotes doubled', async () => {
    const downloads = captureDownloads();
    try {
      const { user } = await showReports();
      await table('Breaches');
      await user.click(screen.getByRole('button', { name: 'Export Breaches as CSV' }));
      expect(downloads.files.map((file) => [file.name, file.blob.type])).toEqual([['breaches.csv', 'text/csv']]);
      const csv = await downloads.text(downloads.files[0]!.blob);
      expect(csv.split('\r\n')[0]).toBe('Case,Title,Clock,Severity,Due,Breached at,Outcome,Late by (minutes)');
      expect(csv).toContain('\r\nRD-1001,"Export ""fails"", sometimes",Initial response,P1,2026-11-26T08:00:00.000Z,2026-11-26T08:00:00.000Z,Still open,120\r\n');
      expect(parse(csv, { columns: true })).toEqual([
        { Case: 'RD-1001', Title: 'Export "fails", sometimes', Clock: 'Initial response', Severity: 'P1', Due: '2026-11-26T08:00:00.000Z', 'Breached at': '2026-11-26T08:00:00.000Z', Outcome: 'Still open', 'Late by (minutes)': '120' },
      ]);
      await user.click(screen.getByRole('button', { name: 'Export By severity as CSV' }));
      const groups = parse(await downloads.text(downloads.files[1]!.blob), { columns: true }) as Array<Record<string, string>>;
      expect(groups.map((row) => [row.Severity, row.Created, row['Time to acknowledge mean (wall, minutes)']])).toEqual([['P1', '1', ''], ['P2', '1', '10'], ['P3', '1', '30'], ['All', '3', '20']]);
    } finally {
      downloads.restore();
    }
  });

  it('a breach row opens its case', async () => {
    const { user, stores } = await showReports();
    await user.click(within(await table('Breaches')).getByRole('button', { name: 'RD-1001' }));
    expect(stores.ui.getState().openCaseId).toBe('RD-1001');
    expect(await screen.findByRole('heading', { name: /Export "fails", sometimes/ })).toBeInTheDocument();
  });

  it('says so where a period has nothing in a table, and names the period with its year', async () => {
    const { user } = await showReports();
    await table('By severity');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Period' }), 'A quarter');
    const quarter = screen.getByRole('textbox', { name: 'Quarter' });
    await user.clear(quarter);
    await user.type(quarter, '2024-Q1');
    await waitFor(() => expect(screen.getByText(/^From /).textContent).toMatch(/^From Mon 1 Jan 2024, /));
    for (const name of ['Breaches', 'Feedback comments', 'Recurring root causes', 'Overdue action items']) {
      const section = screen.getByRole('region', { name });
      expect(within(section).getByText('Nothing in this period.')).toBeInTheDocument();
      expect(within(section).queryByRole('table')).toBeNull();
    }
  });

  it('while the cases are still being read after start-up, says how far it got and shows no report until all are read', async () => {
    const looks = [
      { building: true, casesRead: 12_000, casesTotal: 60_000 },
      { building: true, casesRead: 48_500, casesTotal: 60_000 },
      { building: false },
    ];
    const { queries } = await showReports({ handlers: { 'reports.status': () => ({ ok: true, value: looks.length > 1 ? looks.shift()! : looks[0]! }) } });
    const status = await screen.findByText(/^Making the report: after it starts/);
    expect(status).toHaveTextContent('Making the report: after it starts or an import, the console reads every case first (12,000 of 60,000 read). The report shows once all are read.');
    expect(queries).toEqual([]);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('progressbar', { name: 'Cases read for the report' })).toHaveAttribute('value', '12000');
    await waitFor(() => expect(screen.getByText(/^Making the report: after it starts/)).toHaveTextContent('(48,500 of 60,000 read)'), { timeout: 5_000 });
    expect(screen.queryByRole('table')).toBeNull();
    await table('By severity');
    expect(queries).toHaveLength(1);
    expect(screen.queryByText(/reads every case first/)).toBeNull();
  });

  it('says in words why a report could not be made', async () => {
    await showReports({ handlers: { 'reports.query': () => ({ ok: false, error: { code: 'STORAGE', message: 'The history file 2026-11.json could not be read.' } }) } });
    expect(await screen.findByRole('alert')).toHaveTextContent('The report could not be made: The history file 2026-11.json could not be read.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('in the desktop console, saves the report as PDF through the core with the period and grouping on screen', async () => {
    const saves: unknown[] = [];
    const { user } = await showReports({
      handlers: {
        'system.info': () => ({ ok: true, value: { version: 't', host: 'electron', dataDir: '/tmp', storage: { corrupt: [], migrated: [] } } }),
        'reports.saveExport': (input: unknown) => {
          saves.push(input);
          return { ok: true, value: { savedTo: '/home/ana/report.pdf' } };
        },
      },
    });
    await table('By severity');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Group by' }), 'Customer');
    await user.click(await screen.findByRole('button', { name: 'Export PDF' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved to /home/ana/report.pdf');
    expect(saves).toEqual([{ period: { kind: 'last', days: 30 }, groupBy: 'customer', format: 'pdf' }]);
  });
});
