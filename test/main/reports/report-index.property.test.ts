import fc from 'fast-check';
import { ESCALATION_LEVELS, ESCALATION_TRIGGERS } from '../../../src-shared/domain';
import { SEVERITIES } from '../../../src-shared/domain/severity';
import { buildReport, mergeSorted, packClocks, ReportIndex, sortedBy, statsOf, type CaseFacts, type ClockFact, type ReportQuery, type ReviewFacts } from '../../../src-shared/reports';
import { CLOCK_KINDS } from '../../../src-shared/sla';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Instants fall on a six-hour grid over 60 days, so facts often share one, or a period's end. */
const STEP = 6 * 60 * MIN;
const T0 = Date.parse('2026-03-02T00:00:00.000Z');
const instant = fc.integer({ min: 0, max: 240 }).map((n) => T0 + n * STEP);
const after = (at: number) => fc.integer({ min: 0, max: 40 }).map((n) => at + n * STEP);
const minutes = fc.integer({ min: 0, max: 20_000 });
const severity = fc.constantFrom(...SEVERITIES);

const clockArb = (loggedAt: number): fc.Arbitrary<ClockFact> =>
  fc
    .record({
      kind: fc.constantFrom(...CLOCK_KINDS),
      severity,
      due: fc.option(after(loggedAt)),
      ended: fc.option(after(loggedAt)),
      breached: fc.boolean(),
      met: fc.boolean(),
    })
    .map(({ kind, severity, due, ended, breached, met }) => ({
      kind,
      severity,
      endedAt: ended,
      dueAt: due,
      // a breach recorded by the events lies at or before the clock's end
      breachedAt: breached && due !== null && (ended === null || due <= ended) ? due : null,
      met: ended !== null && met,
    }));

/** Facts of one case, consistent as `caseFactsOf` makes them: quiet since its last instant, or never while a clock runs. */
const factsArb = (id: string): fc.Arbitrary<CaseFacts> =>
  instant.chain((loggedAt) =>
    fc
      .record({
        title: fc.constantFrom('Slow search', 'Checkout down'),
        customer: fc.constantFrom('Acme', 'Globex', 'Initech'),
        plan: fc.constantFrom('premium', 'standard', 'legacy'),
        owner: fc.constantFrom('', 'Ana Silva', 'Bo Lindqvist'),
        loggedSeverity: severity,
        worstSeverity: severity,
        acknowledged: fc.option(fc.record({ at: after(loggedAt), business: fc.option(minutes) })),
        resolutions: fc.array(fc.record({ at: after(loggedAt), severity }), { maxLength: 3 }),
        ttrBusiness: fc.option(minutes),
        reopenedAt: fc.array(after(loggedAt), { maxLength: 2 }),
        escalations: fc.array(fc.record({ at: after(loggedAt), trigger: fc.constantFrom(...ESCALATION_TRIGGERS), level: fc.constantFrom(...ESCALATION_LEVELS) }), { maxLength: 2 }),
        feedback: fc.array(fc.record({ at: after(loggedAt), rating: fc.integer({ min: 1, max: 5 }), comment: fc.constantFrom('', 'Thanks.', 'Slow.'), afterResolution: fc.boolean() }), { maxLength: 2 }),
        clocks: fc.array(clockArb(loggedAt), { maxLength: 6 }),
      })
      .map((c): CaseFacts => {
        const resolutions = [...c.resolutions].sort((a, b) => a.at - b.at);
        const first = resolutions[0]?.at ?? null;
        const instants = [loggedAt, c.acknowledged?.at ?? loggedAt, ...resolutions.map((r) => r.at), ...c.reopenedAt, ...c.escalations.map((e) => e.at), ...c.feedback.map((f) => f.at)];
        for (const clock of c.clocks) instants.push(clock.endedAt ?? loggedAt, clock.breachedAt ?? loggedAt);
        return {
          id,
          title: c.title,
          customer: c.customer,
          plan: c.plan,
          owner: c.owner,
          loggedSeverity: c.loggedSeverity,
          worstSeverity: c.worstSeverity,
          loggedAt,
          quietSince: c.clocks.some((clock) => clock.endedAt === null) ? Number.POSITIVE_INFINITY : Math.max(...instants),
          acknowledgedAt: c.acknowledged?.at ?? null,
          timeToAcknowledge: c.acknowledged ? { wall: (c.acknowledged.at - loggedAt) / MIN, business: c.acknowledged.business } : null,
          firstResolvedAt: first,
          timeToResolve: first === null ? null : { wall: (first - loggedAt) / MIN, business: c.ttrBusiness },
          resolutions,
          reopenedAt: c.reopenedAt,
          open: resolutions.length === 0,
          escalations: c.escalations,
          feedback: c.feedback,
          clocks: packClocks(c.clocks),
          problem: null,
        };
      }),
  );

