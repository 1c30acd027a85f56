import {
  formatDuration,
  impactDurationMinutes,
  impactFromEvents,
  publishProblems,
  publishReview,
  returnToDraft,
  reviseReview,
  saveReview,
  setActionItemStatus,
  startReview,
  submitReview,
  type ActionItem,
  type Review,
} from '../../../src-shared/review';
import { asChanges } from './as-changes';
import { ctx, resolvedP1 } from './fixtures';

/** ctx.actor ("ana") writes and submits; "bo" is named to approve. */
const approver = { ...ctx, actor: 'bo' };

const item = (id: string, over: Partial<ActionItem> = {}): ActionItem => ({
  id, title: `Item ${id}`, owner: 'bo', due: '2026-12-04', status: 'open', link: '', closedBy: null, closedAt: null, ...over,
});

function ok(decision: ReturnType<typeof saveReview>): Review {
  if (!decision.ok) throw new Error(decision.reason);
  return decision.review;
}

function inReview(values: Parameters<typeof asChanges>[0]): Review {
  const draft = startReview(resolvedP1().record(), ctx);
  const changes = asChanges(values);
  const saved = changes.length > 0 ? ok(saveReview(draft, draft.version, changes, ctx)) : draft;
  return ok(submitReview(saved, saved.version, 'bo', ctx));
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
    const refused = publishReview(incomplete, incomplete.version, approver);
    expect(refused).toMatchObject({ ok: false, code: 'incomplete', problems: [{ path: 'rootCauseAnalysis.rootCause' }, { path: 'preventativeRecommendations' }] });
    const published = ok(publishReview(inReview(complete), inReview(complete).version, approver));
    expect(published.status).toBe('published');
    expect(published.revisions).toEqual([{ revision: 1, publishedAt: ctx.nowIso, publishedBy: 'bo', submittedBy: 'ana', content: published.content }]);
  });
});

describe('statuses, revisions and versions', () => {
  it('goes draft -> in review -> published, and only that way', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    expect(publishReview(draft, draft.version, approver)).toMatchObject({ ok: false, code: 'notAllowed' });
    const submitted = ok(submitReview(draft, draft.version, 'bo', ctx));
    expect(submitted.status).toBe('inReview');
    expect(submitReview(submitted, submitted.version, 'bo', ctx)).toMatchObject({ ok: false, code: 'notAllowed' });
  });

  it('never changes a published review; a change starts the next revision as a draft', () => {
    const complete = inReview({ rootCauseAnalysis: { rootCause: 'Pool', contributingFactors: '', fiveWhys: [] }, preventativeRecommendations: 'Alert' });
    const published = ok(publishReview(complete, complete.version, approver));
    expect(saveReview(published, published.version, asChanges({ summary: 'edited' }), ctx)).toMatchObject({ ok: false, code: 'notAllowed', reason: expect.stringMatching(/new revision/) });
    const revised = ok(reviseReview(published, published.version, ctx));
    expect(revised).toMatchObject({ status: 'draft', revision: 2, submittedBy: null, approver: null });
    const edited = ok(saveReview(revised, revised.version, asChanges({ summary: 'edited' }), ctx));
    expect(edited.revisions[0]?.content.summary).toBe('');
  });

  it('detects a save made from an older version instead of overwriting', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    const first = ok(saveReview(draft, draft.version, asChanges({ summary: 'window A' }), ctx));
    expect(first.version).toBe(draft.version + 1);
    const second = saveReview(first, draft.version, asChanges({ summary: 'window B' }), ctx);
    expect(second).toMatchObject({ ok: false, code: 'conflict', reason: expect.stringContaining(`now at version ${first.version}`) });
  });

  it('changes only what a change names', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    const saved = ok(saveReview(draft, draft.version, asChanges({ summary: 'S' }), ctx));
    expect(saved.content.timeline).toBe(draft.content.timeline);
    expect(saved.content.summary).toBe('S');
  });
});

