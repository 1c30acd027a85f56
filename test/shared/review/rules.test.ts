import {
  formatDuration,
  impactDurationMinutes,
  impactFromEvents,
  publishProblems,
  publishReview,
  reviseReview,
  saveReview,
  setActionItemStatus,
  startReview,
  submitReview,
  type ActionItem,
  type Review,
} from '../../../src-shared/review';
import { ctx, resolvedP1 } from './fixtures';

const item = (id: string, over: Partial<ActionItem> = {}): ActionItem => ({
  id, title: `Item ${id}`, owner: 'bo', due: '2026-12-04', status: 'open', link: '', closedBy: null, closedAt: null, ...over,
});

function ok(decision: ReturnType<typeof saveReview>): Review {
  if (!decision.ok) throw new Error(decision.reason);
  return decision.review;
}

function inReview(changes: Parameters<typeof saveReview>[2]): Review {
  const draft = startReview(resolvedP1().record(), ctx);
  const saved = ok(saveReview(draft, draft.version, changes, ctx));
  return ok(submitReview(saved, saved.version, ctx));
}

describe('impact prefilled from the case events', () => {
  it('takes start and detection from logging, mitigation from the workaround and resolution from the resolution', () => {
    expect(impactFromEvents(resolvedP1().events)).toMatchObject({
      startedAt: '2026-11-26T09:00:00.000Z',
      detectedAt: '2026-11-26T09:00:00.000Z',
      mitigatedAt: '2026-11-26T10:30:00.000Z',
      resolvedAt: '2026-11-26T12:00:00.000Z',
      customersAffected: 'Acme Bank',
    });
  });

  it('computes the duration from impact start to resolution', () => {
    expect(impactDurationMinutes({ startedAt: '2026-11-26T09:00:00.000Z', resolvedAt: '2026-11-26T12:05:00.000Z' })).toBe(185);
    expect(impactDurationMinutes({ startedAt: '2026-11-26T09:00:00.000Z', resolvedAt: null })).toBeNull();
    expect(formatDuration(185)).toBe('3 h 5 min');
    expect(formatDuration(1500)).toBe('1 d 1 h');
    expect(formatDuration(0)).toBe('0 min');
  });
});

describe('what a review needs before it is published', () => {
  const complete = { rootCauseAnalysis: { rootCause: 'Pool exhausted', contributingFactors: '', fiveWhys: [] }, preventativeRecommendations: 'Alert on pool use' };

  it('cannot be published with an empty root cause', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    const problems = publishProblems({ ...draft.content, ...complete, rootCauseAnalysis: { rootCause: '  ', contributingFactors: '', fiveWhys: [] } });
    expect(problems).toEqual([{ path: 'rootCauseAnalysis.rootCause', message: 'the root cause is empty' }]);
  });

  it('cannot be published without a preventative recommendation or an action item', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    expect(publishProblems({ ...draft.content, ...complete, preventativeRecommendations: '' })).toEqual([
      { path: 'preventativeRecommendations', message: 'add at least one preventative recommendation or action item' },
    ]);
    expect(publishProblems({ ...draft.content, ...complete, preventativeRecommendations: '', actionItems: [item('1')] })).toEqual([]);
  });

  it('refuses impact times out of order', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    const impact = { ...draft.content.impact, detectedAt: '2026-11-26T08:00:00.000Z', startedAt: '2026-11-26T09:00:00.000Z' };
    expect(publishProblems({ ...draft.content, ...complete, impact })).toEqual([{ path: 'impact.detectedAt', message: 'detected is before impact start' }]);
  });

  it('refuses publishing an incomplete review with every problem, and publishes a complete one', () => {
    const incomplete = inReview({});
    const refused = publishReview(incomplete, incomplete.version, ctx);
    expect(refused).toMatchObject({ ok: false, code: 'incomplete', problems: [{ path: 'rootCauseAnalysis.rootCause' }, { path: 'preventativeRecommendations' }] });
    const published = ok(publishReview(inReview(complete), inReview(complete).version, ctx));
    expect(published.status).toBe('published');
    expect(published.revisions).toEqual([{ revision: 1, publishedAt: ctx.nowIso, publishedBy: 'ana', content: published.content }]);
  });
});

