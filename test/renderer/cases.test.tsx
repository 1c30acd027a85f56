import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src-renderer/App';
import { DeskProvider, createCasesStore } from '../../src-renderer/state';
import type { CaseRecord } from '../../src-shared/domain';
import { createFakeDesk } from './fake-desk';

function record(id: string, title: string, severity: 'P1' | 'P2' | 'P3' | 'P4' = 'P3'): CaseRecord {
  return {
    id,
    events: [{
      id: `${id}#1`, seq: 1, at: '2026-11-26T09:00:00.000Z', recordedAt: '2026-11-26T09:00:00.000Z', actor: 'ana', type: 'logged',
      data: { title, customer: 'Acme', plan: 'standard', severity, severityDefaulted: false, description: '', reportedBy: '', owner: 'ana' },
    }],
  };
}

function renderApp(fake: ReturnType<typeof createFakeDesk>) {
  const stores = { desk: fake.desk, cases: createCasesStore(fake.desk) };
  render(<DeskProvider stores={stores}><App /></DeskProvider>);
  return stores;
}

describe('cases in the renderer', () => {
  it('lists the open cases the core returns', async () => {
    const fake = createFakeDesk({ 'cases.list': () => ({ ok: true, value: [record('RD-1001', 'Login broken', 'P1')] }) });
    renderApp(fake);
    const table = await screen.findByRole('table', { name: 'Open cases' });
    expect(within(table).getByRole('cell', { name: 'Login broken' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'P1 Critical' })).toBeInTheDocument();
  });

  it('says what to do when there are no cases', async () => {
    renderApp(createFakeDesk({ 'cases.list': () => ({ ok: true, value: [] }) }));
    expect(await screen.findByText(/No open cases/)).toBeInTheDocument();
  });

  it('logs a new case with P3 shown as the default severity and lists it', async () => {
    const user = userEvent.setup();
    const fake = createFakeDesk({
      'cases.list': () => ({ ok: true, value: [] }),
      'cases.create': () => ({ ok: true, value: record('RD-1001', 'Queue stuck') }),
    });
    renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'New case' }));
    const dialog = screen.getByRole('dialog', { name: 'New case' });
    expect(within(dialog).getByRole('combobox', { name: 'Severity' })).toHaveDisplayValue('P3 Medium (default)');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Queue stuck');
    await user.type(within(dialog).getByRole('textbox', { name: 'Customer' }), 'Acme');
    await user.click(within(dialog).getByRole('button', { name: 'Log case' }));
    expect(await screen.findByRole('cell', { name: 'Queue stuck' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const sent = fake.calls.find((call) => call.name === 'cases.create')?.input as Record<string, unknown>;
    expect(sent).toMatchObject({ title: 'Queue stuck', customer: 'Acme', severity: undefined });
  });

  it('shows the core error next to the field it names and keeps the form open', async () => {
    const user = userEvent.setup();
    const fake = createFakeDesk({
      'cases.list': () => ({ ok: true, value: [] }),
      'cases.create': () => ({ ok: false, error: { code: 'INVALID_INPUT', message: 'Invalid input', issues: [{ path: 'customer', message: 'customer is required' }] } }),
    });
    renderApp(fake);
    await user.click(await screen.findByRole('button', { name: 'New case' }));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'No customer');
    await user.click(screen.getByRole('button', { name: 'Log case' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('customer is required');
    expect(screen.getByRole('textbox', { name: 'Customer' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('dialog', { name: 'New case' })).toBeInTheDocument();
  });

  it('patches one case from a pushed change', async () => {
    const fake = createFakeDesk({ 'cases.list': () => ({ ok: true, value: [record('RD-1001', 'First')] }) });
    renderApp(fake);
    await screen.findByRole('cell', { name: 'First' });
    act(() => fake.push('cases.changed', { record: record('RD-1002', 'Pushed from elsewhere') }));
    expect(await screen.findByRole('cell', { name: 'Pushed from elsewhere' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'First' })).toBeInTheDocument();
  });
});
