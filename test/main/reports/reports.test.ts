import { dispatch } from '../../../src-main/core/dispatch';
import { knownDataset } from './known-dataset';

const quiet = { warn: () => undefined, error: () => undefined };
const period = { kind: 'custom', from: '2026-11-26T00:00:00.000Z', to: '2026-11-28T00:00:00.000Z' } as const;

describe('the report over a dataset with known times, figure by figure', () => {
  it('time to acknowledge and to resolve: mean, median and 90th percentile, in wall and business minutes', async () => {
    const { core } = await knownDataset();
    const report = await core.handlers['reports.query']({ period, groupBy: 'severity' });
    // acknowledged after 30 (A), 180 (B) and 1380 wall minutes (C: Thu 10:00 to Fri 09:00 UTC);
    // C in business time: Thu 10:00-16:00 UTC (17:00 Berlin) is 360, Fri 08:00-09:00 UTC is 60
    expect(report.overall.timeToAcknowledge).toEqual({
      wall: { count: 3, mean: 530, median: 180, p90: 1380 },
      business: { count: 3, mean: 210, median: 180, p90: 420 },
    });
    // resolved (first time) after 110 (A) and 240 (B), all within Berlin working hours
    expect(report.overall.timeToResolve).toEqual({ wall: { count: 2, mean: 175, median: 175, p90: 240 }, business: { count: 2, mean: 175, median: 175, p90: 240 } });
  });

  it('SLA attainment per clock kind, severity and plan, and the breaches with how late they were', async () => {
    const { core, ids } = await knownDataset();
    const report = await core.handlers['reports.query']({ period, groupBy: 'severity' });
    // judged: A's initial response, first update and lack of progress (met); B's initial response (late); C's initial response (met)
    expect(report.overall.attainment).toEqual({ key: 'All', met: 4, judged: 5, share: 0.8 });
    expect(report.attainment.byKind).toEqual([
      { key: 'initialResponse', met: 2, judged: 3, share: 2 / 3 },
      { key: 'customerUpdate', met: 1, judged: 1, share: 1 },
      { key: 'lackOfProgress', met: 1, judged: 1, share: 1 },
    ]);
    expect(report.attainment.bySeverity).toEqual([
      { key: 'P1', met: 3, judged: 3, share: 1 },
      { key: 'P2', met: 0, judged: 1, share: 0 },
      { key: 'P3', met: 1, judged: 1, share: 1 },
    ]);
    expect(report.attainment.byPlan).toEqual([
      { key: 'premium', met: 3, judged: 4, share: 0.75 },
      { key: 'standard', met: 1, judged: 1, share: 1 },
    ]);
    expect(report.breaches).toEqual([
      { caseId: ids.b, title: 'Slow search', clock: 'initialResponse', severity: 'P2', dueAt: '2026-11-26T12:00:00.000Z', breachedAt: '2026-11-26T12:00:00.000Z', outcome: 'metLate', lateMinutes: 60 },
    ]);
    expect(report.groups.map((g) => [g.key, g.created, g.breaches])).toEqual([['P1', 1, 0], ['P2', 1, 1], ['P3', 1, 0]]);
  });

  it('escalations by trigger and level, the reopen rate and the weekly volume by severity', async () => {
    const { core } = await knownDataset();
    const report = await core.handlers['reports.query']({ period, groupBy: 'severity' });
    expect(report.escalations.byTrigger).toEqual([
      { key: 'businessImpact', count: 0 },
      { key: 'lackOfProgress', count: 0 },
      { key: 'customerRequest', count: 1 },
      { key: 'automatic', count: 1 },
    ]);
    expect(report.escalations.byLevel).toEqual([{ key: 'seniorEngineering', count: 1 }, { key: 'management', count: 1 }]);
    // three resolutions (A 11:50, B 14:00, B 16:00); B's first was followed by a reopening
    expect([report.overall.resolved, report.overall.reopened, report.overall.reopenRate]).toEqual([3, 1, 1 / 3]);
    expect(report.weekly).toEqual([{ week: '2026-11-23', created: { P1: 1, P2: 1, P3: 1, P4: 0 }, resolved: { P1: 1, P2: 2, P3: 0, P4: 0 } }]);
  });

  it('feedback: the distribution of ratings, during and after resolution, with the comments', async () => {
    const { core, ids } = await knownDataset();
    const { feedback } = await core.handlers['reports.query']({ period, groupBy: 'severity' });
    expect(feedback).toEqual({
      distribution: [{ rating: 1, count: 0 }, { rating: 2, count: 1 }, { rating: 3, count: 0 }, { rating: 4, count: 0 }, { rating: 5, count: 1 }],
      count: 2,
      mean: 3.5,
      duringResolution: 1,
      afterResolution: 1,
      comments: [
        { caseId: ids.a, at: '2026-11-26T12:15:00.000Z', rating: 5, comment: 'great', afterResolution: true },
        { caseId: ids.b, at: '2026-11-26T13:30:00.000Z', rating: 2, comment: 'slow to answer', afterResolution: false },
      ],
    });
  });

  it('recurring root causes ranked by count, then by time to resolve, with the reviews behind each', async () => {
    const { core, ids } = await knownDataset();
    const { rootCauses } = await core.handlers['reports.query']({ period, groupBy: 'severity' });
    expect(rootCauses.map((row) => [row.kind, row.label, row.count, row.timeToResolve.wall.mean, row.caseIds])).toEqual([
      ['category', 'Configuration', 2, 175, [ids.a, ids.b]],
      ['category', 'Capacity', 1, 240, [ids.b]],
      ['tag', 'dns', 1, 110, [ids.a]],
    ]);
  });

  it('review action items: open, overdue, and the share completed by their due date', async () => {
    const { core, clock, ids } = await knownDataset();
    const { actionItems } = await core.handlers['reports.query']({ period, groupBy: 'severity' });
    // item-1 due Thu 26 (ends Thu 23:00 UTC in Berlin) done Thu 13:00; item-2 due Fri 27, still open and not yet overdue on Fri 10:00
    expect(actionItems).toEqual({ dueInPeriod: 2, doneByDue: 1, shareDoneByDue: 0.5, open: 1, overdue: 0, overdueItems: [] });
    // once Friday has ended in Berlin (23:00 UTC), item-2 is overdue
    clock.advance(Date.parse('2026-11-27T23:00:00.000Z') - clock.now());
    const later = await core.handlers['reports.query']({ period, groupBy: 'owner' });
    expect(later.actionItems).toMatchObject({ open: 1, overdue: 1, overdueItems: [{ caseId: ids.a, itemId: 'item-2', due: '2026-11-27', dueAt: '2026-11-27T23:00:00.000Z' }] });
  });

  it('groups by plan, customer and owner', async () => {
    const { core } = await knownDataset();
    const byPlan = await core.handlers['reports.query']({ period, groupBy: 'plan' });
    expect(byPlan.groups.map((g) => [g.key, g.created, g.timeToAcknowledge.wall.mean])).toEqual([['premium', 2, 105], ['standard', 1, 1380]]);
    const byCustomer = await core.handlers['reports.query']({ period, groupBy: 'customer' });
    expect(byCustomer.groups.map((g) => g.key)).toEqual(['Acme', 'Globex']);
  });

  it('a period outside the cases holds nothing, and a bad query is refused naming the field', async () => {
    const { core } = await knownDataset();
    const empty = await core.handlers['reports.query']({ period: { kind: 'quarter', year: 2026, quarter: 1 }, groupBy: 'severity' });
    expect([empty.from, empty.to, empty.overall.created, empty.overall.timeToAcknowledge.wall.mean, empty.breaches]).toEqual(['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 0, null, []]);
    const refused = await dispatch(core.handlers, 'reports.query', { period: { kind: 'custom', from: '2026-11-28T00:00:00Z', to: '2026-11-26T00:00:00Z' }, groupBy: 'severity' }, quiet);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'period.to', message: 'the period must end after it starts' }] } });
    const badGroup = await dispatch(core.handlers, 'reports.query', { period: { kind: 'last', days: 30 }, groupBy: 'team' }, quiet);
    expect(badGroup).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'groupBy' }] } });
  });

  it('history is a fact in the report: editing a target after the cases closed does not move their numbers', async () => {
    const { core, advance } = await knownDataset();
    const before = await core.handlers['reports.query']({ period, groupBy: 'severity' });
    const settings = await core.handlers['settings.get']({});
    const stricter = structuredClone(settings.policy);
    // Premium P2's initial response becomes 15 minutes, P1's 10: A's and B's acknowledgements would both be late under it
    stricter.plans.find((plan) => plan.id === 'premium')!.targets.P2.initialResponse = { minutes: 15, calendar: '24x7' };
    stricter.plans.find((plan) => plan.id === 'premium')!.targets.P1.initialResponse = { minutes: 10, calendar: '24x7' };
    await advance(60_000);
    await core.handlers['settings.update']({ policy: stricter });
    const after = await core.handlers['reports.query']({ period, groupBy: 'severity' });
    expect(after.attainment).toEqual(before.attainment);
    expect(after.breaches).toEqual(before.breaches);
  });
});