const reviewArb = (caseId: string): fc.Arbitrary<ReviewFacts> =>
  fc.record({
    caseId: fc.constant(caseId),
    categories: fc.subarray(['Configuration', 'Capacity', 'Process']),
    tags: fc.subarray(['dns', 'Capacity', 'tls']),
    published: fc.boolean(),
    actionItems: fc.array(
      fc.record({ due: fc.option(instant), done: fc.boolean(), closed: fc.option(instant), title: fc.constantFrom('Alert', 'Runbook'), owner: fc.constantFrom('Ana Silva', '') }).map((item) => item),
      { maxLength: 3 },
    ).map((items) =>
      items.map((item, i) => ({
        id: `item-${i}`,
        title: item.title,
        owner: item.owner,
        due: item.due === null ? null : new Date(item.due).toISOString().slice(0, 10),
        // the end of the due day
        dueAt: item.due === null ? null : Math.floor(item.due / DAY) * DAY + DAY - 1,
        done: item.done,
        closedAt: item.done ? item.closed : null,
      })),
    ),
  });

const CASES = 12;
const ids = Array.from({ length: CASES }, (_, i) => `RD-${1001 + i}`);
/** Facts held in turn: later ones replace the earlier facts (or review) of the same case. */
const changeArb = fc.oneof(
  fc.nat(CASES - 1).chain((i) => factsArb(ids[i]!).map((facts) => ({ kind: 'case' as const, facts }))),
  fc.nat(CASES - 1).chain((i) => reviewArb(ids[i]!).map((review) => ({ kind: 'review' as const, review }))),
);

const queryArb: fc.Arbitrary<{ query: ReportQuery; now: number }> = fc.record({
  groupBy: fc.constantFrom('severity', 'plan', 'customer', 'owner' as const),
  period: fc.oneof(
    fc.record({ kind: fc.constant('last' as const), days: fc.constantFrom(7, 30, 90 as const) }),
    // on the facts' grid (an instant at either end) or between them
    fc.tuple(instant, fc.integer({ min: 1, max: 160 }), fc.constantFrom(0, 7 * MIN)).map(([from, span, off]) => ({ kind: 'custom' as const, from: new Date(from).toISOString(), to: new Date(from + span * STEP + off).toISOString() })),
    fc.record({ kind: fc.constant('quarter' as const), year: fc.constant(2026), quarter: fc.constantFrom(1, 2) }),
  ),
  now: fc.integer({ min: 0, max: 300 }).map((n) => T0 + n * STEP),
}).map(({ groupBy, period, now }) => ({ query: { groupBy, period } as ReportQuery, now }));

describe('the reports index', () => {
  it('makes the same report as folding every case, for any facts, changes of them, period, grouping and time', () => {
    fc.assert(
      fc.property(fc.array(changeArb, { minLength: 1, maxLength: 30 }), fc.array(queryArb, { minLength: 1, maxLength: 3 }), (changes, queries) => {
        const index = new ReportIndex();
        const facts = new Map<string, CaseFacts>();
        const reviews = new Map<string, ReviewFacts>();
        for (const change of changes) {
          if (change.kind === 'case') {
            index.put(change.facts);
            facts.set(change.facts.id, change.facts);
          } else {
            index.putReview(change.review);
            reviews.set(change.review.caseId, change.review);
          }
        }
        for (const { query, now } of queries) expect(index.report(query, now)).toEqual(buildReport(facts.values(), reviews, query, now));
      }),
      { numRuns: 600 },
    );
  }, 60_000);
});

describe('ordering rows by instant', () => {
  it('orders positions by instant, then the tie-break, whether the instants are packed for speed or not', () => {
    const instants = fc.oneof(
      fc.integer({ min: 0, max: 20 }).map((n) => T0 + n * STEP),
      // fractions of a millisecond, and instants years apart, take the comparator
      fc.double({ min: 0, max: 1e13, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(instants, { maxLength: 60 }), fc.boolean(), (at, wide) => {
        const values = wide ? at : at.filter((value) => Number.isInteger(value) && value >= T0);
        const tie = (a: number, b: number) => (a % 3) - (b % 3) || b - a;
        const expected = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]! || tie(a, b));
        expect(sortedBy(values, tie)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe('the overall figures from the groups', () => {
  it('merging sorted groups gives the values sorted, so the overall mean, median and 90th percentile are those of all values', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }), { maxLength: 40 }), { maxLength: 7 }), (groups) => {
        const all = groups.flat();
        const merged = mergeSorted(groups.map((values) => Float64Array.from(values).sort()));
        expect([...merged]).toEqual([...Float64Array.from(all).sort()]);
        expect(statsOf([...merged])).toEqual(statsOf(all));
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
