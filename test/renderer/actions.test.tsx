import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CaseRecord } from '../../src-shared/domain';
import { DEFAULT_SETTINGS, type Settings } from '../../src-shared/settings';
import { caseRecord, NOW, renderApp } from './render-app';

const ACK = { type: 'acknowledged' as const, at: NOW, data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it' } };
const fresh = caseRecord({ id: 'RD-1001', title: 'Queue stuck' });
const investigating = caseRecord({ id: 'RD-1001', title: 'Queue stuck' }, [ACK]);

async function openDetail(
  record: CaseRecord,
  act: (input: { id: string; command: unknown }) => { ok: true; value: CaseRecord } | { ok: false; error: { code: 'NOT_ALLOWED' | 'INVALID_INPUT'; message: string; issues?: Array<{ path: string; message: string }> } } = () => ({ ok: true, value: record }),
  settings?: Settings,
) {
  const user = userEvent.setup();
  const rendered = renderApp({ cases: [record], settings, handlers: { 'cases.act': (input: never) => act(input) } });
  await user.click(await screen.findByRole('cell', { name: record.id }));
  return { user, ...rendered, panel: screen.getByRole('complementary', { name: new RegExp(record.id) }) };
}

const sentCommands = (calls: Array<{ name: string; input: unknown }>) => calls.filter((call) => call.name === 'cases.act').map((call) => call.input);

describe('workflow actions', () => {
  it('offers every action by its name, with its shortcut in the tooltip and aria-keyshortcuts', async () => {
    const { panel } = await openDetail(fresh);
    const actions = within(panel).getByRole('group', { name: 'Actions' });
    const names = within(actions).getAllByRole('button').map((button) => button.textContent);
    expect(names).toEqual(['Acknowledge', 'Post update', 'Add note', 'Request information', 'Customer replied', 'Adjust severity', 'Escalate', 'Provide workaround', 'Resolve', 'Close', 'Reopen', 'Record feedback', 'Assign owner']);
    const acknowledge = within(actions).getByRole('button', { name: 'Acknowledge' });
    expect(acknowledge).toHaveAttribute('title', 'Acknowledge (A)');
    expect(acknowledge).toHaveAttribute('aria-keyshortcuts', 'A');
  });

  it('disables an action not allowed now and shows the shared rule\'s reason beside it', async () => {
    const { panel } = await openDetail(fresh);
    const close = within(panel).getByRole('button', { name: 'Close' });
    expect(close).toBeDisabled();
    expect(close).toHaveAccessibleDescription('resolve the case before closing it');
    expect(close).toHaveAttribute('title', 'Close (C): not now, resolve the case before closing it');
    expect(within(panel).getByText('acknowledge the case before posting updates')).toBeVisible();
    expect(within(panel).getByRole('button', { name: 'Acknowledge' })).toBeEnabled();
  });

  it('acknowledges with the four initial-response items and the response text through cases.act', async () => {
    const { user, fake, panel } = await openDetail(fresh, () => ({ ok: true, value: investigating }));
    await user.click(within(panel).getByRole('button', { name: 'Acknowledge' }));
    const dialog = screen.getByRole('dialog', { name: 'Acknowledge' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Validate severity and impact' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Begin investigation' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Outline next steps' }));
    expect(within(dialog).getByRole('checkbox', { name: 'Request additional information if required' })).not.toBeChecked();
    await user.type(within(dialog).getByRole('textbox', { name: 'Response' }), 'We are on it');
    await user.click(within(dialog).getByRole('button', { name: 'Send acknowledgement' }));
    expect(sentCommands(fake.calls)).toEqual([
      { id: 'RD-1001', command: { type: 'acknowledge', checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'We are on it' } },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Acknowledge' })).toBeDisabled();
  });

  it.each([
    ['Post update', async (user: ReturnType<typeof userEvent.setup>, d: HTMLElement) => {
      await user.selectOptions(within(d).getByRole('combobox', { name: 'Channel' }), 'Email');
      await user.type(within(d).getByRole('textbox', { name: 'Update' }), 'Patch rolling out');
      await user.click(within(d).getByRole('button', { name: 'Post' }));
    }, { type: 'postUpdate', channel: 'email', text: 'Patch rolling out' }],
    ['Add note', async (user: ReturnType<typeof userEvent.setup>, d: HTMLElement) => {
      await user.type(within(d).getByRole('textbox', { name: 'Internal note' }), 'Vendor ticket 42');
      await user.click(within(d).getByRole('button', { name: 'Save note' }));
    }, { type: 'addNote', text: 'Vendor ticket 42' }],
    ['Request information', async (user: ReturnType<typeof userEvent.setup>, d: HTMLElement) => {
      await user.type(within(d).getByRole('textbox', { name: 'What is requested' }), 'Gateway logs');
      await user.click(within(d).getByRole('button', { name: 'Send request' }));
    }, { type: 'requestInformation', text: 'Gateway logs' }],
    ['Adjust severity', async (user: ReturnType<typeof userEvent.setup>, d: HTMLElement) => {
      await user.selectOptions(within(d).getByRole('combobox', { name: 'New severity' }), 'P1 Critical');
      await user.type(within(d).getByRole('textbox', { name: 'Reason' }), 'All payments fail');
      await user.type(within(d).getByRole('textbox', { name: 'Business impact (optional)' }), 'No revenue');
      await user.click(within(d).getByRole('button', { name: 'Change severity' }));
    }, { type: 'adjustSeverity', to: 'P1', reason: 'All payments fail', businessImpact: 'No revenue' }],
    ['Escalate', async (user: ReturnType<typeof userEvent.setup>, d: HTMLElement) => {
      await user.selectOptions(within(d).getByRole('combobox', { name: 'Trigger' }), 'Customer request');
      await user.selectOptions(within(d).getByRole('combobox', { name: 'Level' }), 'Management');
      await user.type(within(d).getByRole('textbox', { name: 'Justification' }), 'Board meeting tomorrow');
      await user.click(within(d).getByRole('button', { name: 'Escalate case' }));
    }, { type: 'escalate', trigger: 'customerRequest', level: 'management', justification: 'Board meeting tomorrow' }],
    ['Provide workaround', async (user: ReturnType<typeof userEvent.setup>, d: HTMLElement) => {
      await user.type(within(d).getByRole('textbox', { name: 'Workaround' }), 'Use the backup gateway');
      await user.click(within(d).getByRole('button', { name: 'Record workaround' }));
    }, { type: 'provideWorkaround', text: 'Use the backup gateway' }],
    ['Resolve', async (user: ReturnType<typeof userEvent.setup>, d: HTMLElement) => {
      await user.selectOptions(within(d).getByRole('combobox', { name: 'Criterion' }), 'Customer confirmed');
      await user.selectOptions(within(d).getByRole('combobox', { name: 'Method' }), 'Bug fix');
      await user.type(within(d).getByRole('textbox', { name: 'Summary' }), 'Fixed in 2.3.1');
      await user.click(within(d).getByRole('button', { name: 'Mark resolved' }));
    }, { type: 'resolve', criterion: 'customerConfirmed', method: 'bugFix', summary: 'Fixed in 2.3.1' }],
  ])('"%s" sends its command through cases.act', async (name, fill, command) => {
    const { user, fake, panel } = await openDetail(investigating);
    await user.click(within(panel).getByRole('button', { name }));
    await fill(user, screen.getByRole('dialog', { name }));
    expect(sentCommands(fake.calls)).toEqual([{ id: 'RD-1001', command }]);
  });

  it('opens an allowed action with its shortcut key', async () => {
    const { user } = await openDetail(investigating);
    await user.keyboard('u');
    expect(screen.getByRole('dialog', { name: 'Post update' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.keyboard('c');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a field the shared rules reject next to that field, and sends nothing', async () => {
    const { user, fake, panel } = await openDetail(investigating);
    await user.click(within(panel).getByRole('button', { name: 'Adjust severity' }));
    const dialog = screen.getByRole('dialog', { name: 'Adjust severity' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'New severity' }), 'P2 High');
    await user.click(within(dialog).getByRole('button', { name: 'Change severity' }));
    const reason = within(dialog).getByRole('textbox', { name: 'Reason' });
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription('reason is required');
    expect(sentCommands(fake.calls)).toEqual([]);
  });

  it('shows the core\'s refusal with its reason and keeps the dialog open', async () => {
    const { user, panel } = await openDetail(investigating, () => ({ ok: false, error: { code: 'NOT_ALLOWED', message: 'an escalation on customer request needs a justification' } }));
    await user.click(within(panel).getByRole('button', { name: 'Escalate' }));
    const dialog = screen.getByRole('dialog', { name: 'Escalate' });
    await user.click(within(dialog).getByRole('button', { name: 'Escalate case' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('an escalation on customer request needs a justification');
  });

  it('places the core\'s field issues on their fields', async () => {
    const { user, panel } = await openDetail(investigating, () => ({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Invalid input', issues: [{ path: 'command.text', message: 'update text is longer than 20000 characters' }] },
    }));
    await user.click(within(panel).getByRole('button', { name: 'Post update' }));
    const dialog = screen.getByRole('dialog', { name: 'Post update' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Update' }), 'x');
    await user.click(within(dialog).getByRole('button', { name: 'Post' }));
    expect(await within(dialog).findByText('update text is longer than 20000 characters')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Update' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('records feedback with a rating of 1 to 5 on a resolved case', async () => {
    const resolved = caseRecord({ id: 'RD-1001' }, [ACK, { type: 'resolved', at: NOW, data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed' } }]);
    const { user, fake, panel } = await openDetail(resolved);
    expect(within(panel).getByRole('button', { name: 'Resolve' })).toBeDisabled();
    await user.click(within(panel).getByRole('button', { name: 'Record feedback' }));
    const dialog = screen.getByRole('dialog', { name: 'Record feedback' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Rating' }), '4 of 5');
    await user.click(within(dialog).getByRole('button', { name: 'Save feedback' }));
    await act(async () => undefined);
    expect(sentCommands(fake.calls)).toEqual([{ id: 'RD-1001', command: { type: 'recordFeedback', rating: 4, comment: '' } }]);
  });

  describe('assigning an owner', () => {
    const owned = (owner: string) => caseRecord({ id: 'RD-1001', title: 'Queue stuck', owner }, [ACK]);
    const ANA = { ...DEFAULT_SETTINGS, engineerName: 'Ana Lopez' };

    it('is offered with its shortcut G, in the tooltip and aria-keyshortcuts, and opens with the key', async () => {
      const { user, panel } = await openDetail(owned('Ben Okafor'));
      const assign = within(panel).getByRole('button', { name: 'Assign owner' });
      expect(assign).toHaveAttribute('title', 'Assign owner (G)');
      expect(assign).toHaveAttribute('aria-keyshortcuts', 'G');
      await user.keyboard('g');
      expect(screen.getByRole('dialog', { name: 'Assign owner' })).toBeInTheDocument();
    });

    it('sends the new owner through cases.act and shows the new owner on the case', async () => {
      const reassigned = caseRecord({ id: 'RD-1001', title: 'Queue stuck', owner: 'Ben Okafor' }, [ACK, { type: 'ownerAssigned', at: NOW, data: { owner: 'Chen Wu' } }]);
      const { user, fake, panel } = await openDetail(owned('Ben Okafor'), () => ({ ok: true, value: reassigned }));
      await user.click(within(panel).getByRole('button', { name: 'Assign owner' }));
      const dialog = screen.getByRole('dialog', { name: 'Assign owner' });
      await user.type(within(dialog).getByRole('textbox', { name: 'New owner' }), '  Chen Wu ');
      await user.click(within(dialog).getByRole('button', { name: 'Assign' }));
      expect(sentCommands(fake.calls)).toEqual([{ id: 'RD-1001', command: { type: 'assignOwner', owner: 'Chen Wu' } }]);
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(within(panel).getByText('Owner').nextElementSibling).toHaveTextContent('Chen Wu');
      expect(screen.getByRole('row', { name: /RD-1001/ })).toHaveTextContent('Chen Wu');
    });

    it('refuses an empty owner next to the field and sends nothing', async () => {
      const { user, fake, panel } = await openDetail(owned('Ben Okafor'));
      await user.click(within(panel).getByRole('button', { name: 'Assign owner' }));
      const dialog = screen.getByRole('dialog', { name: 'Assign owner' });
      await user.type(within(dialog).getByRole('textbox', { name: 'New owner' }), '   ');
      await user.click(within(dialog).getByRole('button', { name: 'Assign' }));
      expect(within(dialog).getByRole('textbox', { name: 'New owner' })).toHaveAccessibleDescription('owner is required');
      expect(sentCommands(fake.calls)).toEqual([]);
    });

    it('"Take" assigns the case to the engineer named in the settings', async () => {
      const { user, fake, panel } = await openDetail(owned('Ben Okafor'), undefined, ANA);
      await user.click(within(panel).getByRole('button', { name: 'Assign owner' }));
      const dialog = screen.getByRole('dialog', { name: 'Assign owner' });
      const take = within(dialog).getByRole('button', { name: 'Take' });
      expect(take).toHaveAttribute('title', 'Assign the case to yourself (Ana Lopez)');
      await user.click(take);
      expect(sentCommands(fake.calls)).toEqual([{ id: 'RD-1001', command: { type: 'assignOwner', owner: 'Ana Lopez' } }]);
    });

    it('"Take" is disabled, with the shared rule\'s reason, when the engineer already owns the case', async () => {
      const { user, panel } = await openDetail(owned('Ana Lopez'), undefined, ANA);
      await user.click(within(panel).getByRole('button', { name: 'Assign owner' }));
      const take = within(screen.getByRole('dialog', { name: 'Assign owner' })).getByRole('button', { name: 'Take' });
      expect(take).toBeDisabled();
      expect(take).toHaveAccessibleDescription('Ana Lopez already owns the case');
    });

    it('is disabled on a closed case, with the shared rule\'s reason', async () => {
      const closed = caseRecord({ id: 'RD-1001' }, [
        ACK,
        { type: 'resolved', at: NOW, data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed' } },
        { type: 'closed', at: NOW, data: { customerConfirmation: '' } },
      ]);
      // a closed case is in no queue: it is opened as a notification or a link would open it
      const user = userEvent.setup();
      const { stores } = renderApp({ cases: [closed] });
      await vi.waitFor(() => expect(stores.cases.getState().status).toBe('ready'));
      act(() => stores.ui.getState().openCase('RD-1001'));
      const panel = screen.getByRole('complementary', { name: /RD-1001/ });
      const assign = within(panel).getByRole('button', { name: 'Assign owner' });
      expect(assign).toBeDisabled();
      expect(assign).toHaveAccessibleDescription('the case is closed');
      expect(assign).toHaveAttribute('title', 'Assign owner (G): not now, the case is closed');
      await user.keyboard('g');
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
  });
});
