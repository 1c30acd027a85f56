import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SEVERITY_INFO } from '../../src-shared/domain';
import { caseRecord, NOW, renderApp, spokenText } from './render-app';

const minutesBefore = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();

const P1 = caseRecord({ id: 'RD-1001', title: 'Payments down', customer: 'Acme Bank', plan: 'premium', severity: 'P1', loggedAt: minutesBefore(90) }, [
  { type: 'escalated', at: minutesBefore(90), actor: 'system', data: { trigger: 'automatic', level: 'seniorEngineering', justification: 'P1 under plan premium is escalated automatically at logging' } },
  { type: 'acknowledged', at: minutesBefore(75), data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'Investigating the gateway' } },
  { type: 'customerUpdatePosted', at: minutesBefore(10), data: { channel: 'email', text: 'Gateway restarted' } },
]);

async function openCase(id: string) {
  const user = userEvent.setup();
  const table = await screen.findByRole('table', { name: /queue$/ });
  await user.click(within(table).getByRole('cell', { name: id }));
  return { user, panel: screen.getByRole('complementary', { name: new RegExp(id) }) };
}

describe('case detail', () => {
  it('heads the case with severity (its definition on hover), plan, status, owner and escalation level', async () => {
    renderApp({ cases: [P1] });
    const { panel } = await openCase('RD-1001');
    expect(within(panel).getByRole('heading', { name: 'RD-1001 Payments down' })).toBeInTheDocument();
    const facts = Object.fromEntries(within(panel).getAllByRole('term').map((term) => [term.textContent, spokenText(term.nextElementSibling!)]));
    expect(facts).toMatchObject({ Severity: 'P1 Critical', Customer: 'Acme Bank', Plan: 'Premium', Status: 'Investigating', Owner: 'Engineer', Escalation: 'Senior engineering' });
    expect(within(panel).getByText('P1 Critical')).toHaveAttribute('title', SEVERITY_INFO.P1.definition);
  });

  it('lists every clock with its state, due time, remaining time and breach, numbering a kind that restarts', async () => {
    renderApp({ cases: [P1] });
    const { user, panel } = await openCase('RD-1001');
    const clocks = within(panel).getByRole('table', { name: 'Clocks' });
    await user.click(within(clocks).getByRole('button', { name: '2 earlier clocks met on time' }));
    const rows = within(clocks).getAllByRole('row').slice(2).map((row) => [
      spokenText(within(row).getByRole('rowheader')),
      ...within(row).getAllByRole('cell').map(spokenText),
    ]);
    expect(rows.map((row) => [row[0], row[1], row[3]])).toEqual([
      ['Initial response', 'Met', '—'],
      ['Customer update #1', 'Met late', '—'],
      ['Escalation for lack of progress #1', 'Met', '—'],
      ['Customer update #2', 'Running', 'in 50m 00s'],
      ['Escalation for lack of progress #2', 'Running', 'in 1h 50m'],
    ]);
    expect(rows[0]![4]).toMatch(/^Met /);
    expect(rows[1]![4]).toMatch(/^Breached /);
    expect(rows[3]![4]).toBe('None');
  });

  it('folds the clocks met on time into one line that opens them, keeping open clocks and breaches in view', async () => {
    renderApp({ cases: [P1] });
    const { user, panel } = await openCase('RD-1001');
    const clocks = within(panel).getByRole('table', { name: 'Clocks' });
    const clockNames = () => within(clocks).queryAllByRole('rowheader').map(spokenText);
    const fold = within(clocks).getByRole('button', { name: '2 earlier clocks met on time' });
    expect(fold).toHaveAttribute('aria-expanded', 'false');
    expect(clockNames()).toEqual(['Customer update #1', 'Customer update #2', 'Escalation for lack of progress #2']);

    await user.click(fold);
    expect(fold).toHaveAttribute('aria-expanded', 'true');
    expect(clockNames()).toEqual(['Initial response', 'Customer update #1', 'Escalation for lack of progress #1', 'Customer update #2', 'Escalation for lack of progress #2']);
    await user.click(fold);
    expect(clockNames()).toHaveLength(3);
  });

  it('keeps a breach that happened before the severity was lowered, naming the severity it happened under', async () => {
    const lowered = caseRecord({ id: 'RD-1002', title: 'Slow reports', plan: 'premium', severity: 'P1', loggedAt: minutesBefore(120) }, [
      { type: 'severityAdjusted', at: minutesBefore(30), data: { from: 'P1', to: 'P3', reason: 'only reporting is slow', businessImpact: '' } },
      { type: 'acknowledged', at: minutesBefore(20), data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'Looking' } },
    ]);
    renderApp({ cases: [lowered] });
    const { panel } = await openCase('RD-1002');
    const initial = within(within(panel).getByRole('table', { name: 'Clocks' })).getByRole('rowheader', { name: 'Initial response' }).closest('tr')!;
    expect(spokenText(within(initial).getAllByRole('cell').at(-1)!)).toMatch(/^Breached at .+ \(as P1\)$/);
  });

  it('shows the whole timeline with time, actor and text, the automatic escalation included', async () => {
    renderApp({ cases: [P1] });
    const { panel } = await openCase('RD-1001');
    const entries = within(within(panel).getByRole('list', { name: 'Timeline' })).getAllByRole('listitem');
    expect(entries).toHaveLength(4);
    expect(entries[1]).toHaveTextContent(/system.*Escalated to senior engineering automatically: P1 Critical under the Premium plan/);
    expect(entries[2]).toHaveTextContent(/Engineer.*Acknowledged \(severity and impact validated: done.*Investigating the gateway/);
    expect(entries[3]).toHaveTextContent('Customer update by email: Gateway restarted');
    expect(within(entries[3]!).getByText((_, element) => element?.tagName === 'TIME')).toHaveAttribute('dateTime', minutesBefore(10));
  });

  it('follows a pushed change to the open case', async () => {
    const { fake } = renderApp({ cases: [P1] });
    const { panel } = await openCase('RD-1001');
    const note = { ...P1, events: [...P1.events, { id: 'RD-1001#5', seq: 5, at: NOW, recordedAt: NOW, actor: 'Kim', type: 'noteAdded' as const, data: { text: 'Vendor ticket 42' } }] };
    act(() => fake.push('cases.changed', { record: note }));
    expect(await within(panel).findByText('Internal note: Vendor ticket 42')).toBeInTheDocument();
  });
});
