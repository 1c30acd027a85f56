import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReviewPanel } from '../../src-renderer/features/review';
import { DeskProvider, createDeskStores, createNowStore } from '../../src-renderer/state';
import { startReview, submitReview, type Review } from '../../src-shared/review';
import { createReviewBackend, resolvedCase } from './review-backend';

// typing through user-event is slow in jsdom on a shared machine
vi.setConfig({ testTimeout: 30_000 });

// jsdom lays nothing out; the virtualized timeline needs its scroller to have a height.
let heightSpy: { mockRestore(): void };
beforeAll(() => {
  heightSpy = vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(480);
});
afterAll(() => heightSpy.mockRestore());

const ctx = { nowIso: '2026-11-27T09:00:00.000Z', actor: 'Ana' };
const section = (name: string) => screen.getByRole('region', { name });

function open(backend: ReturnType<typeof createReviewBackend>) {
  render(
    <DeskProvider stores={createDeskStores(backend.desk, createNowStore(Date.now()))}>
      <ReviewPanel caseId="RD-1001" />
    </DeskProvider>,
  );
}

function opened(review: Review | null, options: { extraNotes?: number; engineer?: string } = {}) {
  const record = resolvedCase(options.extraNotes ?? 0);
  const backend = createReviewBackend({ record, review: review ?? startReview(record, ctx) });
  if (options.engineer) backend.state.engineer = options.engineer;
  open(backend);
  return { user: userEvent.setup(), backend };
}

describe('saving small changes', () => {
  it('hides one entry of a 1,200-note timeline with a save of a few hundred bytes, and the stored timeline is right', async () => {
    const record = resolvedCase(1200);
    const { user, backend } = opened(startReview(record, ctx), { extraNotes: 1200 });
    const before = backend.state.review!.content.timeline;
    const rows = await within(await screen.findByRole('region', { name: 'Timeline' })).findAllByRole('row');
    const label = rows[3]!.getAttribute('aria-label');
    await user.click(within(rows[3]!).getByRole('checkbox', { name: 'Hidden' }));
    await waitFor(() => expect(backend.saves()).toHaveLength(1), { timeout: 3000 });
    const sent = JSON.stringify(backend.saves()[0]);
    expect(sent.length).toBeLessThan(300);
    expect(backend.saves()[0]!.changes).toEqual([{ op: 'setTimelineEntry', id: before[3]!.id, hidden: true }]);
    const stored = backend.state.review!.content.timeline;
    expect(stored.map((entry) => entry.hidden)).toEqual(before.map((_, index) => index === 3));
    expect(within(section('Timeline')).getByRole('row', { name: label! })).toHaveClass('hidden-entry');
  });

  it('adds, edits, moves and removes action items one change at a time', async () => {
    const { user, backend } = opened(null);
    const items = await screen.findByRole('region', { name: 'Action items' });
    for (const title of ['Add pool alert', 'Load test']) {
      await user.type(within(items).getByRole('textbox', { name: 'New action item' }), title);
      await user.click(within(items).getByRole('button', { name: 'Add action item' }));
    }
    await user.type(within(within(items).getByRole('group', { name: 'Action item 2' })).getByRole('textbox', { name: 'Owner' }), 'Bo');
    await user.click(within(items).getByRole('button', { name: 'Move action item 2 up' }));
    await user.click(within(items).getByRole('button', { name: 'Remove action item 2' }));
    await waitFor(() => expect(backend.state.review?.content.actionItems.map((item) => [item.title, item.owner])).toEqual([['Load test', 'Bo']]), { timeout: 3000 });
    const ops = backend.saves().flatMap((save) => save.changes.map((change) => change.op));
    expect(ops).toEqual(['addActionItem', 'addActionItem', 'setActionItem', 'moveActionItem', 'removeActionItem']);
  });
});

describe('a value that cannot be saved', () => {
  it('marks a javascript: link at its field with a human message, and the rest of the review keeps saving', async () => {
    const { user, backend } = opened(null);
    const items = await screen.findByRole('region', { name: 'Action items' });
    await user.type(within(items).getByRole('textbox', { name: 'New action item' }), 'Add pool alert');
    await user.click(within(items).getByRole('button', { name: 'Add action item' }));
    const item = within(items).getByRole('group', { name: 'Action item 1' });
    await user.type(within(item).getByLabelText('Link'), 'javascript:alert(1)');
    await user.type(within(section('Summary')).getByRole('textbox', { name: 'Summary' }), 'Payments were down');
    await waitFor(() => expect(backend.state.review?.content.summary).toBe('Payments were down'), { timeout: 3000 });
    expect(backend.state.review?.content.actionItems).toMatchObject([{ title: 'Add pool alert', link: '' }]);
    const link = within(item).getByLabelText('Link');
    expect(link).toHaveValue('javascript:alert(1)');
    expect(link).toHaveAttribute('aria-invalid', 'true');
    expect(link).toHaveAccessibleDescription('Not saved: A link must start with http:// or https://.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status', { name: 'Save status' })).toHaveTextContent('Other changes saved; 1 marked field is not saved');
    expect(JSON.stringify(backend.saves())).not.toContain('javascript:');

    await user.clear(link);
    await user.type(link, 'https://tracker.example/1');
    await waitFor(() => expect(backend.state.review?.content.actionItems[0]?.link).toBe('https://tracker.example/1'), { timeout: 3000 });
    expect(link).not.toHaveAttribute('aria-invalid');
    expect(await screen.findByRole('status', { name: 'Save status' })).toHaveTextContent('All changes saved');
  });

  it('marks an emptied action item title and keeps the stored title until a valid one is typed', async () => {
    const { user, backend } = opened(null);
    const items = await screen.findByRole('region', { name: 'Action items' });
    await user.type(within(items).getByRole('textbox', { name: 'New action item' }), 'Add pool alert');
    await user.click(within(items).getByRole('button', { name: 'Add action item' }));
    await waitFor(() => expect(backend.state.review?.content.actionItems).toHaveLength(1), { timeout: 3000 });
    const title = within(within(items).getByRole('group', { name: 'Action item 1' })).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    expect(title).toHaveAccessibleDescription('Not saved: Action item title is required.');
    await user.click(screen.getByRole('button', { name: 'Submit for review' }));
    await user.type(screen.getByRole('textbox', { name: 'Approver' }), 'Bo');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Correct the marked field first: it is not saved.');
    expect(backend.state.review?.status).toBe('draft');
    expect(backend.state.review?.content.actionItems[0]?.title).toBe('Add pool alert');
  });
});

