import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NO_RAW_WORDS, rawWordsIn } from '../../human-words';
import { CASES } from './fixtures';
import { renderApp, spokenText } from '../render-app';

vi.setConfig({ testTimeout: 20_000 });

async function showManagement(cases = CASES) {
  const app = renderApp({ cases });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Management' }));
  await screen.findByRole('heading', { name: 'Management', level: 2 });
  return { ...app, user };
}

const counts = () => within(screen.getByRole('list', { name: 'Counts' })).getAllByRole('listitem').map((item) => item.textContent);
const rowsOf = (name: string) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].map((cell) => spokenText(cell).trim()));

describe('the Management view', () => {
  it("lists the open cases each plan's rule shows management, by severity and business impact, in words", async () => {
    await showManagement();
    // the Standard P3 is not escalated: its plan keeps it from management
    expect(counts()).toEqual(['2 open cases visible to management', 'P1: 1', 'P2: 1', 'P3: 0', 'P4: 0', 'With a breach: 1']);
    expect(rowsOf('P1: Business impact not stated')).toEqual([['RD-1001', 'Export "fails", sometimes', 'Initech', 'Senior engineering', 'Ana', 'Initial response Thu 26 Nov, 08:00', 'Initial response']]);
    expect(rowsOf('P2: Checkout slows for every EU customer')).toEqual([['RD-1003', 'Search is slow', 'Acme', 'Management', 'Ana', 'Customer update Thu 26 Nov, 13:10', 'None']]);
    expect(screen.queryByRole('row', { name: /Invoice footer typo/ })).toBeNull();
    const cells = screen.getAllByRole('table').flatMap((table) => [...table.querySelectorAll('caption, th, td')].map((cell) => cell.textContent ?? ''));
    expect(rawWordsIn([...counts(), ...cells].join('\n'))).toEqual(NO_RAW_WORDS);
  });

  it('counts one case in the singular', async () => {
    await showManagement([CASES[0]!]);
    expect(counts()[0]).toBe('1 open case visible to management');
  });

  it('says so when no open case is visible to management', async () => {
    await showManagement([CASES[1]!]);
    expect(counts()[0]).toBe('0 open cases visible to management');
    expect(screen.getByText('No open case is visible to management.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("a case's row opens it", async () => {
    const { user, stores } = await showManagement();
    await user.click(within(screen.getByRole('table', { name: 'P2: Checkout slows for every EU customer' })).getByRole('button', { name: 'RD-1003' }));
    expect(stores.ui.getState().openCaseId).toBe('RD-1003');
    expect(await screen.findByRole('heading', { name: /Search is slow/ })).toBeInTheDocument();
  });
});
