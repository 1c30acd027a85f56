import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StorageReport } from '../../src-renderer/features/data';
import { ReviewPanel } from '../../src-renderer/features/review';
import { DeskProvider, createDeskStores, createNowStore } from '../../src-renderer/state';
import { publishReview, saveReview, startReview, submitReview, type Review } from '../../src-shared/review';
import { asChanges } from '../shared/review/as-changes';
import { createReviewBackend, resolvedCase } from './review-backend';

// typing through user-event is slow in jsdom on a shared machine
vi.setConfig({ testTimeout: 20_000 });

// jsdom lays nothing out; the virtualized timeline needs its scroller to have a height.
let heightSpy: { mockRestore(): void };
beforeAll(() => {
  heightSpy = vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(480);
});
afterAll(() => heightSpy.mockRestore());

function open(backend: ReturnType<typeof createReviewBackend>) {
  render(
    <DeskProvider stores={createDeskStores(backend.desk, createNowStore(Date.now()))}>
      <ReviewPanel caseId="RD-1001" />
    </DeskProvider>,
  );
}

const section = (name: string) => screen.getByRole('region', { name });
const ctx = { nowIso: '2026-11-27T09:00:00.000Z', actor: 'Ana' };

function must(decision: ReturnType<typeof saveReview>): Review {
  if (!decision.ok) throw new Error(decision.reason);
  return decision.review;
}

async function started(backend = createReviewBackend()) {
  const user = userEvent.setup();
  open(backend);
  await user.click(await screen.findByRole('button', { name: 'Start review' }));
  await screen.findByRole('region', { name: 'Summary' });
  return { user, backend };
}

