import { DEFAULT_POLICY } from '../../../src-shared/sla';
import { publishReview, reviewDeadlineItems, reviewRequirement, saveReview, startReview, submitReview, type Review } from '../../../src-shared/review';
import { asChanges } from './as-changes';
import { caseOf, ctx, resolvedP1 } from './fixtures';

function must(decision: ReturnType<typeof saveReview>): Review {
  if (!decision.ok) throw new Error(decision.reason);
  return decision.review;
}

describe('when a review is required', () => {
  it.each([
    ['standard', 'P1', true, false],
    ['standard', 'P2', true, false],
    ['standard', 'P3', false, false],
    ['premium', 'P1', true, true],
    ['premium', 'P2', true, true],
    ['premium', 'P4', false, false],
  ] as const)('a resolved %s %s case: required %s, formally part of the engagement %s', (plan, severity, required, formal) => {
    const record = caseOf('RD-2', plan, severity, '2026-11-26T09:00:00.000Z').ack('2026-11-26T09:10:00.000Z').resolve('2026-11-26T12:00:00.000Z').record();
    const requirement = reviewRequirement(record, DEFAULT_POLICY, null, ctx.nowIso);
    expect(requirement.required).toBe(required);
    expect(requirement.formal).toBe(formal);
  });

  it('is not required before resolution', () => {
    const record = caseOf('RD-3', 'standard', 'P1', '2026-11-26T09:00:00.000Z').ack('2026-11-26T09:10:00.000Z').record();
    expect(reviewRequirement(record, DEFAULT_POLICY, null, ctx.nowIso).required).toBe(false);
  });

  it('is due 5 business days after resolution on the plan calendar', () => {
    // resolved Thu 26 Nov 13:00 Berlin: 4 h left that day + 4 full days + 4 h = Thu 3 Dec 13:00 Berlin
    const requirement = reviewRequirement(resolvedP1().record(), DEFAULT_POLICY, null, ctx.nowIso);
    expect(requirement).toMatchObject({ required: true, state: 'due', dueAt: '2026-12-03T12:00:00.000Z' });
    expect(reviewRequirement(resolvedP1().record(), DEFAULT_POLICY, null, '2026-12-04T09:00:00.000Z')).toMatchObject({ state: 'overdue' });
  });

  it('is met once the review is published', () => {
    const record = resolvedP1().record();
    const draft = startReview(record, ctx);
    const saved = must(saveReview(draft, 1, asChanges({ rootCauseAnalysis: { rootCause: 'Pool', contributingFactors: '', fiveWhys: [] }, preventativeRecommendations: 'Alert' }), ctx));
    const published = must(publishReview(must(submitReview(saved, saved.version, 'bo', ctx)), saved.version + 1, { ...ctx, actor: 'bo' }));
    expect(reviewRequirement(record, DEFAULT_POLICY, published, ctx.nowIso)).toMatchObject({ required: true, state: 'published', publishedAt: ctx.nowIso });
  });
});

describe('review deadline items for the update-deadlines view', () => {
  it('lists the review due and open action items with due dates, earliest first, skipping done and undated ones', () => {
    const record = resolvedP1().record();
    const draft = startReview(record, ctx);
    const open = { owner: 'bo', link: '', closedBy: null, closedAt: null };
    const review = must(saveReview(draft, 1, asChanges({
      actionItems: [
        { id: 'a', title: 'Add pool alert', due: '2026-12-01', status: 'open', ...open },
        { id: 'b', title: 'Load test', due: '2026-12-10', status: 'open', ...open },
        { id: 'c', title: 'Done already', due: '2026-11-30', status: 'done', ...open },
        { id: 'd', title: 'Someday', due: null, status: 'open', ...open },
      ],
    }), ctx));
    const items = reviewDeadlineItems({ cases: [record], reviews: new Map([[record.id, review]]), policy: DEFAULT_POLICY, nowIso: '2026-12-02T08:00:00.000Z' });
    expect(items).toEqual([
      // due "2026-12-01" means by the end of that day in Berlin
      { kind: 'actionItem', caseId: 'RD-1001', caseTitle: 'Payments API returns 502', itemId: 'a', title: 'Add pool alert', owner: 'bo', dueAt: '2026-12-01T23:00:00.000Z', overdue: true },
      { kind: 'reviewDue', caseId: 'RD-1001', caseTitle: 'Payments API returns 502', dueAt: '2026-12-03T12:00:00.000Z', overdue: false, formal: false },
      { kind: 'actionItem', caseId: 'RD-1001', caseTitle: 'Payments API returns 502', itemId: 'b', title: 'Load test', owner: 'bo', dueAt: '2026-12-10T23:00:00.000Z', overdue: false },
    ]);
  });

  it('lists nothing for a case that needs no review and has none', () => {
    const record = caseOf('RD-4', 'standard', 'P3', '2026-11-26T09:00:00.000Z').ack('2026-11-26T09:10:00.000Z').resolve('2026-11-26T12:00:00.000Z').record();
    expect(reviewDeadlineItems({ cases: [record], reviews: new Map(), policy: DEFAULT_POLICY, nowIso: ctx.nowIso })).toEqual([]);
  });
});
