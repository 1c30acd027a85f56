import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Result, ReviewView } from '../../src-shared/contract';
import { foldCase, type CaseRecord } from '../../src-shared/domain';
import { caseHeader, caseTimeZone, publishReview, reviewDeadlineItems, reviewRequirement, saveReview, startReview, submitReview, type Review, type ReviewDecision } from '../../src-shared/review';
import { DEFAULT_SETTINGS } from '../../src-shared/settings';
import { formatDue } from '../../src-renderer/components/time-format';
import { formatDate } from '../../src-shared/words/time';
import { caseRecord, NOW, renderApp, spokenText } from './render-app';
import { asChanges } from '../shared/review/as-changes';

vi.setConfig({ testTimeout: 20_000 });

// jsdom lays nothing out; the review editor's virtualized timeline needs its scroller to have a height.
let heightSpy: { mockRestore(): void };
beforeAll(() => {
  heightSpy = vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(480);
});
afterAll(() => heightSpy.mockRestore());
afterEach(() => window.history.replaceState(null, '', '/'));

const POLICY = DEFAULT_SETTINGS.policy;
const context = { nowIso: NOW, actor: 'Ana' };
const ACK = { type: 'acknowledged' as const, at: '2026-11-25T09:10:00.000Z', data: { checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true }, response: 'Investigating the gateway' } };
const RESOLVED = { type: 'resolved' as const, at: '2026-11-25T12:00:00.000Z', data: { criterion: 'serviceRestored' as const, method: 'bugFix' as const, summary: 'Gateway pool resized' } };

const resolvedCase = (id: string, plan: string, severity: 'P1' | 'P3' = 'P1') =>
  caseRecord({ id, title: `Outage ${id}`, plan, severity, loggedAt: '2026-11-25T09:00:00.000Z' }, [ACK, RESOLVED]);
const openP1 = (id: string) => caseRecord({ id, title: `Outage ${id}`, plan: 'premium', severity: 'P1', loggedAt: '2026-11-26T09:30:00.000Z' });

function must(decision: ReviewDecision): Review {
  if (!decision.ok) throw new Error(decision.reason);
  return decision.review;
}

function publishedReview(record: CaseRecord): Review {
  let review = startReview(record, context);
  review = must(saveReview(review, review.version, asChanges({ rootCauseAnalysis: { rootCause: 'Pool exhausted', contributingFactors: '', fiveWhys: [] }, preventativeRecommendations: 'Alert on pool use' }), context));
  review = must(submitReview(review, review.version, 'Bo', context));
  return must(publishReview(review, review.version, { ...context, actor: 'Bo' }));
}

const actionItem = (id: string, title: string, owner: string, due: string) => ({ id, title, owner, due, status: 'open' as const, link: '', closedBy: null, closedAt: null });

/** The review requests answered as the core would, from the shared rules, over the cases given. */
function reviewDesk(cases: CaseRecord[], reviews = new Map<string, Review>()) {
  const byId = new Map(cases.map((record) => [record.id, record]));
  const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
  const view = (caseId: string): ReviewView => {
    const record = byId.get(caseId)!;
    const review = reviews.get(caseId) ?? null;
    return { caseId, header: caseHeader(record, caseTimeZone(POLICY, foldCase(record).plan)), review, requirement: reviewRequirement(record, POLICY, review, NOW), newCaseEvents: 0 };
  };
  const app = renderApp({
    cases,
    handlers: {
      'system.info': () => ok({ version: 't', host: 'browser', dataDir: '/tmp', storage: { corrupt: [], migrated: [] } }),
      'reviews.deadlines': () => ok(reviewDeadlineItems({ cases: [...byId.values()], reviews, policy: POLICY, nowIso: NOW })),
      'reviews.get': (input: { caseId: string }) => ok(view(input.caseId)),
      'reviews.start': (input: { caseId: string }) => {
        if (!reviews.has(input.caseId)) reviews.set(input.caseId, startReview(byId.get(input.caseId)!, context));
        return ok(view(input.caseId));
      },
    },
  });
  return { ...app, byId, reviews };
}

