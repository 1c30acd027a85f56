import { reviewHeader, reviewToMarkdown, saveReview, startReview } from '../../../src-shared/review';
import { NO_RAW_WORDS, rawWordsIn } from '../../human-words';
import { ctx, resolvedP1 } from './fixtures';

describe('the review as Markdown', () => {
  const record = resolvedP1().record();
  const draft = startReview(record, ctx);
  const decision = saveReview(draft, 1, {
    summary: 'Payments failed for **3 hours**.',
    rootCauseAnalysis: { rootCause: 'Connection pool exhausted', contributingFactors: 'No alert', fiveWhys: ['Why 502? Pool empty', 'Why empty? Leak'] },
    preventativeRecommendations: 'Alert on pool use',
    operationalImprovements: 'Runbook for failover',
    actionItems: [{ id: '1', title: 'Fix | leak', owner: 'bo', due: '2026-12-04', status: 'open', link: 'https://tracker.example/1', closedBy: null, closedAt: null }],
    lessonsLearned: { wentWell: 'Fast failover', wentWrong: 'Late detection', gotLucky: 'Low traffic day' },
    timeline: draft.content.timeline.map((entry, i) => (i === 1 ? { ...entry, hidden: true } : i === 2 ? { ...entry, key: true, annotation: 'turning point' } : entry)),
  }, ctx);
  if (!decision.ok) throw new Error(decision.reason);
  const markdown = reviewToMarkdown(reviewHeader(record, decision.review, 'Europe/Berlin'), decision.review.content);

  it('starts with the case header', () => {
    expect(markdown).toMatch(/^# Post-incident review: RD-1001 Payments API returns 502\n/);
    expect(markdown).toContain('| Severity | P1 Critical |');
    expect(markdown).toContain('| Review | Draft, revision 1 |');
  });

  it('holds every section in order', () => {
    const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual(['Summary', 'Impact', 'Timeline', 'Root cause analysis', 'Preventative recommendations', 'Operational improvement suggestions', 'Action items', 'Lessons learned']);
    for (const text of ['Payments failed for **3 hours**.', 'Connection pool exhausted', '1. Why 502? Pool empty', 'Runbook for failover', 'Fast failover', 'Late detection', 'Low traffic day', '| Duration | 3 h |']) {
      expect(markdown).toContain(text);
    }
  });

  it('shows the timeline as a table in the case calendar time zone, without hidden entries, marking key moments', () => {
    expect(markdown).toContain('| Time | Kind | What happened | Actor | Key | Annotation |');
    expect(markdown).toContain('| Thu 26 Nov 2026, 10:00 CET | Case logged |');
    expect(markdown).not.toContain('Investigating the 502s');
    expect(markdown).toMatch(/\| Thu 26 Nov 2026, 10:20 CET \| Escalation \| to senior engineering for business impact — .* \| bo \| key \| turning point \|/);
  });

  it('keeps a pipe in a cell literal so the table holds', () => {
    expect(markdown).toContain('| Fix \\| leak | bo | Fri 4 Dec 2026 | Open | https://tracker.example/1 |');
  });

  it('writes no code of the model, no ISO time and no plan id: words and the console\'s one time format', () => {
    expect(rawWordsIn(markdown)).toEqual(NO_RAW_WORDS);
    const named = reviewToMarkdown(reviewHeader(record, decision.review, 'Europe/Berlin', 'Standard'), decision.review.content);
    expect(named).toContain('| Plan | Standard |');
  });
});
