import { acknowledge } from '../runtime/boot';
import { at, reportsDesk, resolvedBy, THU_10 } from './known-dataset';

const resolve = resolvedBy('Raised the pool size.');
/** The week of Monday 30 November 2026, when the review clocks below end or breach. */
const period = { kind: 'custom', from: '2026-11-30T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z' } as const;

/**
 * The review clock (docs/sla.md): a case whose resolved cycle was P1 or P2 owes a post-incident review; its clock starts at
 * the resolution and is met when the review is published. The default target is 5 business days, 2,400 minutes on the
 * plan's business calendar for both plans (Berlin 09:00-17:00 Monday to Friday: 08:00-16:00 UTC in November and December,
 * no holidays), Premium included, whose other targets run 24x7.
 *
 * All logged Thursday 26 November 10:00 UTC, acknowledged before and resolved before any other target passed:
 * - G, Premium P1, acknowledged 10:10, resolved 11:00. Review due: Thu 11:00-16:00 (300) + Fri 27 (480) + Mon 30 (480)
 *   + Tue 1 (480) + Wed 2 (480) = 2,220, the last 180 minutes on Thu 3 December 08:00-11:00: due Thu 3 Dec 11:00 UTC.
 *   Published Tue 1 December 10:00: met.
 * - H, Standard P2, acknowledged 10:30, resolved 12:00. Thu 12:00-16:00 (240) + 4 x 480 = 2,160, then 240 minutes on Thu 3
 *   December: due Thu 3 Dec 12:00 UTC. Published Fri 4 December 09:00: breached at Thu 3 Dec 12:00, met 21 hours late.
 * - I, Premium P2, acknowledged 10:20, resolved 10:45. Thu 10:45-16:00 (315) + 4 x 480 = 2,235, then 165 minutes on Thu 3
 *   December: due Thu 3 Dec 10:45 UTC. Never published: breached at Thu 3 Dec 10:45 and still open.
 * The report is made Friday 4 December 16:00 UTC.
 */
async function dataset() {
  const { core, to, act, create } = await reportsDesk();
  /** Written, submitted by Ana to Bo, and published by Bo. */
  const publish = async (caseId: string) => {
    const started = await core.handlers['reviews.start']({ caseId });
    const saved = await core.handlers['reviews.save']({
      caseId,
      baseVersion: started.review!.version,
      changes: [
        { op: 'setText', field: 'rootCauseAnalysis.rootCause', value: 'The connection pool was too small for the peak.' },
        { op: 'setText', field: 'preventativeRecommendations', value: 'Alert on pool exhaustion.' },
      ],
    });
    const submitted = await core.handlers['reviews.submit']({ caseId, baseVersion: saved.version, approver: 'Bo' });
    await core.handlers['settings.update']({ engineerName: 'Bo' });
    await core.handlers['reviews.publish']({ caseId, baseVersion: submitted.version });
    await core.handlers['settings.update']({ engineerName: 'Ana' });
    await core.runtime.idle();
  };
  await to(THU_10);
  const g = (await create('premium', 'P1', 'Checkout down')).id;
  const h = (await create('standard', 'P2', 'Slow search')).id;
  const i = (await create('premium', 'P2', 'Exports failing')).id;
  await to(at('10:10'));
  await act(g, acknowledge);
  await to(at('10:20'));
  await act(i, acknowledge);
  await to(at('10:30'));
  await act(h, acknowledge);
  await to(at('10:45'));
  await act(i, resolve);
  await to(at('11:00'));
  await act(g, resolve);
  await to(at('12:00'));
  await act(h, resolve);
  await to(at('10:00', '2026-12-01'));
  await publish(g);
  await to(at('09:00', '2026-12-04'));
  await publish(h);
  await to(at('16:00', '2026-12-04'));
  return { core, ids: { g, h, i } };
}

describe('the review clock in the report (figures worked out by hand)', () => {
  it('a review published in time is met; one published late or never is a breach, at the due instant in business time', async () => {
    const { core, ids } = await dataset();
    const report = await core.handlers['reports.query']({ period, groupBy: 'severity' });
    // judged in the week: G met Tue 1 Dec, I breached Thu 3 Dec 10:45 (open), H breached Thu 3 Dec 12:00 (met late Fri 4 Dec);
    // every other clock of the three ended or was stopped on Thursday 26 November, before the week
    expect(report.attainment.byKind).toEqual([{ key: 'reviewDue', met: 1, judged: 3, share: 1 / 3 }]);
    expect(report.attainment.bySeverity).toEqual([
      { key: 'P1', met: 1, judged: 1, share: 1 },
      { key: 'P2', met: 0, judged: 2, share: 0 },
    ]);
    expect(report.attainment.byPlan).toEqual([
      { key: 'premium', met: 1, judged: 2, share: 0.5 },
      { key: 'standard', met: 0, judged: 1, share: 0 },
    ]);
    expect(report.breaches).toEqual([
      // Thu 3 Dec 10:45 to the report, Fri 4 Dec 16:00: 29 h 15 min
      { caseId: ids.i, title: 'Exports failing', clock: 'reviewDue', severity: 'P2', dueAt: '2026-12-03T10:45:00.000Z', breachedAt: '2026-12-03T10:45:00.000Z', outcome: 'open', lateMinutes: 1755 },
      // Thu 3 Dec 12:00 to the publication, Fri 4 Dec 09:00: 21 h
      { caseId: ids.h, title: 'Slow search', clock: 'reviewDue', severity: 'P2', dueAt: '2026-12-03T12:00:00.000Z', breachedAt: '2026-12-03T12:00:00.000Z', outcome: 'metLate', lateMinutes: 1260 },
    ]);
    expect(report.groups.map((group) => [group.key, group.attainment.met, group.attainment.judged, group.breaches])).toEqual([
      ['P1', 1, 1, 0],
      ['P2', 0, 2, 2],
    ]);
  });

  it('editing the review target after the reviews were published does not move their numbers; the review still owed follows the new target', async () => {
    const { core, ids } = await dataset();
    const settings = await core.handlers['settings.get']({});
    const stricter = structuredClone(settings.policy);
    // one business day (480 minutes) for every plan and severity: G, published Tue 1 Dec, would be late by it
    for (const plan of stricter.plans) for (const target of Object.values(plan.targets)) target.reviewDue = { minutes: 480, calendar: 'business' };
    await core.handlers['settings.update']({ policy: stricter });
    const report = await core.handlers['reports.query']({ period, groupBy: 'severity' });
    // G stays met and H stays breached at Thu 3 Dec 12:00, as judged when they ended. I's clock still runs, so it follows the
    // new target: Thu 10:45-16:00 (315) then 165 minutes on Fri 27 Nov, due and breached Fri 27 Nov 10:45, before the week
    expect(report.attainment.byKind).toEqual([{ key: 'reviewDue', met: 1, judged: 2, share: 0.5 }]);
    expect(report.breaches).toEqual([
      { caseId: ids.h, title: 'Slow search', clock: 'reviewDue', severity: 'P2', dueAt: '2026-12-03T12:00:00.000Z', breachedAt: '2026-12-03T12:00:00.000Z', outcome: 'metLate', lateMinutes: 1260 },
    ]);
    const before = await core.handlers['reports.query']({ period: { kind: 'custom', from: '2026-11-27T00:00:00.000Z', to: '2026-11-28T00:00:00.000Z' }, groupBy: 'severity' });
    expect(before.breaches.map((row) => [row.caseId, row.clock, row.breachedAt, row.outcome])).toEqual([[ids.i, 'reviewDue', '2026-11-27T10:45:00.000Z', 'open']]);
  });
});