describe('the review of a case', () => {
  it('shows a resolved P1 as review required with its due date in the case calendar zone, and starts the draft', async () => {
    const backend = createReviewBackend();
    open(backend);
    expect(await screen.findByText(/Review required, due Thu 3 Dec 2026, 13:00 CET/)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Start review' }));
    expect(await screen.findByText('Draft, revision 1')).toBeInTheDocument();
    expect(backend.state.review?.status).toBe('draft');
  });

  it('builds the timeline from the case events, in the case calendar time zone', async () => {
    await started();
    const table = within(section('Timeline')).getByRole('table', { name: 'Timeline' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.getAttribute('aria-label'))).toEqual(['Thu 26 Nov 2026, 10:00 CET Case logged', 'Thu 26 Nov 2026, 10:10 CET Acknowledgement', 'Thu 26 Nov 2026, 13:00 CET Resolution']);
    expect(within(rows[1]!).getByRole('cell', { name: 'Investigating the 02s'.replace('02', '502') })).toBeInTheDocument();
  });

  it('shows a timeline of 1,203 entries a screen at a time: the rows in view and a few beside, each entry findable by scrolling', async () => {
    const record = resolvedCase(1200);
    const backend = createReviewBackend({ record, review: startReview(record, ctx) });
    open(backend);
    const table = await screen.findByRole('table', { name: 'Timeline' });
    expect(table).toHaveAttribute('aria-rowcount', '1203');
    expect(within(section('Timeline')).getByText(/^1203 entries/)).toBeInTheDocument();
    // 480 px of 72 px rows and an overscan of 6: a few rows, never the whole timeline
    const shown = () => within(table).getAllByRole('row');
    expect(shown().length).toBeGreaterThanOrEqual(3);
    expect(shown().length).toBeLessThanOrEqual(20);
    expect(shown()[0]).toHaveAccessibleName(/Case logged$/);
    table.scrollTop = 600 * 72;
    fireEvent.scroll(table);
    await waitFor(() => expect(shown().some((row) => within(row).queryByText('note 600') !== null)).toBe(true));
    expect(shown().length).toBeLessThanOrEqual(20);
  });
});

describe('writing the sections', () => {
  it('previews Markdown live and saves the summary once typing stops, from the version it was edited from', async () => {
    const { user, backend } = await started();
    await user.type(within(section('Summary')).getByRole('textbox', { name: 'Summary' }), 'Payments were **down**');
    expect(await within(section('Summary')).findByText('down', { selector: 'strong' })).toBeInTheDocument();
    await waitFor(() => expect(backend.saves()).toEqual([{ caseId: 'RD-1001', baseVersion: 1, changes: [{ op: 'setText', field: 'summary', value: 'Payments were **down**' }] }]), { timeout: 3000 });
    expect(await screen.findByRole('status', { name: 'Save status' })).toHaveTextContent('All changes saved');
  });

  it('sanitizes the preview: no script, no event handler, no remote image, links open outside without an opener', async () => {
    const { user } = await started();
    const box = within(section('Summary')).getByRole('textbox', { name: 'Summary' });
    await user.click(box);
    await user.paste('<script>window.hacked = 1</script>\n\n<img src="https://tracker.example/p.png" onerror="alert(1)"> [runbook](https://example.com/rb) [bad](javascript:alert(1))');
    const preview = await within(section('Summary')).findByRole('region', { name: 'Summary preview' });
    await waitFor(() => expect(within(preview).getByRole('link', { name: 'runbook' })).toBeInTheDocument());
    expect(preview.querySelector('script')).toBeNull();
    // raw HTML is shown as text, as the exports show it: nothing of it runs or loads
    expect(preview.querySelector('img, [onerror]')).toBeNull();
    expect(preview).toHaveTextContent('<img src="https://tracker.example/p.png" onerror="alert(1)">');
    expect(preview.querySelector('a[href^="javascript"]')).toBeNull();
    expect(within(preview).getByRole('link', { name: 'runbook' })).toHaveAttribute('target', '_blank');
    expect(within(preview).getByRole('link', { name: 'runbook' })).toHaveAttribute('rel', 'noopener noreferrer');
    const opened = vi.spyOn(window, 'open').mockReturnValue(null);
    await user.click(within(preview).getByRole('link', { name: 'runbook' }));
    expect(opened).toHaveBeenCalledWith('https://example.com/rb', '_blank', 'noopener,noreferrer');
    opened.mockRestore();
  });

  it('prefills the impact from the case and computes its duration', async () => {
    const { user, backend } = await started();
    const impact = section('Impact');
    expect(within(impact).getByLabelText('Impact start (Europe/Berlin)')).toHaveValue('Thu 26 Nov 2026, 10:00');
    expect(within(impact).getByRole('status', { name: 'Duration' })).toHaveTextContent('3 h');
    await user.clear(within(impact).getByLabelText('Impact start (Europe/Berlin)'));
    await user.type(within(impact).getByLabelText('Impact start (Europe/Berlin)'), '2026-11-26T09:30');
    expect(within(impact).getByRole('status', { name: 'Duration' })).toHaveTextContent('3 h 30 min');
    await user.type(within(impact).getByRole('textbox', { name: 'Services affected' }), 'payments-api');
    await waitFor(() => expect(backend.state.review?.content.impact).toMatchObject({ startedAt: '2026-11-26T08:30:00.000Z', servicesAffected: 'payments-api' }), { timeout: 3000 });
  });

  it('marks key moments, hides and annotates timeline entries, keeping their link to the case event', async () => {
    const { user, backend } = await started();
    const rows = within(section('Timeline')).getAllByRole('row');
    await user.click(within(rows[1]!).getByRole('checkbox', { name: 'Key moment' }));
    await user.click(within(rows[0]!).getByRole('checkbox', { name: 'Hidden' }));
    await user.type(within(rows[2]!).getByRole('textbox', { name: 'Annotation' }), 'pool resized');
    await waitFor(() => expect(backend.state.review?.content.timeline.map(({ eventId, key, hidden, annotation }) => ({ eventId, key, hidden, annotation }))).toEqual([
      { eventId: 'RD-1001#1', key: false, hidden: true, annotation: '' },
      { eventId: 'RD-1001#2', key: true, hidden: false, annotation: '' },
      { eventId: 'RD-1001#3', key: false, hidden: false, annotation: 'pool resized' },
    ]), { timeout: 3000 });
  });

  it('adds an entry for something outside the case, in its place in time', async () => {
    const { user, backend } = await started();
    const form = within(section('Timeline')).getByRole('form', { name: 'Add a timeline entry' });
    await user.type(within(form).getByLabelText('Time (Europe/Berlin)'), '2026-11-26T09:45');
    await user.type(within(form).getByRole('textbox', { name: 'What happened' }), 'payments v2.3 deployed');
    await user.click(within(form).getByRole('button', { name: 'Add entry' }));
    await waitFor(() => expect(backend.state.review?.content.timeline[0]).toMatchObject({ eventId: null, kind: 'deploy', text: 'payments v2.3 deployed', at: '2026-11-26T08:45:00.000Z' }), { timeout: 3000 });
  });

  it('says what is missing when an added entry has no time', async () => {
    const { user } = await started();
    const form = within(section('Timeline')).getByRole('form', { name: 'Add a timeline entry' });
    await user.type(within(form).getByRole('textbox', { name: 'What happened' }), 'alert fired');
    await user.click(within(form).getByRole('button', { name: 'Add entry' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Give the time it happened.');
  });

  it('offers case events recorded after the draft started, and adds them when asked', async () => {
    const backend = createReviewBackend({ record: resolvedCase() });
    backend.state.review = startReview(resolvedCase(), ctx);
    backend.state.record = resolvedCase(2);
    const user = userEvent.setup();
    open(backend);
    const offer = await within(await screen.findByRole('region', { name: 'Timeline' })).findByText(/2 new case events/);
    expect(within(section('Timeline')).getAllByRole('row')).toHaveLength(3);
    await user.click(within(offer).getByRole('button', { name: 'Add to timeline' }));
    await waitFor(() => expect(within(section('Timeline')).getAllByRole('row')).toHaveLength(5));
    expect(within(section('Timeline')).queryByText(/new case event/)).toBeNull();
  });

  it('writes the root cause, contributing factors and five whys', async () => {
    const { user, backend } = await started();
    const rca = section('Root cause analysis');
    await user.type(within(rca).getByRole('textbox', { name: 'Root cause' }), 'Pool exhausted');
    await user.type(within(rca).getByRole('textbox', { name: 'Contributing factors' }), 'No alert');
    await user.click(within(rca).getByRole('button', { name: 'Add a why' }));
    await user.type(within(rca).getByRole('textbox', { name: 'Why 1' }), 'Connections leaked');
    await waitFor(() => expect(backend.state.review?.content.rootCauseAnalysis).toEqual({ rootCause: 'Pool exhausted', contributingFactors: 'No alert', fiveWhys: ['Connections leaked'] }), { timeout: 3000 });
  });

  it('writes preventative recommendations, operational improvements and lessons learned', async () => {
    const { user, backend } = await started();
    await user.type(within(section('Preventative recommendations')).getByRole('textbox', { name: 'Preventative recommendations' }), 'Alert on pool use');
    await user.type(within(section('Operational improvement suggestions')).getByRole('textbox', { name: 'Operational improvement suggestions' }), 'Failover runbook');
    const lessons = section('Lessons learned');
    await user.type(within(lessons).getByRole('textbox', { name: 'What went well' }), 'Fast failover');
    await user.type(within(lessons).getByRole('textbox', { name: 'What went wrong' }), 'Late detection');
    await user.type(within(lessons).getByRole('textbox', { name: 'Where we got lucky' }), 'Quiet day');
    await waitFor(() => expect(backend.state.review?.content).toMatchObject({
      preventativeRecommendations: 'Alert on pool use',
      operationalImprovements: 'Failover runbook',
      lessonsLearned: { wentWell: 'Fast failover', wentWrong: 'Late detection', gotLucky: 'Quiet day' },
    }), { timeout: 3000 });
  });

  it('adds action items with owner and due date, and closes one, keeping who closed it', async () => {
    const { user, backend } = await started();
    const items = section('Action items');
    await user.type(within(items).getByRole('textbox', { name: 'New action item' }), 'Add pool alert');
    await user.click(within(items).getByRole('button', { name: 'Add action item' }));
    const item = within(items).getByRole('group', { name: 'Action item 1' });
    await user.type(within(item).getByRole('textbox', { name: 'Owner' }), 'Bo');
    await user.type(within(item).getByLabelText('Due'), '2026-12-04');
    await user.click(within(item).getByRole('checkbox', { name: 'Done' }));
    await waitFor(() => expect(backend.state.review?.content.actionItems).toEqual([
      { id: 'item-1', title: 'Add pool alert', owner: 'Bo', due: '2026-12-04', status: 'done', link: '', closedBy: 'Ana', closedAt: '2026-11-27T09:00:00.000Z' },
    ]), { timeout: 3000 });
    expect(await within(item).findByText('Closed by Ana on Fri 27 Nov 2026, 10:00 CET')).toBeInTheDocument();
  });
});

describe('statuses, revisions and conflicts', () => {
  it('refuses publishing an incomplete review and lists what is missing', async () => {
    const record = resolvedCase();
    const backend = createReviewBackend({ record, review: must(submitReview(startReview(record, ctx), 1, 'Bo', ctx)) });
    backend.state.engineer = 'Bo';
    const user = userEvent.setup();
    open(backend);
    await user.click(await screen.findByRole('button', { name: 'Approve and publish' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('the root cause is empty')).toBeInTheDocument();
    expect(within(alert).getByText('add at least one preventative recommendation or action item')).toBeInTheDocument();
  });

  it('shows a published review read-only, lists its revision, and starts a new revision on request', async () => {
    const record = resolvedCase();
    const draft = startReview(record, ctx);
    const complete = must(saveReview(draft, 1, asChanges({ summary: 'Published text', rootCauseAnalysis: { rootCause: 'Pool', contributingFactors: '', fiveWhys: [] }, preventativeRecommendations: 'Alert' }), ctx));
    const published = must(publishReview(must(submitReview(complete, 2, 'Bo', ctx)), 3, { ...ctx, actor: 'Bo' }));
    const backend = createReviewBackend({ record, review: published });
    const user = userEvent.setup();
    open(backend);
    expect(await screen.findByText('Published, revision 1')).toBeInTheDocument();
    expect(within(section('Summary')).getByRole('textbox', { name: 'Summary' })).toHaveAttribute('readonly');
    await user.click(within(screen.getByRole('region', { name: 'Revision history' })).getByRole('button', { name: 'View revision 1' }));
    expect(within(screen.getByRole('dialog', { name: 'Revision 1' })).getByText('Published text')).toBeInTheDocument();
    await user.click(within(screen.getByRole('dialog', { name: 'Revision 1' })).getByRole('button', { name: 'Close' }));
    await user.click(screen.getByRole('button', { name: 'Start a new revision' }));
    expect(await screen.findByText('Draft, revision 2')).toBeInTheDocument();
    expect(within(section('Summary')).getByRole('textbox', { name: 'Summary' })).not.toHaveAttribute('readonly');
  });

  it('shows both versions when another window saved first, and saves the chosen merge on the stored version', async () => {
    const { user, backend } = await started();
    backend.saveElsewhere({ summary: 'Bo wrote this', operationalImprovements: 'Bo improvement' });
    await user.type(within(section('Summary')).getByRole('textbox', { name: 'Summary' }), 'Ana wrote this');
    const dialog = await screen.findByRole('dialog', { name: 'The review changed in another window' }, { timeout: 3000 });
    const summary = within(dialog).getByRole('group', { name: 'Summary' });
    expect(within(summary).getByLabelText('Summary: mine')).toHaveTextContent('Ana wrote this');
    expect(within(summary).getByLabelText('Summary: stored')).toHaveTextContent('Bo wrote this');
    expect(backend.state.review?.content.summary).toBe('Bo wrote this');
    await user.click(within(dialog).getByRole('button', { name: 'Save the merged review' }));
    await waitFor(() => expect(backend.state.review?.content).toMatchObject({ summary: 'Ana wrote this', operationalImprovements: 'Bo improvement' }));
    expect(backend.saves().at(-1)).toEqual({ caseId: 'RD-1001', baseVersion: 2, changes: [{ op: 'setText', field: 'summary', value: 'Ana wrote this' }] });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('can keep the stored version of a section instead', async () => {
    const { user, backend } = await started();
    backend.saveElsewhere({ summary: 'Bo wrote this' });
    await user.type(within(section('Summary')).getByRole('textbox', { name: 'Summary' }), 'Ana wrote this');
    const dialog = await screen.findByRole('dialog', { name: 'The review changed in another window' }, { timeout: 3000 });
    await user.click(within(within(dialog).getByRole('group', { name: 'Summary' })).getByRole('radio', { name: /Keep the stored version/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save the merged review' }));
    expect(await within(section('Summary')).findByDisplayValue('Bo wrote this')).toBeInTheDocument();
    expect(backend.state.review?.version).toBe(2);
  });
});

describe('the review\'s dialogs, like every other', () => {
  it('Escape closes a revision, and the focus returns to the button that opened it', async () => {
    const record = resolvedCase();
    const complete = must(saveReview(startReview(record, ctx), 1, asChanges({ summary: 'Published text', rootCauseAnalysis: { rootCause: 'Pool', contributingFactors: '', fiveWhys: [] }, preventativeRecommendations: 'Alert' }), ctx));
    const published = must(publishReview(must(submitReview(complete, 2, 'Bo', ctx)), 3, { ...ctx, actor: 'Bo' }));
    const user = userEvent.setup();
    open(createReviewBackend({ record, review: published }));
    const view = await within(await screen.findByRole('region', { name: 'Revision history' })).findByRole('button', { name: 'View revision 1' });
    view.focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Revision 1' });
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(view).toHaveFocus();
  });

  it('Escape sets a conflict aside without saving anything, and it can be opened again to choose', async () => {
    const { user, backend } = await started();
    backend.saveElsewhere({ summary: 'Bo wrote this' });
    await user.type(within(section('Summary')).getByRole('textbox', { name: 'Summary' }), 'Ana wrote this');
    const dialog = await screen.findByRole('dialog', { name: 'The review changed in another window' }, { timeout: 3000 });
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    const saves = backend.saves().length;
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(backend.saves()).toHaveLength(saves);
    expect(backend.state.review?.content.summary).toBe('Bo wrote this');
    await user.click(screen.getByRole('button', { name: 'Choose between the versions' }));
    const again = screen.getByRole('dialog', { name: 'The review changed in another window' });
    await user.click(within(again).getByRole('button', { name: 'Save the merged review' }));
    await waitFor(() => expect(backend.state.review?.content.summary).toBe('Ana wrote this'));
  });
});

describe('exports in the browser', () => {
  it('downloads the Markdown the core renders', async () => {
    const { user, backend } = await started();
    const created: Blob[] = [];
    const url = Object.assign(URL, { createObjectURL: (blob: Blob) => (created.push(blob), 'blob:review'), revokeObjectURL: () => undefined });
    await user.click(within(screen.getByRole('group', { name: 'Export' })).getByRole('button', { name: 'Export Markdown' }));
    expect(await screen.findByText('Downloaded RD-1001-review-r1.md')).toBeInTheDocument();
    expect(created[0]).toMatchObject({ type: 'text/markdown;charset=utf-8', size: '# Review'.length });
    expect(url.createObjectURL).toBeDefined();
    expect(backend.calls.some((call) => call.name === 'reviews.export')).toBe(true);
  });
});

describe('exports in the desktop console', () => {
  it('asks where to save, knowing the host from the one system.info it shares with the start-up report', async () => {
    const corrupt = { file: '/data/reviews/RD-1002.json', movedTo: '/data/reviews/RD-1002.json.corrupt', reason: 'not JSON' };
    const backend = createReviewBackend({ system: { host: 'electron', storage: { corrupt: [corrupt], migrated: [] } } });
    const user = userEvent.setup();
    render(
      <DeskProvider stores={createDeskStores(backend.desk, createNowStore(Date.now()))}>
        <StorageReport />
        <ReviewPanel caseId="RD-1001" />
      </DeskProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Start review' }));
    await screen.findByRole('region', { name: 'Summary' });
    await user.click(within(screen.getByRole('group', { name: 'Export' })).getByRole('button', { name: 'Export Markdown' }));
    expect(await screen.findByText('Saved to /home/ana/RD-1001-review.md')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Data problems' })).toHaveTextContent('RD-1002.json could not be read: not JSON');
    expect(backend.calls.filter((call) => call.name === 'system.info')).toHaveLength(1);
    expect(backend.calls.some((call) => call.name === 'reviews.export')).toBe(false);
  });
});