describe('a submitter and an approver', () => {
  it('submits naming an approver, never the submitter', async () => {
    const { user, backend } = opened(null);
    await user.click(await screen.findByRole('button', { name: 'Submit for review' }));
    const approver = screen.getByRole('textbox', { name: 'Approver' });
    await user.type(approver, 'ana');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(approver).toHaveAccessibleDescription('You cannot approve your own review: name another engineer.');
    expect(backend.calls.some((call) => call.name === 'reviews.submit')).toBe(false);
    await user.clear(approver);
    await user.type(approver, 'Bo');
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByText(/^Submitted by Ana .*; approver Bo$/)).toBeInTheDocument();
    expect(backend.state.review).toMatchObject({ status: 'inReview', submittedBy: 'Ana', approver: 'Bo' });
  });

  it('does not let the submitter approve their own review, and says who does', async () => {
    const record = resolvedCase();
    opened(must(submitReview(startReview(record, ctx), 1, 'Bo', ctx)));
    const publish = await screen.findByRole('button', { name: 'Approve and publish' });
    await waitFor(() => expect(publish).toBeDisabled());
    expect(publish).toHaveAccessibleDescription('Ana submitted this review and cannot approve it; Bo approves it.');
  });
});

describe('exports for the customer', () => {
  it('leaves internal notes out unless "Include internal notes" is ticked', async () => {
    const { user, backend } = opened(null);
    Object.assign(URL, { createObjectURL: () => 'blob:review', revokeObjectURL: () => undefined });
    const bar = await screen.findByRole('group', { name: 'Export' });
    await user.click(within(bar).getByRole('button', { name: 'Export HTML' }));
    await user.click(within(bar).getByRole('checkbox', { name: 'Include internal notes' }));
    await user.click(within(bar).getByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => expect(backend.calls.filter((call) => call.name === 'reviews.export')).toHaveLength(2));
    expect(backend.calls.filter((call) => call.name === 'reviews.export').map((call) => call.input)).toEqual([
      { caseId: 'RD-1001', format: 'html', includeInternalNotes: false },
      { caseId: 'RD-1001', format: 'md', includeInternalNotes: true },
    ]);
  });

  it('prints the PDF with the header the other exports have, leaving internal notes out; the print view leaves and says so, every time', async () => {
    // what a browser does on window.print(): beforeprint, the dialog (here: taking a look at the page), then back
    const seen: Array<{ header: string[]; notes: boolean }> = [];
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      window.dispatchEvent(new Event('beforeprint'));
      const header = screen.getByRole('table', { name: 'Review header' });
      seen.push({ header: within(header).getAllByRole('row').map((row) => row.textContent ?? ''), notes: within(screen.getByRole('table', { name: 'Timeline table' })).queryByText('note 1') !== null });
    });
    const { user } = opened(null, { extraNotes: 1 });
    const bar = await screen.findByRole('group', { name: 'Export' });
    await user.click(within(bar).getByRole('button', { name: 'Export PDF' }));
    expect(seen[0]!.header).toEqual(expect.arrayContaining(['CustomerAcme Bank', 'Planstandard', 'SeverityP1 Critical', 'ReviewDraft, revision 1']));
    expect(seen[0]!.notes).toBe(false);
    expect(within(bar).getByRole('status')).toHaveTextContent('Sent to the print dialog');
    expect(screen.queryByRole('table', { name: 'Review header' })).toBeNull();
    await user.click(within(bar).getByRole('button', { name: 'Export PDF' }));
    expect(seen).toHaveLength(2);
    print.mockRestore();
  });
});

function must(decision: ReturnType<typeof submitReview>): Review {
  if (!decision.ok) throw new Error(decision.reason);
  return decision.review;
}

describe('the preview renders as the export renders', () => {
  it('shows a badge around a remote image as a link to "[image: alt]", and pasted headings below the section heading', async () => {
    const { user } = opened(null);
    const box = within(await screen.findByRole('region', { name: 'Summary' })).getByRole('textbox', { name: 'Summary' });
    await user.click(box);
    await user.paste('# Incident 42\n\n[![build](https://ci.example/badge.svg)](https://ci.example/run/1)');
    const preview = within(section('Summary')).getByRole('region', { name: 'Summary preview' });
    const link = await within(preview).findByRole('link', { name: '[image: build]' });
    expect(link).toHaveAttribute('href', 'https://ci.example/run/1');
    expect(preview.querySelector('img')).toBeNull();
    expect(within(preview).getByRole('heading', { name: 'Incident 42' }).tagName).toBe('H4');
    expect(screen.queryAllByRole('heading', { level: 1 })).toHaveLength(0);
  });
});
