import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TeamView } from '../../src-shared/contract';
import { TeamBanner, TeamSection } from '../../src-renderer/features/team';
import { DeskProvider, createDeskStores } from '../../src-renderer/state';
import { createFakeDesk } from './fake-desk';

const off: TeamView = { connection: 'off', email: '', pending: 0, leader: false, refusals: [], members: [] };
const closedCase = {
  id: 'AL-1001',
  events: [
    { id: 'AL-1001#1', seq: 1, at: '2026-11-26T09:00:00.000Z', recordedAt: '2026-11-26T09:00:00.000Z', actor: 'Ana', type: 'logged', data: { title: 'VPN', customer: 'Acme', plan: 'standard', severity: 'P3', severityDefaulted: false, description: '', reportedBy: '', owner: 'Ana' } },
    { id: 'AL-1001#2', seq: 2, at: '2026-11-26T09:01:00.000Z', recordedAt: '2026-11-26T09:01:00.000Z', actor: 'Ana', type: 'acknowledged', data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'ok' } },
    { id: 'AL-1001#3', seq: 3, at: '2026-11-26T09:02:00.000Z', recordedAt: '2026-11-26T09:02:00.000Z', actor: 'Ana', type: 'resolved', data: { criterion: 'serviceRestored', method: 'bugFix', summary: 'fixed' } },
    { id: 'AL-1001#4', seq: 4, at: '2026-11-26T09:03:00.000Z', recordedAt: '2026-11-26T09:03:00.000Z', actor: 'Ana', type: 'closed', data: { customerConfirmation: '' } },
  ],
} as TeamView['refusals'][number]['record'];

function mount(ui: React.ReactNode, handlers: Parameters<typeof createFakeDesk>[0]) {
  const fake = createFakeDesk(handlers);
  const stores = createDeskStores(fake.desk);
  render(<DeskProvider stores={stores}>{ui}</DeskProvider>);
  return Object.assign(fake, { stores });
}

describe('team mode in the console', () => {
  it('says nothing without a team', async () => {
    const fake = mount(<TeamBanner />, { 'team.status': () => ({ ok: true, value: off }) });
    await vi.waitFor(() => expect(fake.calls.some((call) => call.name === 'team.status')).toBe(true));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says when the team server is unreachable and how many changes wait, and shows a refused change with the case as it stands', async () => {
    const fake = mount(<TeamBanner />, { 'team.status': () => ({ ok: true, value: { ...off, connection: 'online', server: 'h:5432/db' } }) });
    await vi.waitFor(() => expect(fake.calls.length).toBeGreaterThan(0));
    fake.push('team.changed', { ...off, connection: 'offline', server: 'h:5432/db', pending: 3 });
    expect(await screen.findByText('Team server unreachable, working offline: 3 changes waiting.', {}, { timeout: 10_000 })).toBeTruthy();
    fake.push('team.changed', {
      ...off,
      connection: 'online',
      server: 'h:5432/db',
      refusals: [{ caseId: 'AL-1001', command: 'postUpdate', reason: 'the case is closed; reopen it to update the customer', at: '2026-11-26T09:04:00.000Z', record: closedCase }],
    });
    const banner = await screen.findByText(/Your change to AL-1001/, {}, { timeout: 10_000 }).then((node) => node.closest('.team-banner') as HTMLElement);
    expect(within(banner).getByText(/Your change to AL-1001 \(Post update\) was not applied: the case is closed; reopen it to update the customer\. Someone else acted first; the case is now closed\./)).toBeTruthy();
    expect(screen.queryByText(/working offline/)).toBeNull();
  });

  it('says which imported case was the team\'s already, where the engineer\'s changes went, and opens the team\'s case', async () => {
    const fake = mount(<TeamBanner />, { 'team.status': () => ({ ok: true, value: { ...off, connection: 'online', server: 'h:5432/db' } }) });
    await vi.waitFor(() => expect(fake.calls.length).toBeGreaterThan(0));
    fake.push('team.changed', {
      ...off,
      connection: 'online',
      server: 'h:5432/db',
      merges: [{ from: 'BO-1005', into: 'AL-1005', ticket: 'Zendesk ticket 35', changes: 2, missing: 1, at: '2026-11-26T09:04:00.000Z' }],
      mergedCount: 3,
    });
    const sentence = await screen.findByText(/your BO-1005 is the team's AL-1005/, {}, { timeout: 10_000 });
    expect(sentence.textContent).toBe(
      "Zendesk ticket 35 was imported on another console first, so your BO-1005 is the team's AL-1005. Your 2 changes to it are there now. It lacks 1 comment or change from the desk that your copy had: import the file again to add them. 2 more cases you imported were the team's already and merged the same way. Open AL-1005",
    );
    await userEvent.setup().click(within(sentence).getByRole('button', { name: 'Open AL-1005' }));
    expect(fake.stores.ui.getState().openCaseId).toBe('AL-1005');
  });

  it('joins a team from Settings, sending the address to main and showing only host, port and database back', async () => {
    const fake = mount(<TeamSection />, {
      'team.status': () => ({ ok: true, value: off }),
      'team.join': () => ({ ok: true, value: { ...off, connection: 'connecting', server: 'db.example.com:5432/support', source: 'settings', email: 'ana@example.com' } }),
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Team database address'), 'postgres://desk:pw@db.example.com/support');
    await user.type(screen.getByLabelText('Your email'), 'ana@example.com');
    await user.click(screen.getByRole('button', { name: 'Join team' }));
    expect(fake.calls.find((call) => call.name === 'team.join')?.input).toEqual({ url: 'postgres://desk:pw@db.example.com/support', email: 'ana@example.com' });
    expect(await screen.findByText('db.example.com:5432/support')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Leave team' })).toBeTruthy();
    expect(document.body.textContent).not.toContain('pw@');
  });

  it("says in the Team section why the team's policy is not applied here", async () => {
    const settingsProblem = 'Ana Lopez\'s change to the team\'s plans, calendars and holidays (version 2) is not applied on this console: plan "Gold" would be removed, used by open case RD-1001 here.';
    mount(<TeamSection />, { 'team.status': () => ({ ok: true, value: { ...off, connection: 'online', server: 'h:5432/db', source: 'settings', settingsProblem } }) });
    expect(await screen.findByText(settingsProblem, {}, { timeout: 10_000 })).toBeTruthy();
  });

  it('names what is wrong with an address the console refuses', async () => {
    mount(<TeamSection />, {
      'team.status': () => ({ ok: true, value: off }),
      'team.join': () => ({ ok: false, error: { code: 'INVALID_INPUT', message: 'The team database address names no database; add /DATABASE after the host and port.' } }),
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Team database address'), 'postgres://desk@h');
    await user.click(screen.getByRole('button', { name: 'Join team' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/names no database/);
  });

  it('says why when the team state cannot be asked for, instead of asking forever, and asks again on "Try again"', async () => {
    let answer: 'fail' | 'ok' = 'fail';
    const fake = mount(<TeamSection />, {
      'team.status': () =>
        answer === 'fail'
          ? { ok: false, error: { code: 'UNAVAILABLE', message: 'The console could not reach Response Desk, so this may not have been done; check once it is back.' } }
          : { ok: true, value: { ...off, connection: 'online', server: 'db.example.com:5432/support', source: 'settings' } },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The console could not tell whether it is in a team: The console could not reach Response Desk');
    expect(screen.queryByText('Asking…')).toBeNull();
    answer = 'ok';
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('db.example.com:5432/support')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.calls.filter((call) => call.name === 'team.status')).toHaveLength(2);
  });
});
