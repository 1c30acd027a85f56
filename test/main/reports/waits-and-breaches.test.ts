import { acknowledge } from '../runtime/boot';
import { at, reportsDesk, resolvedBy, THU_10 } from './known-dataset';

const resolve = resolvedBy('Raised the pool size.');
const period = { kind: 'custom', from: '2026-11-26T00:00:00.000Z', to: '2026-11-28T00:00:00.000Z' } as const;

/**
 * Three more cases with known times (Berlin business hours are 08:00-16:00 UTC in November):
 * - D, Standard P3 logged Thu 10:00, acknowledged 10:30, information requested 11:00, the customer replies Fri 09:00, resolved Fri 10:00.
 * - E, Premium P1 logged Thu 10:00 and never acknowledged: its initial response (1 hour) breached at 11:00 and is still open.
 * - F, Premium P2 logged Thu 10:00, acknowledged 10:05 (its update is due 14:05, lack of progress, cadence plus threshold, at
 *   18:05), resolved 15:00 without an update.
 * D's and F's reviews both name "Capacity". The report is made Fri 16:00.
 */
async function dataset() {
  const { core, to, act, create } = await reportsDesk();
  await to(THU_10);
  const d = (await create('standard', 'P3', 'Export waits on the customer')).id;
  const e = (await create('premium', 'P1', 'Nobody answered')).id;
  const f = (await create('premium', 'P2', 'Resolved without an update')).id;
  await to(at('10:05'));
  await act(f, acknowledge);
  await to(at('10:30'));
  await act(d, acknowledge);
  await to(at('11:00'));
  await act(d, { type: 'requestInformation', text: 'Which export, and when?' });
  await to(at('15:00'));
  await act(f, resolve);
  await to(at('09:00', '2026-11-27'));
  await act(d, { type: 'customerReplied', text: 'The payroll export, every night.' });
  await to(at('10:00', '2026-11-27'));
  await act(d, resolve);
  for (const id of [d, f]) {
    const started = await core.handlers['reviews.start']({ caseId: id });
    await core.handlers['reviews.save']({ caseId: id, baseVersion: started.review!.version, changes: [{ op: 'setRootCauseLabels', categories: ['Capacity'], tags: [] }] });
  }
  await to(at('16:00', '2026-11-27'));
  return { core, ids: { d, e, f } };
}

describe('the report where waits, open breaches and stopped clocks count (figures worked out by hand)', () => {
  it("time to resolve in business time leaves out the wait on the customer; wall time counts it", async () => {
    const { core } = await dataset();
    const report = await core.handlers['reports.query']({ period, groupBy: 'plan' });
    // D: wall Thu 10:00 -> Fri 10:00 = 1440; business Thu 10:00-16:00 (360) + Fri 08:00-10:00 (120) = 480, less the wait
    //    Thu 11:00-16:00 (300) and Fri 08:00-09:00 (60) = 120. F: Thu 10:00 -> 15:00 = 300 in both.
    expect(report.overall.timeToResolve).toEqual({ wall: { count: 2, mean: 870, median: 870, p90: 1440 }, business: { count: 2, mean: 210, median: 210, p90: 300 } });
    // D after 30 minutes, F after 5, both inside business hours; E is not acknowledged
    expect(report.overall.timeToAcknowledge).toEqual({ wall: { count: 2, mean: 17.5, median: 17.5, p90: 30 }, business: { count: 2, mean: 17.5, median: 17.5, p90: 30 } });
    expect(report.groups.map((g) => [g.key, g.timeToAcknowledge.wall.mean, g.timeToResolve.wall.mean, g.timeToResolve.business.mean])).toEqual([
      ['premium', 5, 300, 300],
      ['standard', 30, 1440, 120],
    ]);
  });

  it('a breach still open is late until the report; one stopped by the resolution is late until it stopped; a clock stopped before its due time is no breach', async () => {
    const { core, ids } = await dataset();
    const { breaches } = await core.handlers['reports.query']({ period, groupBy: 'severity' });
    expect(breaches).toEqual([
      // Thu 11:00 to Fri 16:00 is 29 hours
      { caseId: ids.e, title: 'Nobody answered', clock: 'initialResponse', severity: 'P1', dueAt: '2026-11-26T11:00:00.000Z', breachedAt: '2026-11-26T11:00:00.000Z', outcome: 'open', lateMinutes: 1740 },
      { caseId: ids.f, title: 'Resolved without an update', clock: 'customerUpdate', severity: 'P2', dueAt: '2026-11-26T14:05:00.000Z', breachedAt: '2026-11-26T14:05:00.000Z', outcome: 'stopped', lateMinutes: 55 },
    ]);
  });

  it('a root cause is ranked with the mean time to resolve of its cases in wall and business time', async () => {
    const { core, ids } = await dataset();
    const { rootCauses } = await core.handlers['reports.query']({ period, groupBy: 'severity' });
    expect(rootCauses).toEqual([
      {
        label: 'Capacity',
        kind: 'category',
        count: 2,
        timeToResolve: { wall: { count: 2, mean: 870, median: 870, p90: 1440 }, business: { count: 2, mean: 210, median: 210, p90: 300 } },
        caseIds: [ids.d, ids.f].sort(),
      },
    ]);
  });
});
