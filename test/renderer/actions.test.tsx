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

  it('acknowledges with the initial-response items, the next steps and the response filled from its template, through cases.act', async () => {
    const { user, fake, panel } = await openDetail(fresh, () => ({ ok: true, value: investigating }));
    await user.click(within(panel).getByRole('button', { name: 'Acknowledge' }));
    const dialog = screen.getByRole('dialog', { name: 'Acknowledge' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'Validate severity and impact' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Begin investigation' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Outline next steps' }));
    expect(within(dialog).getByRole('checkbox', { name: 'Request additional information if required' })).not.toBeChecked();
    expect(within(dialog).queryByRole('textbox', { name: 'What is requested' })).not.toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: 'Next steps' }), 'Collect the queue metrics.');
    const response = within(dialog).getByRole('textbox', { name: 'Initial response to the customer' });
    // Standard P3: the next update is one business day after the acknowledgement, in the plan's calendar zone
    const expected = DEFAULT_SETTINGS.templates.initialResponse
      .replace('{case}', 'RD-1001')
      .replace('{title}', 'Queue stuck')
      .replace('{severity}', 'P3 Medium')
      .replace('{next steps}', 'Collect the queue metrics.')
      .replace('{next update}', 'Fri 27 Nov, 11:00 CET')
      .replace('{engineer}', 'Engineer');
    expect(response).toHaveValue(expected);
    await user.click(within(dialog).getByRole('button', { name: 'Send acknowledgement' }));
    expect(sentCommands(fake.calls)).toEqual([
      {
        id: 'RD-1001',
        command: {
          type: 'acknowledge',
          checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true },
          response: expected,
          nextSteps: 'Collect the queue metrics.',
        },
      },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: 'Acknowledge' })).toBeDisabled();
  }, 30_000);

  it('refuses an acknowledgement with no box ticked, marking each required box and the next steps, and sends nothing', async () => {
    const { user, fake, panel } = await openDetail(fresh);
    await user.click(within(panel).getByRole('button', { name: 'Acknowledge' }));
    const dialog = screen.getByRole('dialog', { name: 'Acknowledge' });
    await user.click(within(dialog).getByRole('button', { name: 'Send acknowledgement' }));
    expect(within(dialog).getByRole('checkbox', { name: 'Validate severity and impact' })).toHaveAccessibleDescription('validate severity and impact before acknowledging');
    expect(within(dialog).getByRole('checkbox', { name: 'Begin investigation' })).toHaveAccessibleDescription('begin the investigation before acknowledging');
    expect(within(dialog).getByRole('checkbox', { name: 'Outline next steps' })).toHaveAccessibleDescription('outline the next steps before acknowledging');
    expect(within(dialog).getByRole('textbox', { name: 'Next steps' })).toHaveAccessibleDescription('write the next steps outlined to the customer');
    expect(sentCommands(fake.calls)).toEqual([]);
  });

  it('with "Request additional information" ticked, asks what is requested and sends it with the acknowledgement in one command', async () => {
    const { user, fake, panel } = await openDetail(fresh);
    await user.click(within(panel).getByRole('button', { name: 'Acknowledge' }));
    const dialog = screen.getByRole('dialog', { name: 'Acknowledge' });
    for (const box of ['Validate severity and impact', 'Begin investigation', 'Outline next steps', 'Request additional information if required']) {
      await user.click(within(dialog).getByRole('checkbox', { name: box }));
    }
    await user.type(within(dialog).getByRole('textbox', { name: 'Next steps' }), 'Read the logs.');
    await user.click(within(dialog).getByRole('button', { name: 'Send acknowledgement' }));
    expect(within(dialog).getByRole('textbox', { name: 'What is requested' })).toHaveAccessibleDescription('say what information is requested');
    expect(sentCommands(fake.calls)).toEqual([]);
    await user.type(within(dialog).getByRole('textbox', { name: 'What is requested' }), 'The broker logs.');
    await user.click(within(dialog).getByRole('button', { name: 'Send acknowledgement' }));
    expect(sentCommands(fake.calls)).toEqual([
      {
        id: 'RD-1001',
        command: expect.objectContaining({
          type: 'acknowledge',
          checklist: { severityValidated: true, investigationStarted: true, informationRequested: true, nextStepsOutlined: true },
          nextSteps: 'Read the logs.',
          informationRequest: 'The broker logs.',
        }),
      },
    ]);
  }, 30_000);

  it.each([
    ['Post update', async (user: ReturnType<typeof userEvent.setup>, d: HTMLElement) => {
      await user.selectOptions(within(d).getByRole('combobox', { name: 'Channel' }), 'Email');
      await user.clear(within(d).getByRole('textbox', { name: 'Update' }));
      await user.type(within(d).getByRole('textbox', { name: 'Update' }), 'Patch rolling out');
      await user.click(within(d).getByRole('button', { name: 'Post' }));
    }, { type: 'postUpdate', channel: 'email', text: 'Patch rolling out' }],
    ['Add note', async (user: ReturnType<typeof userEvent.setup>, d: HTMLElement) => {
      await user.type(within(d).getByRole('textbox', { name: 'Internal note' }), 'Vendor ticket 42');
      await user.click(within(d).getByRole('button', { name: 'Save note' }));
    }, { type: 'addNote', text: 'Vendor ticket 42' }],
    ['Request information', async (user: ReturnType<typeof userEvent.setup>, d: HTMLElement) => {
      await user.clear(within(d).getByRole('textbox', { name: 'What is requested' }));
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
      await user.clear(within(d).getByRole('textbox', { name: 'Message to the customer (optional)' }));
      await user.click(within(d).getByRole('button', { name: 'Record workaround' }));
    }, { type: 'provideWorkaround', text: 'Use the backup gateway', message: '' }],
    ['Resolve', async (user: ReturnType<typeof userEvent.setup>, d: HTMLElement) => {
      await user.selectOptions(within(d).getByRole('combobox', { name: 'Criterion' }), 'Customer confirmed');
      await user.selectOptions(within(d).getByRole('combobox', { name: 'Method' }), 'Bug fix');
      await user.type(within(d).getByRole('textbox', { name: 'Summary' }), 'Fixed in 2.3.1');
      await user.clear(within(d).getByRole('textbox', { name: 'Message to the customer (optional)' }));
      await user.type(within(d).getByRole('textbox', { name: 'Message to the customer (optional)' }), 'Fixed in 2.3.1, please confirm.');
      await user.click(within(d).getByRole('button', { name: 'Mark resolved' }));
    }, { type: 'resolve', criterion: 'customerConfirmed', method: 'bugFix', summary: 'Fixed in 2.3.1', message: 'Fixed in 2.3.1, please confirm.' }],
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
    await user.click(within(dialog).getByRole('button', { name: 'Post' }));
    expect(await within(dialog).findByText('update text is longer than 20000 characters')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Update' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('names a field the dialog does not show in words, never as its path', async () => {
    const { user, panel } = await openDetail(investigating, () => ({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'This was not accepted. Action › next steps: is required.', issues: [{ path: 'command.nextSteps', message: 'is required' }] },
    }));
    await user.click(within(panel).getByRole('button', { name: 'Post update' }));
    const dialog = screen.getByRole('dialog', { name: 'Post update' });
    await user.click(within(dialog).getByRole('button', { name: 'Post' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/^Action › next steps: is required$/);
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

  it('records feedback during the case too, before resolution', async () => {
    const { user, fake, panel } = await openDetail(investigating);
    await user.click(within(panel).getByRole('button', { name: 'Record feedback' }));
    const dialog = screen.getByRole('dialog', { name: 'Record feedback' });
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Rating' }), '5 of 5');
    await user.click(within(dialog).getByRole('button', { name: 'Save feedback' }));
    await act(async () => undefined);
    expect(sentCommands(fake.calls)).toEqual([{ id: 'RD-1001', command: { type: 'recordFeedback', rating: 5, comment: '' } }]);
  });

  it('records a message the customer sent unasked, and needs its text', async () => {
    const { user, fake, panel } = await openDetail(investigating);
    const replied = within(panel).getByRole('button', { name: 'Customer replied' });
    expect(replied).toBeEnabled();
    await user.click(replied);
    const dialog = screen.getByRole('dialog', { name: 'Customer replied' });
    await user.click(within(dialog).getByRole('button', { name: 'Record reply' }));
    expect(within(dialog).getByRole('textbox', { name: 'What the customer said' })).toHaveAccessibleDescription('write what the customer said');
    await user.type(within(dialog).getByRole('textbox', { name: 'What the customer said' }), 'It fails on the EU site too.');
    await user.click(within(dialog).getByRole('button', { name: 'Record reply' }));
    expect(sentCommands(fake.calls)).toEqual([{ id: 'RD-1001', command: { type: 'customerReplied', text: 'It fails on the EU site too.' } }]);
  });

  describe('customer update templates', () => {
    const WORKAROUND = { type: 'workaroundProvided' as const, at: NOW, data: { text: 'Restart the consumer' } };
    const templated = caseRecord({ id: 'RD-1001', title: 'Queue stuck' }, [{ ...ACK, data: { ...ACK.data, nextSteps: 'Check the broker.' } }, WORKAROUND]);
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      engineerName: 'Ana Lopez',
      templates: {
        initialResponse: 'Ack {case}',
        progressUpdate: '{case} "{title}" is {severity}, {status}. Next steps: {next steps}. Workaround: {workaround}. Next update by {next update}. {engineer}',
        informationRequest: 'For {case} please send:',
        workaround: 'Workaround for {case}: {workaround}. Next update by {next update}.',
        resolution: '{case} is resolved. {customer}',
      },
    };

    it.each([
      ['Post update', 'Update', 'RD-1001 "Queue stuck" is P3 Medium, Investigating. Next steps: Check the broker.. Workaround: Restart the consumer. Next update by Fri 27 Nov, 11:00 CET. Ana Lopez'],
      ['Request information', 'What is requested', 'For RD-1001 please send:'],
      ['Resolve', 'Message to the customer (optional)', 'RD-1001 is resolved. Acme'],
    ])('"%s" starts from its template, filled from the case and its next update time', async (name, field, text) => {
      const { user, panel } = await openDetail(templated, undefined, settings);
      await user.click(within(panel).getByRole('button', { name }));
      expect(within(screen.getByRole('dialog', { name })).getByRole('textbox', { name: field })).toHaveValue(text);
    });

    it('"Provide workaround" fills its message from the workaround as it is typed, until the message is edited', async () => {
      const { user, fake, panel } = await openDetail(templated, undefined, settings);
      await user.click(within(panel).getByRole('button', { name: 'Provide workaround' }));
      const dialog = screen.getByRole('dialog', { name: 'Provide workaround' });
      await user.type(within(dialog).getByRole('textbox', { name: 'Workaround' }), 'Use the EU gateway');
      const message = within(dialog).getByRole('textbox', { name: 'Message to the customer (optional)' });
      // the update period running since the acknowledgement (Thu 11:00) is due one business day later
      expect(message).toHaveValue('Workaround for RD-1001: Use the EU gateway. Next update by Fri 27 Nov, 11:00 CET.');
      await user.type(message, ' Thanks.');
      await user.type(within(dialog).getByRole('textbox', { name: 'Workaround' }), ' now');
      expect(message).toHaveValue('Workaround for RD-1001: Use the EU gateway. Next update by Fri 27 Nov, 11:00 CET. Thanks.');
      await user.click(within(dialog).getByRole('button', { name: 'Record workaround' }));
      expect(sentCommands(fake.calls)).toEqual([
        { id: 'RD-1001', command: { type: 'provideWorkaround', text: 'Use the EU gateway now', message: 'Workaround for RD-1001: Use the EU gateway. Next update by Fri 27 Nov, 11:00 CET. Thanks.' } },
      ]);
    });

    it('copies the message to the clipboard and says so', async () => {
      const { user, panel } = await openDetail(templated, undefined, settings);
      const writeText = vi.fn(async () => undefined);
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      await user.click(within(panel).getByRole('button', { name: 'Request information' }));
      const dialog = screen.getByRole('dialog', { name: 'Request information' });
      await user.type(within(dialog).getByRole('textbox', { name: 'What is requested' }), ' the broker logs');
      await user.click(within(dialog).getByRole('button', { name: 'Copy what is requested' }));
      expect(writeText).toHaveBeenCalledWith('For RD-1001 please send: the broker logs');
      expect(within(dialog).getByRole('status')).toHaveTextContent('Copied to the clipboard');
    });
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
