import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReviewPanel } from '../../src-renderer/features/review';
import { DeskProvider, createDeskStores, createNowStore } from '../../src-renderer/state';
import { publishReview, saveReview, startReview, submitReview, type Review } from '../../src-shared/review';
import { asChanges } from '../shared/review/as-changes';
import { createReviewBackend, resolvedCase } from './review-backend';

vi.setConfig({ testTimeout: 20_000 });

// jsdom lays nothing out; the virtualized timeline needs its scroller to have a height.
let heightSpy: { mockRestore(): void };
beforeAll(() => {
  heightSpy = vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(480);
});
afterAll(() => heightSpy.mockRestore());

const ctx = { nowIso: '2026-11-27T09:00:00.000Z', actor: 'Ana' };
const must = (decision: ReturnType<typeof saveReview>): Review => {
  if (!decision.ok) throw new Error(decision.reason);
  return decision.review;
};

async function openReview(backend: ReturnType<typeof createReviewBackend>) {
  const user = userEvent.setup();
  render(
    <DeskProvider stores={createDeskStores(backend.desk, createNowStore(Date.now()))}>
      <ReviewPanel caseId="RD-1001" />
    </DeskProvider>,
  );
  const start = await screen.findByRole('button', { name: /Start review|Start a new revision/ }).catch(() => null);
  if (start && start.textContent === 'Start review') await user.click(start);
  const rca = await screen.findByRole('region', { name: 'Root cause analysis' });
  return { user, rca };
}

const categoryBoxes = (rca: HTMLElement) => within(within(rca).getByRole('group', { name: 'Categories' })).getAllByRole('checkbox');
const labelsOf = (backend: ReturnType<typeof createReviewBackend>) => {
  const analysis = backend.state.review?.content.rootCauseAnalysis;
  return { categories: analysis?.categories ?? [], tags: analysis?.tags ?? [] };
};

describe("the root cause's categories and tags", () => {
  it("offers the taxonomy in Settings as check boxes, ticked from the keyboard, and saves them in the taxonomy's order", async () => {
    const backend = createReviewBackend({ rootCauseCategories: ['Change or deployment', 'Configuration', 'Capacity', 'Vendor outage'] });
    const { user, rca } = await openReview(backend);
    await waitFor(() => expect(categoryBoxes(rca).map((box) => box.closest('label')!.textContent)).toEqual(['Change or deployment', 'Configuration', 'Capacity', 'Vendor outage']));
    within(rca).getByRole('checkbox', { name: 'Vendor outage' }).focus();
    await user.keyboard(' ');
    await user.tab({ shift: true });
    await user.tab({ shift: true });
    expect(within(rca).getByRole('checkbox', { name: 'Configuration' })).toHaveFocus();
    await user.keyboard(' ');
    await waitFor(() => expect(labelsOf(backend)).toEqual({ categories: ['Configuration', 'Vendor outage'], tags: [] }), { timeout: 3000 });
    await user.click(within(rca).getByRole('checkbox', { name: 'Vendor outage' }));
    await waitFor(() => expect(labelsOf(backend).categories).toEqual(['Configuration']), { timeout: 3000 });
    // every save names the version it was made from and carries the one labels change
    const saves = backend.saves().filter((save) => save.changes.some((change) => change.op === 'setRootCauseLabels'));
    expect(saves.at(-1)!.changes).toEqual([{ op: 'setRootCauseLabels', categories: ['Configuration'], tags: [] }]);
  });

  it('adds free tags with Enter (commas separate several, a tag is there once) and removes one by its button', async () => {
    const backend = createReviewBackend();
    const { user, rca } = await openReview(backend);
    const tags = within(rca).getByRole('group', { name: 'Tags' });
    expect(within(tags).getByText('No tags.')).toBeInTheDocument();
    await user.type(within(tags).getByRole('textbox', { name: 'New tag' }), 'dns, connection-pool{Enter}');
    await user.type(within(tags).getByRole('textbox', { name: 'New tag' }), 'DNS{Enter}');
    expect(within(tags).getByRole('textbox', { name: 'New tag' })).toHaveValue('');
    expect(within(tags).getAllByRole('listitem').map((item) => item.firstChild!.textContent)).toEqual(['dns', 'connection-pool']);
    await waitFor(() => expect(labelsOf(backend).tags).toEqual(['dns', 'connection-pool']), { timeout: 3000 });
    await user.click(within(tags).getByRole('button', { name: 'Remove tag dns' }));
    await waitFor(() => expect(labelsOf(backend)).toEqual({ categories: [], tags: ['connection-pool'] }), { timeout: 3000 });
    expect(within(tags).getByRole('button', { name: 'Add tag' })).toBeDisabled();
  });

  it('keeps a category Settings no longer has, saying so, until it is unticked', async () => {
    const record = resolvedCase();
    const draft = must(saveReview(startReview(record, ctx), 1, [{ op: 'setRootCauseLabels', categories: ['Human error'], tags: [] }], ctx));
    const backend = createReviewBackend({ record, review: draft });
    const { user, rca } = await openReview(backend);
    const retired = await within(rca).findByRole('checkbox', { name: 'Human error (no longer in Settings)' });
    expect(retired).toBeChecked();
    expect(categoryBoxes(rca)).toHaveLength(9);
    await user.click(retired);
    await waitFor(() => expect(labelsOf(backend).categories).toEqual([]), { timeout: 3000 });
    expect(within(rca).queryByRole('checkbox', { name: /Human error/ })).toBeNull();
  });

  it('shows a published review\'s categories and tags without a way to change them', async () => {
    const record = resolvedCase();
    const complete = must(
      saveReview(startReview(record, ctx), 1, asChanges({ summary: 'Done', rootCauseAnalysis: { rootCause: 'Pool', contributingFactors: '', fiveWhys: [], categories: ['Capacity'], tags: ['pool'] }, preventativeRecommendations: 'Alert' }), ctx),
    );
    const published = must(publishReview(must(submitReview(complete, complete.version, 'Bo', ctx)), complete.version + 1, { ...ctx, actor: 'Bo' }));
    const { rca } = await openReview(createReviewBackend({ record, review: published }));
    await waitFor(() => expect(within(rca).getByRole('checkbox', { name: 'Capacity' })).toBeChecked());
    for (const box of categoryBoxes(rca)) expect(box).toBeDisabled();
    const tags = within(rca).getByRole('group', { name: 'Tags' });
    expect(within(tags).getByText('pool')).toBeInTheDocument();
    expect(within(tags).queryByRole('textbox')).toBeNull();
    expect(within(tags).queryByRole('button')).toBeNull();
  });
});
