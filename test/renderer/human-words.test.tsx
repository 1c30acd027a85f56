import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NO_RAW_WORDS, rawWordsIn } from '../human-words';
import { caseRecord, NOW, renderApp } from './render-app';

const at = (minutes: number) => new Date(Date.parse(NOW) - minutes * 60_000).toISOString();

/** Every kind of event, with every code a model value can have on it. */
const everything = caseRecord({ id: 'RD-1001', title: 'Payments down', plan: 'premium', severity: 'P2', loggedAt: at(300) }, [
  { type: 'severityAdjusted', at: at(290), data: { from: 'P2', to: 'P1', reason: 'All payments fail', businessImpact: 'No revenue' } },
  { type: 'escalated', at: at(290), actor: 'system', data: { trigger: 'automatic', level: 'seniorEngineering', justification: 'P1 under plan premium is escalated automatically' } },
  { type: 'ownerAssigned', at: at(285), data: { owner: 'Ana Lopez' } },
  { type: 'acknowledged', at: at(280), data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: true, nextStepsOutlined: true }, response: 'On it', nextSteps: 'Read the logs' } },
  { type: 'informationRequested', at: at(280), data: { text: 'The gateway logs' } },
  { type: 'customerReplied', at: at(270), data: { text: 'Attached' } },
  { type: 'customerUpdatePosted', at: at(260), data: { channel: 'email', text: 'Gateway restarted' } },
  { type: 'noteAdded', at: at(255), data: { text: 'Vendor ticket 42' } },
  { type: 'escalated', at: at(200), actor: 'system', data: { trigger: 'lackOfProgress', level: 'management', justification: 'No progress: no customer update for 120 minutes since 2026-11-26T05:40:00.000Z.' } },
  { type: 'escalated', at: at(190), data: { trigger: 'businessImpact', level: 'management', justification: 'Board asks' } },
  { type: 'workaroundProvided', at: at(180), data: { text: 'Use the backup gateway', message: 'Please use the backup gateway.' } },
  { type: 'resolved', at: at(120), data: { criterion: 'verifiedWorkaround', method: 'configurationChange', summary: 'Pool resized', message: 'Resolved.' } },
  { type: 'feedbackReceived', at: at(100), data: { rating: 5, comment: 'Quick' } },
  { type: 'closed', at: at(90), data: { customerConfirmation: 'Thanks' } },
  { type: 'reopened', at: at(60), data: { reason: 'It came back' } },
]);

/** The text as separate pieces (jsdom has no innerText), so two cells do not run into one word. */
function textOf(element: Element): string {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  while (walker.nextNode()) parts.push(walker.currentNode.textContent ?? '');
  return parts.join('\n');
}

describe('human words on screen', () => {
  it('the timeline writes no code, plan id or ISO time: labels, plan names and one time format', async () => {
    const user = userEvent.setup();
    renderApp({ cases: [everything] });
    await user.click(await screen.findByRole('cell', { name: 'RD-1001' }));
    const timeline = screen.getByRole('list', { name: 'Timeline' });
    const text = textOf(timeline);
    expect(rawWordsIn(text)).toEqual(NO_RAW_WORDS);
    expect(text).toContain('under the Premium plan');
    expect(text).toContain('Escalated to senior engineering automatically: P1 Critical under the Premium plan is escalated automatically');
    expect(text).toContain('Resolved: verified workaround, by configuration change: Pool resized. Message to the customer: Resolved.');
    expect(text).toContain('Customer update by email: Gateway restarted');
    // an older automatic escalation's ISO instant is written the console's way
    expect(text).not.toContain('2026-11-26T');
    const times = within(timeline).getAllByRole('listitem').map((item) => item.querySelector('time')?.textContent);
    expect(times[0]).toMatch(/^Thu 26 Nov, \d{2}:\d{2}$/);
  }, 30_000);

  it('the clock table, header and actions write no code either', async () => {
    const user = userEvent.setup();
    renderApp({ cases: [everything] });
    await user.click(await screen.findByRole('cell', { name: 'RD-1001' }));
    const panel = screen.getByRole('complementary', { name: /RD-1001/ });
    expect(rawWordsIn(textOf(panel))).toEqual(NO_RAW_WORDS);
  }, 30_000);
});
