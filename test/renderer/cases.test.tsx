import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { caseRecord, renderApp } from './render-app';

describe('logging cases in the renderer', () => {
  it('lists the open cases the core returns in their severity queue', async () => {
    renderApp({ cases: [caseRecord({ id: 'RD-1001', title: 'Login broken', severity: 'P1' })] });
    const table = await screen.findByRole('table', { name: 'P1 Critical queue' });
    expect(within(table).getByRole('cell', { name: 'Login broken' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'P1 Critical' })).toBeInTheDocument();
  });

  it('says what to do when there are no cases', async () => {
    renderApp();
    expect(await screen.findByText(/No cases in P1 Critical match\. Log one with “New case”/)).toBeInTheDocument();
  });

  it('logs a new case with P3 shown as the default severity, plans from the policy, and shows it in the P3 queue', async () => {
    const user = userEvent.setup();
    const { fake } = renderApp({
      handlers: { 'cases.create': () => ({ ok: true, value: caseRecord({ id: 'RD-1001', title: 'Queue stuck' }) }) },
    });
    await user.click(await screen.findByRole('button', { name: 'New case' }));
    const dialog = screen.getByRole('dialog', { name: 'New case' });
    expect(within(dialog).getByRole('combobox', { name: 'Severity' })).toHaveDisplayValue('P3 Medium (default)');
    expect(within(dialog).getAllByRole('option', { name: /Standard|Premium/ }).map((option) => option.textContent)).toEqual(['Standard', 'Premium']);
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Queue stuck');
    await user.type(within(dialog).getByRole('textbox', { name: 'Customer' }), 'Acme');
    await user.click(within(dialog).getByRole('button', { name: 'Log case' }));
    const table = await screen.findByRole('table', { name: 'P3 Medium queue' });
    expect(within(table).getByRole('cell', { name: 'Queue stuck' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const sent = fake.calls.find((call) => call.name === 'cases.create')?.input as Record<string, unknown>;
    expect(sent).toMatchObject({ title: 'Queue stuck', customer: 'Acme', plan: 'standard', severity: undefined });
  });

  it('shows the core\'s refusal of a field the form has no place for, in its words', async () => {
    const user = userEvent.setup();
    renderApp({
      handlers: {
        'cases.create': () => ({ ok: false, error: { code: 'INVALID_INPUT', message: 'This was not accepted. Owner: must be text.', issues: [{ path: 'owner', message: 'must be text' }] } }),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'New case' }));
    const dialog = screen.getByRole('dialog', { name: 'New case' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Queue stuck');
    await user.type(within(dialog).getByRole('textbox', { name: 'Customer' }), 'Acme');
    await user.click(within(dialog).getByRole('button', { name: 'Log case' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This was not accepted. Owner: must be text.');
  });

  it('shows the core error next to the field it names and keeps the form open', async () => {
    const user = userEvent.setup();
    renderApp({
      handlers: {
        'cases.create': () => ({ ok: false, error: { code: 'INVALID_INPUT', message: 'Invalid input', issues: [{ path: 'customer', message: 'customer is required' }] } }),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'New case' }));
    const dialog = screen.getByRole('dialog', { name: 'New case' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'No customer');
    await user.click(within(dialog).getByRole('button', { name: 'Log case' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('customer is required');
    expect(within(dialog).getByRole('textbox', { name: 'Customer' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('dialog', { name: 'New case' })).toBeInTheDocument();
  });
});
