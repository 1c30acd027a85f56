import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { caseRecord, NOW, renderApp } from './render-app';

/** The keyboard model (docs/ui.md, "Accessibility"): where keys act and where the focus goes. */
const CASES = [
  caseRecord({ id: 'RD-1001', title: 'Queue stuck', severity: 'P3' }),
  caseRecord({ id: 'RD-1002', title: 'Login slow', severity: 'P3' }),
  caseRecord({ id: 'RD-1003', title: 'Export broken', severity: 'P3' }),
];
const ACK = { type: 'acknowledged' as const, at: NOW, data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'On it' } };

const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);
const idOf = (row: Element) => within(row as HTMLElement).getAllByRole('cell')[0]!.textContent;

describe('list keys and roving focus', () => {
  it('gives the rows one tab stop, and moving with j puts the focus on the cursor row', async () => {
    const user = userEvent.setup();
    renderApp({ cases: CASES });
    const table = await screen.findByRole('table', { name: 'P3 Medium queue' });
    expect(bodyRows(table).map((row) => row.tabIndex)).toEqual([0, -1, -1]);
    await user.keyboard('j');
    expect(bodyRows(table)[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    const second = bodyRows(table)[1]!;
    expect(second).toHaveFocus();
    expect(second).toHaveAttribute('aria-selected', 'true');
    expect(bodyRows(table).map((row) => row.tabIndex)).toEqual([-1, 0, -1]);
  });

  it('moves the cursor to a row that takes the focus from the keyboard, so the cursor is where the focus is', async () => {
    const { stores } = renderApp({ cases: CASES });
    const table = await screen.findByRole('table', { name: 'P3 Medium queue' });
    const third = bodyRows(table)[2]!;
    third.focus();
    await waitFor(() => expect(stores.ui.getState().cursorId).toBe(idOf(third)));
    expect(third).toHaveAttribute('aria-selected', 'true');
  });

  it('Enter on a focused button does what the button says, even with a cursor in the list', async () => {
    const user = userEvent.setup();
    renderApp({ cases: CASES });
    await screen.findByRole('table', { name: 'P3 Medium queue' });
    await user.keyboard('j');
    screen.getByRole('button', { name: 'Deadlines' }).focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('table', { name: 'Deadlines' })).toBeInTheDocument();
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    screen.getByRole('button', { name: 'New case' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('dialog', { name: 'New case' })).toBeInTheDocument();
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
  });

  it('Enter on a queue tab shows that queue and opens no case; the arrows leave the list alone while the focus is elsewhere', async () => {
    const user = userEvent.setup();
    const { stores } = renderApp({ cases: [...CASES, caseRecord({ id: 'RD-1004', severity: 'P4' })] });
    await screen.findByRole('table', { name: 'P3 Medium queue' });
    await user.keyboard('j');
    const tab = screen.getByRole('tab', { name: /^P4 Low/ });
    tab.focus();
    await user.keyboard('{ArrowDown}');
    expect(stores.ui.getState().cursorId).toBe('RD-1001');
    await user.keyboard('{Enter}');
    expect(tab).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
  });

  it('the arrow keys, Home and End move between the queue tabs (one tab stop) and show the queue', async () => {
    const user = userEvent.setup();
    renderApp({ cases: CASES });
    await screen.findByRole('table', { name: 'P3 Medium queue' });
    const tab = (name: RegExp) => screen.getByRole('tab', { name });
    expect(screen.getAllByRole('tab').map((element) => element.tabIndex)).toEqual([-1, -1, 0, -1]);
    tab(/^P3 Medium/).focus();
    await user.keyboard('{ArrowRight}');
    expect(tab(/^P4 Low/)).toHaveFocus();
    expect(tab(/^P4 Low/)).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}');
    expect(tab(/^P1 Critical/)).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(tab(/^P4 Low/)).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tab(/^P1 Critical/)).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    expect(tab(/^P4 Low/)).toHaveFocus();
    expect(screen.getAllByRole('tab').map((element) => element.tabIndex)).toEqual([-1, -1, -1, 0]);
  });

  it('opening a case puts the focus on its heading; Escape closes it and puts the focus back on the cursor row', async () => {
    const user = userEvent.setup();
    renderApp({ cases: CASES });
    const table = await screen.findByRole('table', { name: 'P3 Medium queue' });
    await user.keyboard('jj{Enter}');
    const panel = screen.getByRole('complementary', { name: /RD-100/ });
    expect(within(panel).getByRole('heading', { level: 2 })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    await waitFor(() => expect(bodyRows(table)[1]).toHaveFocus());
  });
});

describe('dialogs are modal for the keyboard', () => {
  it('moves the focus to the first field, keeps Tab and Shift+Tab inside, and returns the focus to the opener', async () => {
    const user = userEvent.setup();
    const acknowledged = caseRecord({ id: 'RD-1001', title: 'Queue stuck' }, [ACK]);
    renderApp({ cases: [caseRecord({ id: 'RD-1001', title: 'Queue stuck' })], handlers: { 'cases.act': () => ({ ok: true, value: acknowledged }) } });
    await user.click(await screen.findByRole('cell', { name: 'RD-1001' }));
    const panel = screen.getByRole('complementary', { name: /RD-1001/ });
    const opener = within(panel).getByRole('button', { name: 'Acknowledge' });
    opener.focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Acknowledge' });
    const first = within(dialog).getByRole('checkbox', { name: 'Validate severity and impact' });
    expect(first).toHaveFocus();
    await user.keyboard('{Shift>}{Tab}{/Shift}');
    const last = document.activeElement;
    expect(dialog).toContainElement(last as HTMLElement);
    expect(last).not.toBe(first);
    await user.keyboard('{Tab}');
    expect(first).toHaveFocus();
    for (let step = 0; step < 20; step += 1) {
      await user.keyboard('{Tab}');
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('when the opener is disabled by what the dialog did, the focus goes to the case heading, not the page body', async () => {
    const user = userEvent.setup();
    const acknowledged = caseRecord({ id: 'RD-1001', title: 'Queue stuck' }, [ACK]);
    renderApp({ cases: [caseRecord({ id: 'RD-1001', title: 'Queue stuck' })], handlers: { 'cases.act': () => ({ ok: true, value: acknowledged }) } });
    await user.click(await screen.findByRole('cell', { name: 'RD-1001' }));
    const panel = screen.getByRole('complementary', { name: /RD-1001/ });
    within(panel).getByRole('button', { name: 'Acknowledge' }).focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Acknowledge' });
    for (const name of ['Validate severity and impact', 'Begin investigation', 'Outline next steps']) await user.click(within(dialog).getByRole('checkbox', { name }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Next steps' }), 'Check the pool');
    await user.click(within(dialog).getByRole('button', { name: 'Send acknowledgement' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(within(panel).getByRole('heading', { level: 2 })).toHaveFocus());
  });
});