describe('changes by field, entry and item', () => {
  const draft = () => startReview(resolvedP1().record(), ctx);

  it('hides one timeline entry by its id, leaving every other entry as it was', () => {
    const review = draft();
    const target = review.content.timeline[2]!;
    const saved = ok(saveReview(review, review.version, [{ op: 'setTimelineEntry', id: target.id, hidden: true }], ctx));
    expect(saved.content.timeline[2]).toEqual({ ...target, hidden: true });
    saved.content.timeline.forEach((entry, index) => {
      if (index !== 2) expect(entry).toBe(review.content.timeline[index]);
    });
  });

  it('marks a key moment, annotates, and shows a hidden entry again', () => {
    const review = draft();
    const id = review.content.timeline[1]!.id;
    const saved = ok(
      saveReview(review, review.version, [{ op: 'setTimelineEntry', id, hidden: true }, { op: 'setTimelineEntry', id, key: true, annotation: 'turning point' }, { op: 'setTimelineEntry', id, hidden: false }], ctx),
    );
    expect(saved.content.timeline[1]).toMatchObject({ id, hidden: false, key: true, annotation: 'turning point', eventId: review.content.timeline[1]!.eventId });
  });

  it('adds an entry for something outside the case in its place in time, linked to no case event', () => {
    const review = draft();
    const saved = ok(saveReview(review, review.version, [{ op: 'addTimelineEntry', entry: { id: 'added:1', at: '2026-11-26T09:05:00.000Z', kind: 'deploy', text: 'Deploy 4.2', actor: 'ci' } }], ctx));
    expect(saved.content.timeline[1]).toEqual({ id: 'added:1', eventId: null, at: '2026-11-26T09:05:00.000Z', kind: 'deploy', text: 'Deploy 4.2', actor: 'ci', hidden: false, key: false, annotation: '' });
    expect(saveReview(saved, saved.version, [{ op: 'addTimelineEntry', entry: { id: 'added:1', at: '2026-11-26T09:06:00.000Z', kind: 'alert', text: 'again', actor: '' } }], ctx)).toMatchObject({
      ok: false,
      code: 'invalid',
      problems: [{ path: 'changes.0', message: 'the timeline already has an entry added:1' }],
    });
  });

  it('adds, edits, moves and removes one action item at a time by id', () => {
    const review = draft();
    const add = (id: string) => ({ op: 'addActionItem' as const, item: { id, title: `Item ${id}`, owner: '', due: null, link: '' } });
    const three = ok(saveReview(review, review.version, [add('a'), add('b'), add('c')], ctx));
    const edited = ok(saveReview(three, three.version, [{ op: 'setActionItem', id: 'b', owner: 'bo', link: 'https://tracker.example/2' }, { op: 'moveActionItem', id: 'c', to: 0 }, { op: 'removeActionItem', id: 'a' }], ctx));
    expect(edited.content.actionItems.map((item) => [item.id, item.owner, item.link])).toEqual([
      ['c', '', ''],
      ['b', 'bo', 'https://tracker.example/2'],
    ]);
  });

  it('refuses the whole save, naming the change, when one names an item or entry that does not exist', () => {
    const review = draft();
    const decision = saveReview(review, review.version, [...asChanges({ summary: 'kept out' }), { op: 'setActionItem', id: 'ghost', title: 'x' }], ctx);
    expect(decision).toEqual({ ok: false, code: 'invalid', reason: 'Change 2 cannot be made: the review has no action item ghost.', problems: [{ path: 'changes.1', message: 'the review has no action item ghost' }] });
    expect(saveReview(review, review.version, [{ op: 'setTimelineEntry', id: 'event:RD-1001#99', hidden: true }], ctx)).toMatchObject({ ok: false, code: 'invalid', reason: expect.stringContaining('no entry event:RD-1001#99') });
  });
});

describe('a submitter and an approver', () => {
  const complete = { rootCauseAnalysis: { rootCause: 'Pool', contributingFactors: '', fiveWhys: [] }, preventativeRecommendations: 'Alert' };

  it('names who submitted the review and who approves it', () => {
    const submitted = inReview(complete);
    expect(submitted).toMatchObject({ status: 'inReview', submittedBy: 'ana', submittedAt: ctx.nowIso, approver: 'bo' });
  });

  it('refuses a submitter naming themselves as approver, whatever the spelling', () => {
    const review = startReview(resolvedP1().record(), ctx);
    expect(submitReview(review, review.version, ' ANA ', ctx)).toMatchObject({ ok: false, code: 'notAllowed', reason: 'ana cannot approve their own review: name another engineer as approver.' });
    expect(submitReview(review, review.version, '  ', ctx)).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('refuses the submitter approving their own review', () => {
    const submitted = inReview(complete);
    expect(publishReview(submitted, submitted.version, ctx)).toEqual({ ok: false, code: 'notAllowed', reason: 'ana submitted this review and cannot approve it; bo approves it.' });
  });

  it('lets only the named approver publish', () => {
    const submitted = inReview(complete);
    expect(publishReview(submitted, submitted.version, { ...ctx, actor: 'cy' })).toMatchObject({ ok: false, code: 'notAllowed', reason: 'bo was named to approve this review; only they can publish it.' });
    expect(ok(publishReview(submitted, submitted.version, { ...ctx, actor: 'Bo' })).status).toBe('published');
  });

  it('forgets the submission when the review goes back to draft', () => {
    const submitted = inReview(complete);
    expect(ok(returnToDraft(submitted, submitted.version, approver))).toMatchObject({ status: 'draft', submittedBy: null, submittedAt: null, approver: null });
  });
});

describe('action items tracked to completion', () => {
  it('keeps who closed an item and when, and forgets it when the item is reopened', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    const withItems = ok(saveReview(draft, draft.version, asChanges({ actionItems: [item('1'), item('2')] }), ctx));
    const closed = ok(setActionItemStatus(withItems, '1', 'done', { nowIso: '2026-12-01T08:00:00.000Z', actor: 'bo' }));
    expect(closed.content.actionItems[0]).toMatchObject({ status: 'done', closedBy: 'bo', closedAt: '2026-12-01T08:00:00.000Z' });
    const resaved = ok(saveReview(closed, closed.version, [{ op: 'setActionItem', id: '1', status: 'done', title: 'Renamed' }], { nowIso: '2026-12-02T08:00:00.000Z', actor: 'cy' }));
    expect(resaved.content.actionItems[0]).toMatchObject({ closedBy: 'bo', closedAt: '2026-12-01T08:00:00.000Z' });
    const reopened = ok(setActionItemStatus(resaved, '1', 'open', ctx));
    expect(reopened.content.actionItems[0]).toMatchObject({ status: 'open', closedBy: null, closedAt: null });
  });

  it('closes items of a published review without changing the published revision', () => {
    const complete = inReview({ rootCauseAnalysis: { rootCause: 'Pool', contributingFactors: '', fiveWhys: [] }, actionItems: [item('1')] });
    const published = ok(publishReview(complete, complete.version, approver));
    const closed = ok(setActionItemStatus(published, '1', 'done', ctx));
    expect(closed.status).toBe('published');
    expect(closed.revisions[0]?.content.actionItems[0]?.status).toBe('open');
  });

  it('names an unknown action item', () => {
    const draft = startReview(resolvedP1().record(), ctx);
    expect(setActionItemStatus(draft, 'nope', 'done', ctx)).toMatchObject({ ok: false, code: 'notFound', reason: expect.stringContaining('nope') });
  });
});
