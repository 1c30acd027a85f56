import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ACTION_SPECS } from '../../src-renderer/features/actions';
import { caseRecord, renderApp } from './render-app';

const CASES = [caseRecord({ id: 'RD-1001', title: 'Login broken', customer: 'Acme', plan: 'standard' })];

async function openShortcuts(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('table', { name: 'P3 Medium queue' });
  await user.keyboard('?');
  return screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
}

const rowsOf = (dialog: HTMLElement, group: string) =>
  within(within(dialog).getByRole('table', { name: group }))
    .getAllByRole('row')
    .map((row) => [within(row).getByRole('rowheader').textContent, within(row).getByRole('cell').textContent]);

describe('the keyboard shortcuts dialog', () => {
  it('? lists the keys that work anywhere, the list keys and every case action with its key', async () => {
    const user = userEvent.setup();
    renderApp({ cases: CASES });
    const dialog = await openShortcuts(user);
    expect(rowsOf(dialog, 'Anywhere')).toEqual(
      expect.arrayContaining([
        ['Q', 'Show Queues'],
        ['D', 'Show Deadlines'],
        [',', 'Show Settings'],
        ['1', 'Show the P1 Critical queue'],
        ['N', 'New case'],
        ['Esc', 'Close the case panel'],
        ['?', 'List the keyboard shortcuts'],
      ]),
    );
    expect(rowsOf(dialog, 'In a list')).toEqual(expect.arrayContaining([['J or ↓', 'Move the cursor down'], ['/', 'Search by id, title or customer']]));
    expect(rowsOf(dialog, 'On the open case')).toEqual(ACTION_SPECS.map((spec) => [spec.key.toUpperCase(), spec.label]));
  });

  it('each key listed under Anywhere does what the list says (the list and the handler are one table)', async () => {
    const user = userEvent.setup();
    renderApp({ cases: CASES });
    await user.keyboard('{Escape}');
    const dialog = await openShortcuts(user);
    const listed = rowsOf(dialog, 'Anywhere');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();

    expect(listed.find(([, does]) => does === 'Show Deadlines')?.[0]).toBe('D');
    await user.keyboard('d');
    expect(await screen.findByRole('table', { name: 'Deadlines' })).toBeInTheDocument();
    await user.keyboard('n');
    expect(screen.getByRole('dialog', { name: 'New case' })).toBeInTheDocument();
  });

  it('does not open while typing in a field', async () => {
    const user = userEvent.setup();
    renderApp({ cases: CASES });
    await user.type(await screen.findByRole('searchbox', { name: 'Search' }), '?');
    expect(screen.queryByRole('dialog', { name: 'Keyboard shortcuts' })).not.toBeInTheDocument();
  });
});