async function openCase(id: string) {
  const user = userEvent.setup();
  const table = await screen.findByRole('table', { name: /queue$/ });
  await user.click(within(table).getByRole('cell', { name: id }));
  return { user, panel: screen.getByRole('complementary', { name: new RegExp(id) }) };
}

const reviewSection = (panel: HTMLElement) => within(panel).findByRole('region', { name: 'Post-incident review' });
const dueOf = (record: CaseRecord) => {
  const requirement = reviewRequirement(record, POLICY, null, NOW);
  if (!requirement.required || !requirement.dueAt) throw new Error('the case owes no review');
  return requirement.dueAt;
};

function rowOf(table: HTMLElement, caseId: string): HTMLElement {
  const row = within(table).getAllByRole('row').find((candidate) => within(candidate).queryByRole('cell', { name: caseId }));
  if (!row) throw new Error(`no row for ${caseId}`);
  return row;
}

describe('the review in the case panel', () => {
  it('shows a resolved Premium P1 as review required with its due date, formally part of the engagement, with Start review', async () => {
    const record = resolvedCase('RD-1001', 'premium');
    reviewDesk([record]);
    const { panel } = await openCase('RD-1001');
    const section = await reviewSection(panel);
    expect(await within(section).findByText(`Review required, due ${formatDue(dueOf(record))}`)).toBeInTheDocument();
    expect(within(section).getByText(/formally part of the engagement/)).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Start review' })).toBeEnabled();
    expect(within(section).queryByRole('button', { name: 'Open review' })).not.toBeInTheDocument();
  });

  it('does not call the review formal outside Premium', async () => {
    reviewDesk([resolvedCase('RD-1001', 'standard')]);
    const section = await reviewSection((await openCase('RD-1001')).panel);
    expect(await within(section).findByText(/^Review required, due /)).toBeInTheDocument();
    expect(within(section).queryByText(/formally part of the engagement/)).not.toBeInTheDocument();
  });

  it('marks a required review past its due date as overdue', async () => {
    const record = resolvedCase('RD-1001', 'standard');
    const { stores } = reviewDesk([record]);
    const section = await reviewSection((await openCase('RD-1001')).panel);
    await within(section).findByText(/^Review required, due /);
    act(() => stores.now.getState().set(Date.parse(dueOf(record)) + 60_000));
    expect(within(section).getByText(/^Review required, due .* \(overdue\)$/)).toBeInTheDocument();
  });

  it('Start review opens the editor in the main area with the case events on its timeline, and Back to queues returns', async () => {
    const { reviews } = reviewDesk([resolvedCase('RD-1001', 'premium')]);
    const { user, panel } = await openCase('RD-1001');
    await user.click(await within(await reviewSection(panel)).findByRole('button', { name: 'Start review' }));
    const editor = await screen.findByRole('article', { name: 'Post-incident review of RD-1001' });
    const timeline = await within(editor).findByRole('table', { name: 'Timeline' });
    await waitFor(() => expect(within(timeline).getAllByRole('row').map((row) => row.getAttribute('aria-label')?.replace(/^\w{3} \d{1,2} \w{3}(?: \d{4})?, \d{2}:\d{2} \S+ /, ''))).toEqual(['Case logged', 'Acknowledgement', 'Resolution']));
    expect(reviews.get('RD-1001')?.status).toBe('draft');
    expect(new URLSearchParams(window.location.search).get('review')).toBe('RD-1001');

    await user.click(screen.getByRole('button', { name: 'Back to queues' }));
    expect(screen.queryByRole('article', { name: 'Post-incident review of RD-1001' })).not.toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'P1 Critical queue' })).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get('review')).toBeNull();
  });

  it('shows the status of an existing review and opens it with Open review', async () => {
    const record = resolvedCase('RD-1001', 'standard');
    reviewDesk([record], new Map([['RD-1001', startReview(record, context)]]));
    const { user, panel } = await openCase('RD-1001');
    const section = await reviewSection(panel);
    expect(await within(section).findByText('Review: Draft, revision 1')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Start review' })).not.toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Open review' }));
    expect(await screen.findByRole('article', { name: 'Post-incident review of RD-1001' })).toBeInTheDocument();
  });

  it('shows a published review as published, not required', async () => {
    const record = resolvedCase('RD-1001', 'standard');
    reviewDesk([record], new Map([['RD-1001', publishedReview(record)]]));
    const section = await reviewSection((await openCase('RD-1001')).panel);
    expect(await within(section).findByText(/^Review published /)).toBeInTheDocument();
    expect(within(section).getByText('Review: Published, revision 1')).toBeInTheDocument();
    expect(within(section).queryByText(/Review required/)).not.toBeInTheDocument();
  });

  it('lets a resolved case that needs no review start one on request', async () => {
    reviewDesk([resolvedCase('RD-1003', 'standard', 'P3')]);
    const section = await reviewSection((await openCase('RD-1003')).panel);
    expect(await within(section).findByText('No review is required; one can be written on request.')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Start review' })).toBeEnabled();
  });

  it('shows no review section on a case still being worked', async () => {
    const { fake } = reviewDesk([openP1('RD-1002')]);
    const { panel } = await openCase('RD-1002');
    await waitFor(() => expect(fake.calls.some((call) => call.name === 'reviews.get')).toBe(true));
    expect(within(panel).queryByRole('region', { name: 'Post-incident review' })).not.toBeInTheDocument();
  });

  it('keeps ?review= as a deep link to the editor', async () => {
    window.history.replaceState(null, '', '/?review=RD-1001');
    reviewDesk([resolvedCase('RD-1001', 'standard')]);
    expect(await screen.findByRole('article', { name: 'Post-incident review of RD-1001' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Start review' })).toBeInTheDocument();
  });

  it('opens a linked review beside the loading of the cases, not after it: the review shows while the case list is still on its way', async () => {
    window.history.replaceState(null, '', '/?review=RD-1001');
    const record = resolvedCase('RD-1001', 'standard');
    let answerCases: (result: Result<CaseRecord[]>) => void = () => undefined;
    const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
    const { fake } = renderApp({
      handlers: {
        'cases.list': () => new Promise<Result<CaseRecord[]>>((resolve) => (answerCases = resolve)),
        'system.info': () => ok({ version: 't', host: 'browser', dataDir: '/tmp', storage: { corrupt: [], migrated: [] } }),
        'reviews.deadlines': () => ok([]),
        'reviews.get': () => ok({ caseId: 'RD-1001', header: caseHeader(record, caseTimeZone(POLICY, 'standard')), review: null, requirement: reviewRequirement(record, POLICY, null, NOW), newCaseEvents: 0 }),
      },
    });
    expect(await screen.findByRole('button', { name: 'Start review' })).toBeInTheDocument();
    expect(fake.calls.filter((call) => call.name === 'reviews.get')).toHaveLength(1);
    expect(fake.calls.some((call) => call.name === 'cases.list')).toBe(true);
    expect(screen.queryByRole('table', { name: /queue$/ })).not.toBeInTheDocument();

    act(() => answerCases(ok([record])));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Back to queues' }));
    expect(await screen.findByRole('table', { name: 'P1 Critical queue' })).toBeInTheDocument();
  });
});

describe('"Review required" in the queue rows', () => {
  it('marks a resolved case that owes a review, in words, and not one whose review is published', async () => {
    const owing = resolvedCase('RD-1001', 'premium');
    const published = resolvedCase('RD-1002', 'premium');
    reviewDesk([owing, published, openP1('RD-1003')], new Map([['RD-1002', publishedReview(published)]]));
    const table = await screen.findByRole('table', { name: 'P1 Critical queue' });
    await waitFor(() => expect(spokenText(within(rowOf(table, 'RD-1001')).getAllByRole('cell')[5]!)).toBe('ResolvedReview required'));
    expect(within(rowOf(table, 'RD-1001')).getByText('Review required')).toHaveAttribute('title', `Post-incident review due ${formatDue(dueOf(owing))}`);
    expect(within(rowOf(table, 'RD-1002')).queryByText('Review required')).not.toBeInTheDocument();
    expect(within(rowOf(table, 'RD-1003')).queryByText('Review required')).not.toBeInTheDocument();
  });

  it('appears when a case is resolved and goes when its review is published', async () => {
    const open = caseRecord({ id: 'RD-1001', title: 'Outage', plan: 'standard', severity: 'P1', loggedAt: '2026-11-25T09:00:00.000Z' }, [ACK]);
    const { fake, byId, reviews } = reviewDesk([open]);
    const table = await screen.findByRole('table', { name: 'P1 Critical queue' });
    await waitFor(() => expect(fake.calls.some((call) => call.name === 'reviews.deadlines')).toBe(true));
    expect(within(table).queryByText('Review required')).not.toBeInTheDocument();

    const resolved = resolvedCase('RD-1001', 'standard');
    byId.set('RD-1001', resolved);
    act(() => fake.push('cases.changed', { record: resolved }));
    expect(await within(rowOf(table, 'RD-1001')).findByText('Review required')).toBeInTheDocument();

    const review = publishedReview(resolved);
    reviews.set('RD-1001', review);
    act(() => fake.push('reviews.changed', { caseId: 'RD-1001', version: review.version, status: review.status, revision: review.revision }));
    await waitFor(() => expect(within(rowOf(table, 'RD-1001')).queryByText('Review required')).not.toBeInTheDocument());
  });
});

describe('review items in the update deadlines', () => {
  function owedRows() {
    const table = screen.getByRole('table', { name: 'Deadlines' });
    return within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell').map(spokenText));
  }

  function withActionItems(record: CaseRecord): Review {
    const review = startReview(record, context);
    return must(saveReview(review, review.version, asChanges({ actionItems: [actionItem('a1', 'Add the pool alert', 'Bo', '2026-11-25'), actionItem('a2', 'Write the failover runbook', '', '2026-12-10')] }), context));
  }

  it('lists Review required and the open action items with their due dates, in time order with the clocks, overdue first', async () => {
    const record = resolvedCase('RD-1001', 'premium');
    reviewDesk([record, openP1('RD-1003')], new Map([['RD-1001', withActionItems(record)]]));
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Deadlines' }));
    await waitFor(() => expect(owedRows()).toHaveLength(4));
    expect(owedRows().map((row) => [row[0], row[1], row[2]])).toEqual([
      // An action item is due on a day: the day is shown, not a time.
      [formatDate('2026-11-25'), 'Action item: Add the pool alert (Bo)', 'RD-1001'],
      [expect.any(String), 'Initial response', 'RD-1003'],
      [formatDue(dueOf(record)), 'Review required', 'RD-1001'],
      [formatDate('2026-12-10'), 'Action item: Write the failover runbook', 'RD-1001'],
    ]);
    expect(owedRows()[2]!.slice(3, 6)).toEqual(['P1 Critical', 'Outage RD-1001', 'Acme']);
  });

  it('moves the review date when holidays are imported, without a reload', async () => {
    const record = resolvedCase('RD-1001', 'standard');
    let policy = POLICY;
    const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
    const { fake } = renderApp({
      cases: [record],
      handlers: {
        'system.info': () => ok({ version: 't', host: 'browser', dataDir: '/tmp', storage: { corrupt: [], migrated: [] } }),
        'reviews.deadlines': () => ok(reviewDeadlineItems({ cases: [record], reviews: new Map(), policy, nowIso: NOW })),
      },
    });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Deadlines' }));
    const before = dueOf(record);
    await waitFor(() => expect(owedRows().map((row) => [row[0], row[1]])).toEqual([[formatDue(before), 'Review required']]));

    // an imported holiday calendar takes Thursday and Friday out of the business week the review is due in
    const calendars = policy.calendars.map((calendar) => ({ ...calendar, holidays: ['2026-11-26', '2026-11-27'] }));
    policy = { ...policy, calendars };
    const requirement = reviewRequirement(record, policy, null, NOW);
    const after = requirement.required ? requirement.dueAt : null;
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    act(() => fake.push('settings.changed', { settings: { ...DEFAULT_SETTINGS, policy } }));
    await waitFor(() => expect(owedRows().map((row) => [row[0], row[1]])).toEqual([[formatDue(after!), 'Review required']]));
  });

  it('leaves out a review already published', async () => {
    const record = resolvedCase('RD-1001', 'premium');
    reviewDesk([record, openP1('RD-1003')], new Map([['RD-1001', publishedReview(record)]]));
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Deadlines' }));
    await waitFor(() => expect(owedRows().map((row) => row[1])).toContain('Initial response'));
    expect(owedRows().map((row) => row[1])).toEqual(['Initial response']);
  });

  it('opens the review when a review item is clicked', async () => {
    reviewDesk([resolvedCase('RD-1001', 'premium')]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Deadlines' }));
    const table = screen.getByRole('table', { name: 'Deadlines' });
    await user.click(await within(table).findByRole('cell', { name: 'Review required' }));
    expect(await screen.findByRole('article', { name: 'Post-incident review of RD-1001' })).toBeInTheDocument();
  });

  describe('from the keyboard', () => {
    async function deadlinesWithReviewItems() {
      const record = resolvedCase('RD-1001', 'premium');
      const rendered = reviewDesk([record, openP1('RD-1003')], new Map([['RD-1001', withActionItems(record)]]));
      const user = userEvent.setup();
      await user.click(await screen.findByRole('button', { name: 'Deadlines' }));
      await waitFor(() => expect(owedRows()).toHaveLength(4));
      return { user, ...rendered };
    }
    const selectedRow = () => within(screen.getByRole('table', { name: 'Deadlines' })).getAllByRole('row').slice(1).findIndex((row) => row.getAttribute('aria-selected') === 'true');

    it('moves the cursor row by row, also across several rows of one case', async () => {
      const { user } = await deadlinesWithReviewItems();
      // rows: RD-1001 action item, RD-1003 initial response, RD-1001 review required, RD-1001 action item
      for (const expected of [0, 1, 2, 3]) {
        await user.keyboard('j');
        expect(selectedRow()).toBe(expected);
      }
      await user.keyboard('k');
      expect(selectedRow()).toBe(2);
    });

    it('Enter on Review required opens the review, not the case', async () => {
      const { user } = await deadlinesWithReviewItems();
      await user.keyboard('jjj');
      expect(owedRows()[selectedRow()]![1]).toBe('Review required');
      await user.keyboard('{Enter}');
      expect(await screen.findByRole('article', { name: 'Post-incident review of RD-1001' })).toBeInTheDocument();
      expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
      expect(new URLSearchParams(window.location.search).get('review')).toBe('RD-1001');
    });

    it('Enter on an action item opens the review', async () => {
      const { user } = await deadlinesWithReviewItems();
      await user.keyboard('jjjj');
      expect(owedRows()[selectedRow()]![1]).toBe('Action item: Write the failover runbook');
      await user.keyboard('{Enter}');
      expect(await screen.findByRole('article', { name: 'Post-incident review of RD-1001' })).toBeInTheDocument();
    });

    it('Enter on a clock item opens its case, with the cursor staying on that row', async () => {
      const { user } = await deadlinesWithReviewItems();
      await user.keyboard('jj');
      expect(owedRows()[selectedRow()]![1]).toBe('Initial response');
      await user.keyboard('{Enter}');
      expect(screen.getByRole('complementary', { name: /RD-1003/ })).toBeInTheDocument();
      expect(screen.queryByRole('article')).not.toBeInTheDocument();
      expect(selectedRow()).toBe(1);
    });
  });
});
