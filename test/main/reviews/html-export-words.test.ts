import { reviewHeader, saveReview, startReview } from '../../../src-shared/review';
import { reviewToHtml } from '../../../src-main/core/reviews/html-document';
import { NO_RAW_WORDS, rawWordsIn } from '../../human-words';
import { asChanges } from '../../shared/review/as-changes';
import { ctx, resolvedP1 } from '../../shared/review/fixtures';

/** What a reader of the exported file sees: the text of its body, without markup, styles or metadata. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/i, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('the review as an HTML file', () => {
  const record = resolvedP1().note('2026-11-26T09:40:00.000Z', 'Checked the pool metrics').record();
  const draft = startReview(record, ctx);
  const decision = saveReview(draft, 1, asChanges({
    summary: 'Payments failed for **3 hours**.',
    rootCauseAnalysis: { rootCause: 'Connection pool exhausted', contributingFactors: 'No alert', fiveWhys: ['Why 502? Pool empty'], categories: ['Configuration', 'Software defect'], tags: ['dns'] },
    preventativeRecommendations: 'Alert on pool use',
    operationalImprovements: 'Runbook for failover',
    actionItems: [{ id: '1', title: 'Fix the leak', owner: 'bo', due: '2026-12-04', status: 'open', link: 'https://tracker.example/1', closedBy: null, closedAt: null }],
    lessonsLearned: { wentWell: 'Fast failover', wentWrong: 'Late detection', gotLucky: 'Low traffic day' },
    timeline: [{ ...draft.content.timeline[2]!, key: true, annotation: 'turning point' }],
  }), ctx);
  if (!decision.ok) throw new Error(decision.reason);
  const header = reviewHeader(record, decision.review, 'Europe/Berlin', 'Premium');

  it('reads as words: no code of the model, no ISO time or date, no wrong plural, with or without internal notes', () => {
    for (const includeInternalNotes of [false, true]) {
      const text = visibleText(reviewToHtml(header, decision.review.content, { includeInternalNotes }));
      expect(text).toContain('Thu 26 Nov 2026, 10:00 CET');
      expect(text).toContain('Fri 4 Dec 2026');
      expect(text).toContain('Categories Configuration, Software defect Tags dns');
      expect(rawWordsIn(text)).toEqual(NO_RAW_WORDS);
    }
  });

  it('is caught by the scan when a raw code or time slips in', () => {
    const slipped = visibleText(reviewToHtml({ ...header, title: 'waitingOnCustomer since 2026-11-29T19:18:11.942Z' }, decision.review.content));
    expect(rawWordsIn(slipped).camelCase).toEqual(['waitingOnCustomer']);
    expect(rawWordsIn(slipped).isoTimestamps).toEqual(['2026-11-29T19:18:11.942Z']);
  });
});