describe('statuses, revisions and versions', () => {
  it('goes draft -> in review -> published, and only that way', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    expect(publishReview(draft, draft.version, ctx)).toMatchObject({ ok: false, code: 'notAllowed' });
    const submitted = ok(submitReview(draft, draft.version, ctx));
    expect(submitted.status).toBe('inReview');
    expect(submitReview(submitted, submitted.version, ctx)).toMatchObject({ ok: false, code: 'notAllowed' });
  });

  it('never changes a published review; a change starts the next revision as a draft', () => {
    const complete = inReview({ rootCauseAnalysis: { rootCause: 'Pool', contributingFactors: '', fiveWhys: [] }, preventativeRecommendations: 'Alert' });
    const published = ok(publishReview(complete, complete.version, ctx));
    expect(saveReview(published, published.version, { summary: 'edited' }, ctx)).toMatchObject({ ok: false, code: 'notAllowed', reason: expect.stringMatching(/new revision/) });
    const revised = ok(reviseReview(published, published.version, ctx));
    expect(revised).toMatchObject({ status: 'draft', revision: 2 });
    const edited = ok(saveReview(revised, revised.version, { summary: 'edited' }, ctx));
    expect(edited.revisions[0]?.content.summary).toBe('');
  });

  it('detects a save made from an older version instead of overwriting', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    const first = ok(saveReview(draft, draft.version, { summary: 'window A' }, ctx));
    expect(first.version).toBe(draft.version + 1);
    const second = saveReview(first, draft.version, { summary: 'window B' }, ctx);
    expect(second).toMatchObject({ ok: false, code: 'conflict', reason: expect.stringContaining(`now at version ${first.version}`) });
  });

  it('replaces only the sections sent', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    const saved = ok(saveReview(draft, draft.version, { summary: 'S' }, ctx));
    expect(saved.content.timeline).toBe(draft.content.timeline);
    expect(saved.content.summary).toBe('S');
  });
});

describe('action items tracked to completion', () => {
  it('keeps who closed an item and when, and forgets it when the item is reopened', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    const withItems = ok(saveReview(draft, draft.version, { actionItems: [item('1'), item('2')] }, ctx));
    const closed = ok(setActionItemStatus(withItems, '1', 'done', { nowIso: '2026-12-01T08:00:00.000Z', actor: 'bo' }));
    expect(closed.content.actionItems[0]).toMatchObject({ status: 'done', closedBy: 'bo', closedAt: '2026-12-01T08:00:00.000Z' });
    const resaved = ok(saveReview(closed, closed.version, { actionItems: closed.content.actionItems.map((i) => ({ ...i, closedBy: 'someone else' })) }, { nowIso: '2026-12-02T08:00:00.000Z', actor: 'cy' }));
    expect(resaved.content.actionItems[0]).toMatchObject({ closedBy: 'bo', closedAt: '2026-12-01T08:00:00.000Z' });
    const reopened = ok(setActionItemStatus(resaved, '1', 'open', ctx));
    expect(reopened.content.actionItems[0]).toMatchObject({ status: 'open', closedBy: null, closedAt: null });
  });

  it('closes items of a published review without changing the published revision', () => {
    const complete = inReview({ rootCauseAnalysis: { rootCause: 'Pool', contributingFactors: '', fiveWhys: [] }, actionItems: [item('1')] });
    const published = ok(publishReview(complete, complete.version, ctx));
    const closed = ok(setActionItemStatus(published, '1', 'done', ctx));
    expect(closed.status).toBe('published');
    expect(closed.revisions[0]?.content.actionItems[0]?.status).toBe('open');
  });

  it('names an unknown action item', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    expect(setActionItemStatus(draft, 'nope', 'done', ctx)).toMatchObject({ ok: false, code: 'notFound', reason: expect.stringContaining('nope') });
  });
});
