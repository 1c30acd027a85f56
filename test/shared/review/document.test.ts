import { reviewHeader, reviewToMarkdown, saveReview, startReview, submitReview } from '../../../src-shared/review';
import { NO_RAW_WORDS, rawWordsIn } from '../../human-words';
import { asChanges } from './as-changes';
import { ctx, resolvedP1 } from './fixtures';

describe('the review as Markdown', () => {
  const record = resolvedP1().record();
  const draft = startReview(record, ctx);
  const decision = saveReview(draft, 1, asChanges({
    summary: 'Payments failed for **3 hours**.',
    rootCauseAnalysis: { rootCause: 'Connection pool exhausted', contributingFactors: 'No alert', fiveWhys: ['Why 502? Pool empty', 'Why empty? Leak'], categories: ['Configuration', 'Dependency or vendor'], tags: ['connection-pool', 'eu-west'] },
    preventativeRecommendations: 'Alert on pool use',
    operationalImprovements: 'Runbook for failover',
    actionItems: [{ id: '1', title: 'Fix | leak', owner: 'bo', due: '2026-12-04', status: 'open', link: 'https://tracker.example/1', closedBy: null, closedAt: null }],
    lessonsLearned: { wentWell: 'Fast failover', wentWrong: 'Late detection', gotLucky: 'Low traffic day' },
    timeline: [{ ...draft.content.timeline[1]!, hidden: true }, { ...draft.content.timeline[2]!, key: true, annotation: 'turning point' }],
  }), ctx);
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

  it("names the root cause's categories and tags under the root cause, and a dash where there are none", () => {
    expect(markdown).toContain('### Root cause\n\nConnection pool exhausted\n\n|  |  |\n| --- | --- |\n| Categories | Configuration, Dependency or vendor |\n| Tags | connection-pool, eu-west |');
    const unlabelled = reviewToMarkdown(reviewHeader(record, draft, 'Europe/Berlin'), draft.content);
    expect(unlabelled).toContain('| Categories | — |\n| Tags | — |');
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

describe('what an export carries for the customer', () => {
  const record = resolvedP1().note('2026-11-26T09:40:00.000Z', 'Suspect the pool; do not tell the customer yet').record();
  const review = startReview(record, ctx);
  const header = reviewHeader(record, review, 'Europe/Berlin', 'Standard');

  it('leaves the case\'s internal notes out of the timeline unless asked for', () => {
    expect(reviewToMarkdown(header, review.content)).not.toContain('Suspect the pool');
    expect(reviewToMarkdown(header, review.content, { includeInternalNotes: true })).toContain('| Note | Suspect the pool; do not tell the customer yet |');
  });

  it('keeps the entries the engineer added, whatever they are called', () => {
    const added = saveReview(review, review.version, [{ op: 'addTimelineEntry', entry: { id: 'added:1', at: '2026-11-26T09:45:00.000Z', kind: 'noteAdded', text: 'Status page updated', actor: 'ana' } }], ctx);
    if (!added.ok) throw new Error(added.reason);
    expect(reviewToMarkdown(header, added.review.content)).toContain('Status page updated');
  });

  it('names the plan as people know it, and the submitter and approver once submitted', () => {
    expect(reviewToMarkdown(header, review.content)).toContain('| Plan | Standard |');
    const submitted = submitReview(review, review.version, 'bo', ctx);
    if (!submitted.ok) throw new Error(submitted.reason);
    const markdown = reviewToMarkdown(reviewHeader(record, submitted.review, 'Europe/Berlin', 'Standard'), submitted.review.content);
    expect(markdown).toContain('| Review | In review, revision 1 |\n| Submitted by | ana |\n| Approver | bo |');
  });
});
