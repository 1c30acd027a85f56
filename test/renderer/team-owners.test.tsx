import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TeamView } from '../../src-shared/contract';
import { caseQuerySchema, type CaseQueryInput } from '../../src-shared/contract';
import { CaseCatalog } from '../../src-main/core/cases/case-catalog';
import { summaryOf, type CaseRecord } from '../../src-shared/domain';
import { DEFAULT_SETTINGS } from '../../src-shared/settings';
import { caseRecord, renderApp } from './render-app';

const ANA = { ...DEFAULT_SETTINGS, engineerName: 'Ana Lopez' };
const TEAM: TeamView = {
  connection: 'online',
  server: 'db.example:5432/desk',
  email: 'ana@example.com',
  pending: 0,
  leader: false,
  refusals: [],
  members: [
    { name: 'Ana Lopez', email: 'ana@example.com' },
    { name: 'Ben Ode', email: 'ben@example.com' },
    { name: 'Ben Ode', email: '' },
    { name: 'Cy Park', email: 'cy@example.com' },
  ],
};
const ALONE: TeamView = { connection: 'off', email: '', pending: 0, leader: false, refusals: [], members: [] };

const sent = (calls: Array<{ name: string; input: unknown }>, name: string) => calls.filter((call) => call.name === name).map((call) => call.input);
const options = (select: HTMLElement) => within(select).getAllByRole('option').map((option) => option.textContent);

describe('owners in a team', () => {
  it('assigns an owner picked from the team, each member once by name and email', async () => {
    const user = userEvent.setup();
    const record = caseRecord({ id: 'AL-1001', title: 'Queue stuck', owner: 'Ana Lopez' });
    const { fake } = renderApp({ cases: [record], settings: ANA, handlers: { 'team.status': () => ({ ok: true, value: TEAM }), 'cases.act': () => ({ ok: true, value: record }) } });
    await user.click(await screen.findByRole('cell', { name: 'AL-1001' }));
    await user.click(screen.getByRole('button', { name: 'Assign owner' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign owner' });
    const owner = await within(dialog).findByRole('combobox', { name: 'New owner' });
    expect(options(owner)).toEqual(['Choose a team member', 'Ana Lopez (ana@example.com)', 'Ben Ode (ben@example.com)', 'Cy Park (cy@example.com)']);
    await user.selectOptions(owner, 'Cy Park (cy@example.com)');
    await user.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(sent(fake.calls, 'cases.act')).toEqual([{ id: 'AL-1001', command: { type: 'assignOwner', owner: 'Cy Park' } }]);
  });

  it('keeps a free owner on a console that works alone', async () => {
    const user = userEvent.setup();
    const record = caseRecord({ id: 'RD-1001', title: 'Queue stuck', owner: 'Ana Lopez' });
    renderApp({ cases: [record], settings: ANA, handlers: { 'team.status': () => ({ ok: true, value: ALONE }) } });
    await user.click(await screen.findByRole('cell', { name: 'RD-1001' }));
    await user.click(screen.getByRole('button', { name: 'Assign owner' }));
    expect(within(screen.getByRole('dialog', { name: 'Assign owner' })).getByRole('textbox', { name: 'New owner' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'New case' }));
    expect(within(screen.getByRole('dialog', { name: 'New case' })).queryByRole('combobox', { name: 'Owner' })).not.toBeInTheDocument();
  });

  it('logs a new case for the engineer by default, or for nobody yet (the team\'s queue), or for another member', async () => {
    const user = userEvent.setup();
    const created = caseRecord({ id: 'AL-1001', title: 'Queue stuck' });
    const { fake } = renderApp({ settings: ANA, handlers: { 'team.status': () => ({ ok: true, value: TEAM }), 'cases.create': () => ({ ok: true, value: created }) } });
    for (const choice of ['Me (Ana Lopez)', "Nobody yet (the team's queue)", 'Ben Ode (ben@example.com)']) {
      await user.click(await screen.findByRole('button', { name: 'New case' }));
      const dialog = screen.getByRole('dialog', { name: 'New case' });
      const owner = await within(dialog).findByRole('combobox', { name: 'Owner' });
      expect(options(owner)).toEqual(['Me (Ana Lopez)', "Nobody yet (the team's queue)", 'Ben Ode (ben@example.com)', 'Cy Park (cy@example.com)']);
      await user.selectOptions(owner, choice);
      await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Queue stuck');
      await user.type(within(dialog).getByRole('textbox', { name: 'Customer' }), 'Acme');
      await user.click(within(dialog).getByRole('button', { name: 'Log case' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    }
    const owners = sent(fake.calls, 'cases.create').map((input) => (input as { owner?: string }).owner);
    expect(owners).toEqual([undefined, '', 'Ben Ode']);
  });

  it('All cases shows Mine: the engineer\'s own cases, and a member\'s by their name', async () => {
    const user = userEvent.setup();
    const records: CaseRecord[] = [
      caseRecord({ id: 'AL-1001', title: 'Mine', owner: 'Ana Lopez' }),
      caseRecord({ id: 'BO-1001', title: 'Ben\'s', owner: 'Ben Ode' }),
      caseRecord({ id: 'CP-1001', title: 'Cy\'s', owner: 'Cy Park' }),
    ];
    const catalog = new CaseCatalog();
    for (const record of records) catalog.upsert(summaryOf(record));
    renderApp({
      cases: records,
      settings: ANA,
      handlers: {
        'team.status': () => ({ ok: true, value: TEAM }),
        'cases.query': (input: CaseQueryInput) => ({ ok: true, value: catalog.query(caseQuerySchema.parse(input)) }),
      },
    });
    await user.click(await screen.findByRole('button', { name: 'All cases' }));
    const rows = async () => {
      await waitFor(() => expect(screen.getByRole('table', { name: 'All cases' })).toHaveAttribute('aria-busy', 'false'));
      return within(screen.getByRole('table', { name: 'All cases' })).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[0]!.textContent);
    };
    const owner = screen.getByRole('combobox', { name: 'Owner' });
    await waitFor(() => expect(options(owner)).toEqual(['Anyone', 'Mine (Ana Lopez)', 'Ben Ode (ben@example.com)', 'Cy Park (cy@example.com)', 'Another name…']));
    await user.selectOptions(owner, 'Mine (Ana Lopez)');
    await waitFor(async () => expect(await rows()).toEqual(['AL-1001']));
    await user.selectOptions(owner, 'Cy Park (cy@example.com)');
    await waitFor(async () => expect(await rows()).toEqual(['CP-1001']));
    await user.selectOptions(owner, 'Another name…');
    await user.type(screen.getByRole('textbox', { name: "Owner's name" }), 'ben ode');
    await waitFor(async () => expect(await rows()).toEqual(['BO-1001']));
  });
});
