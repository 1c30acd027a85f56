import { ESCALATION_LEVELS, ESCALATION_TRIGGERS, type EscalationLevel, type EscalationTrigger } from '../domain/events';
import { SEVERITIES, type Severity } from '../domain/severity';
import { CLOCK_KINDS, type ClockKind } from '../sla';
import { PACKED_CLOCK_SIZE, type CaseFacts, type Duration, type ReviewFacts } from './facts';
import { periodBounds, type ReportGrouping, type ReportQuery } from './query';
import { shareOf, statsOf, type Stats } from './stats';

/** Every figure of the reports view; each is defined in docs/reports.md. Instants are ISO strings, durations minutes. */
export type DurationStats = { readonly wall: Stats; readonly business: Stats };
export type Attainment = { readonly key: string; readonly met: number; readonly judged: number; readonly share: number | null };
export type GroupRow = {
  readonly key: string;
  readonly created: number;
  readonly resolved: number;
  readonly timeToAcknowledge: DurationStats;
  readonly timeToResolve: DurationStats;
  readonly attainment: Attainment;
  readonly breaches: number;
  readonly escalations: number;
  readonly reopened: number;
  readonly reopenRate: number | null;
};
export type BreachRow = {
  readonly caseId: string;
  readonly title: string;
  readonly clock: ClockKind;
  readonly severity: Severity;
  /** The due time that passed. */
  readonly dueAt: string;
  readonly breachedAt: string;
  /** Met late, stopped, or still open when the report was made. */
  readonly outcome: 'metLate' | 'stopped' | 'open';
  /** Wall minutes from the breach until met or stopped (or the report, while open). */
  readonly lateMinutes: number;
};
export type WeekRow = { readonly week: string; readonly created: Record<Severity, number>; readonly resolved: Record<Severity, number> };
export type FeedbackComment = { readonly caseId: string; readonly at: string; readonly rating: number; readonly comment: string; readonly afterResolution: boolean };
export type RootCauseRow = { readonly label: string; readonly kind: 'category' | 'tag'; readonly count: number; readonly timeToResolve: DurationStats; readonly caseIds: readonly string[] };
export type ActionItemRow = { readonly caseId: string; readonly itemId: string; readonly title: string; readonly owner: string; readonly due: string; readonly dueAt: string };

export type Report = {
  readonly from: string;
  readonly to: string;
  readonly groupBy: ReportGrouping;
  readonly generatedAt: string;
  readonly overall: GroupRow;
  readonly groups: readonly GroupRow[];
  readonly attainment: { readonly byKind: readonly Attainment[]; readonly bySeverity: readonly Attainment[]; readonly byPlan: readonly Attainment[] };
  readonly breaches: readonly BreachRow[];
  readonly escalations: { readonly byTrigger: ReadonlyArray<{ key: EscalationTrigger; count: number }>; readonly byLevel: ReadonlyArray<{ key: EscalationLevel; count: number }> };
  readonly weekly: readonly WeekRow[];
  readonly feedback: {
    readonly distribution: ReadonlyArray<{ rating: number; count: number }>;
    readonly count: number;
    readonly mean: number | null;
    readonly duringResolution: number;
    readonly afterResolution: number;
    readonly comments: readonly FeedbackComment[];
  };
  readonly rootCauses: readonly RootCauseRow[];
  readonly actionItems: {
    readonly dueInPeriod: number;
    readonly doneByDue: number;
    readonly shareDoneByDue: number | null;
    readonly open: number;
    readonly overdue: number;
    readonly overdueItems: readonly ActionItemRow[];
  };
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

class Accumulator {
  created = 0;
  resolved = 0;
  readonly ttaWall: number[] = [];
  readonly ttaBusiness: number[] = [];
  readonly ttrWall: number[] = [];
  readonly ttrBusiness: number[] = [];
  met = 0;
  judged = 0;
  breaches = 0;
  escalations = 0;
  reopened = 0;

  acknowledged(duration: Duration): void {
    this.ttaWall.push(duration.wall);
    if (duration.business !== null) this.ttaBusiness.push(duration.business);
  }

  resolvedIn(duration: Duration): void {
    this.ttrWall.push(duration.wall);
    if (duration.business !== null) this.ttrBusiness.push(duration.business);
  }

  row(key: string): GroupRow {
    return {
      key,
      created: this.created,
      resolved: this.resolved,
      timeToAcknowledge: { wall: statsOf(this.ttaWall), business: statsOf(this.ttaBusiness) },
      timeToResolve: { wall: statsOf(this.ttrWall), business: statsOf(this.ttrBusiness) },
      attainment: { key, met: this.met, judged: this.judged, share: shareOf(this.met, this.judged) },
      breaches: this.breaches,
      escalations: this.escalations,
      reopened: this.reopened,
      reopenRate: shareOf(this.reopened, this.resolved),
    };
  }
}

class Tally {
  readonly counts = new Map<string, { met: number; judged: number }>();
  add(key: string, met: boolean): void {
    let entry = this.counts.get(key);
    if (!entry) this.counts.set(key, (entry = { met: 0, judged: 0 }));
    entry.judged += 1;
    if (met) entry.met += 1;
  }
  rows(order: readonly string[]): Attainment[] {
    const keys = [...order.filter((key) => this.counts.has(key)), ...[...this.counts.keys()].filter((key) => !order.includes(key)).sort()];
    return keys.map((key) => {
      const { met, judged } = this.counts.get(key)!;
      return { key, met, judged, share: shareOf(met, judged) };
    });
  }
}

export function groupKeyOf(facts: CaseFacts, groupBy: ReportGrouping): string {
  switch (groupBy) {
    case 'severity':
      return facts.worstSeverity;
    case 'plan':
      return facts.plan;
    case 'customer':
      return facts.customer;
    case 'owner':
      return facts.owner === '' ? '(no owner)' : facts.owner;
  }
}

/**
 * When the packed clock at `at` is judged (NaN: not judged): an ended clock at its end, unless
 * it was stopped in time; an open one once breached. Numbers, not objects: this runs for every
 * clock of every case a report reads.
 */
function judgedAt(clocks: Float64Array, at: number, now: number): number {
  const endedAt = clocks[at]!;
  if (!Number.isNaN(endedAt)) return clocks[at + 3]! % 2 === 1 || !Number.isNaN(clocks[at + 2]!) ? endedAt : Number.NaN;
  return breachOf(clocks, at, now);
}

/** When the packed clock at `at` breached, as of `now` (NaN: it has not). */
function breachOf(clocks: Float64Array, at: number, now: number): number {
  const breachedAt = clocks[at + 2]!;
  if (!Number.isNaN(breachedAt)) return breachedAt;
  const dueAt = clocks[at + 1]!;
  return Number.isNaN(clocks[at]!) && dueAt < now ? dueAt : Number.NaN;
}

function weekStart(ms: number): number {
  const day = Math.floor(ms / DAY) * DAY;
  // 1970-01-01 was a Thursday: Monday is 3 days before
  const weekday = (Math.floor(ms / DAY) + 3) % 7;
  return day - weekday * DAY;
}

const emptyBySeverity = (): Record<Severity, number> => ({ P1: 0, P2: 0, P3: 0, P4: 0 });

/** The report over these cases and reviews for the period and grouping, as of `now`. */
export function buildReport(cases: Iterable<CaseFacts>, reviews: ReadonlyMap<string, ReviewFacts>, query: ReportQuery, now: number): Report {
  const { from, to } = periodBounds(query.period, now);
  const inPeriod = (at: number) => at >= from && at < to;
  const overall = new Accumulator();
  const groups = new Map<string, Accumulator>();
  const byKind = new Tally();
  const bySeverity = new Tally();
  const byPlan = new Tally();
  const triggers = new Map<EscalationTrigger, number>();
  const levels = new Map<EscalationLevel, number>();
  const weeks = new Map<number, WeekRow>();
  for (let week = weekStart(from); week < to; week += 7 * DAY) weeks.set(week, { week: iso(week).slice(0, 10), created: emptyBySeverity(), resolved: emptyBySeverity() });
  const ratings = [0, 0, 0, 0, 0];
  let ratingSum = 0;
  let during = 0;
  let after = 0;
  const rootCauses = new Map<string, { label: string; kind: 'category' | 'tag'; caseIds: string[]; wall: number[]; business: number[] }>();

  const groupOf = (key: string): Accumulator => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Accumulator()));
    return group;
  };
  // breaches and comments are sorted by their instants as numbers, then written as ISO strings
  const breachRows: Array<{ at: number; row: { -readonly [K in keyof BreachRow]: BreachRow[K] } }> = [];
  const commentRows: Array<{ at: number; row: Omit<FeedbackComment, 'at'> }> = [];

  for (const facts of cases) {
    // a closed case with nothing since the period began has nothing in it (open clocks may still breach)
    if (facts.quietSince < from) continue;
    const key = groupKeyOf(facts, query.groupBy);
    if (inPeriod(facts.loggedAt)) {
      overall.created += 1;
      groupOf(key).created += 1;
      weeks.get(weekStart(facts.loggedAt))!.created[facts.loggedSeverity] += 1;
    }
    const tta = facts.timeToAcknowledge;
    if (facts.acknowledgedAt !== null && tta && inPeriod(facts.acknowledgedAt)) {
      overall.acknowledged(tta);
      groupOf(key).acknowledged(tta);
    }
    const ttr = facts.timeToResolve;
    if (facts.firstResolvedAt !== null && ttr && inPeriod(facts.firstResolvedAt)) {
      overall.resolvedIn(ttr);
      groupOf(key).resolvedIn(ttr);
    }
    let resolvedHere = false;
    for (const resolution of facts.resolutions) {
      if (!inPeriod(resolution.at)) continue;
      resolvedHere = true;
      const reopened = facts.reopenedAt.some((at) => at >= resolution.at) ? 1 : 0;
      const group = groupOf(key);
      overall.resolved += 1;
      group.resolved += 1;
      overall.reopened += reopened;
      group.reopened += reopened;
      weeks.get(weekStart(resolution.at))!.resolved[resolution.severity] += 1;
    }
    for (let at = 0; at < facts.clocks.length; at += PACKED_CLOCK_SIZE) {
      const judged = judgedAt(facts.clocks, at, now);
      if (Number.isNaN(judged)) continue;
      const breachedAt = breachOf(facts.clocks, at, now);
      if (inPeriod(judged) || (!Number.isNaN(breachedAt) && inPeriod(breachedAt))) {
        const code = facts.clocks[at + 3]!;
        const kind = CLOCK_KINDS[Math.floor(code / 8)]!;
        const severity = SEVERITIES[Math.floor(code / 2) % 4]!;
        const metAtEnd = code % 2 === 1;
        const endedAt = facts.clocks[at]!;
        if (inPeriod(judged)) {
          const group = groupOf(key);
          // met only if met on time
          const met = metAtEnd && Number.isNaN(breachedAt);
          overall.judged += 1;
          group.judged += 1;
          if (met) {
            overall.met += 1;
            group.met += 1;
          }
          byKind.add(kind, met);
          bySeverity.add(severity, met);
          byPlan.add(facts.plan, met);
        }
        if (!Number.isNaN(breachedAt) && inPeriod(breachedAt)) {
          overall.breaches += 1;
          groupOf(key).breaches += 1;
          const open = Number.isNaN(endedAt);
          breachRows.push({
            at: breachedAt,
            row: {
              caseId: facts.id,
              title: facts.title,
              clock: kind,
              severity,
              dueAt: '',
              breachedAt: '',
              outcome: open ? 'open' : metAtEnd ? 'metLate' : 'stopped',
              lateMinutes: Math.max(0, (open ? now : endedAt) - breachedAt) / MINUTE,
            },
          });
        }
      }
    }
    for (const escalation of facts.escalations) {
      if (!inPeriod(escalation.at)) continue;
      overall.escalations += 1;
      groupOf(key).escalations += 1;
      triggers.set(escalation.trigger, (triggers.get(escalation.trigger) ?? 0) + 1);
      levels.set(escalation.level, (levels.get(escalation.level) ?? 0) + 1);
    }
    for (const feedback of facts.feedback) {
      if (!inPeriod(feedback.at)) continue;
      ratings[feedback.rating - 1]! += 1;
      ratingSum += feedback.rating;
      if (feedback.afterResolution) after += 1;
      else during += 1;
      if (feedback.comment !== '') commentRows.push({ at: feedback.at, row: { caseId: facts.id, rating: feedback.rating, comment: feedback.comment, afterResolution: feedback.afterResolution } });
    }
    const review = resolvedHere ? reviews.get(facts.id) : undefined;
    if (review) {
      const labels = [...review.categories.map((label) => ['category', label] as const), ...review.tags.map((label) => ['tag', label] as const)];
      for (const [kind, label] of labels) {
        const id = `${kind}:${label}`;
        let entry = rootCauses.get(id);
        if (!entry) rootCauses.set(id, (entry = { label, kind, caseIds: [], wall: [], business: [] }));
        entry.caseIds.push(facts.id);
        if (ttr) {
          entry.wall.push(ttr.wall);
          if (ttr.business !== null) entry.business.push(ttr.business);
        }
      }
    }
  }
  const breaches: BreachRow[] = breachRows
    .sort((a, b) => a.at - b.at || (a.row.caseId < b.row.caseId ? -1 : a.row.caseId > b.row.caseId ? 1 : 0))
    .map(({ at, row }) => {
      // the due time that passed is the breach instant
      row.dueAt = row.breachedAt = iso(at);
      return row;
    });
  const comments: FeedbackComment[] = commentRows.sort((a, b) => a.at - b.at).map(({ at, row }) => ({ ...row, at: iso(at) }));

  let dueInPeriod = 0;
  let doneByDue = 0;
  let open = 0;
  const overdueItems: ActionItemRow[] = [];
  for (const review of reviews.values()) {
    for (const item of review.actionItems) {
      if (!item.done) open += 1;
      if (item.dueAt === null || item.due === null) continue;
      if (!item.done && item.dueAt <= now) overdueItems.push({ caseId: review.caseId, itemId: item.id, title: item.title, owner: item.owner, due: item.due, dueAt: iso(item.dueAt) });
      if (!inPeriod(item.dueAt)) continue;
      dueInPeriod += 1;
      if (item.done && item.closedAt !== null && item.closedAt <= item.dueAt) doneByDue += 1;
    }
  }

  const count = ratings.reduce((sum, n) => sum + n, 0);
  const ranked = [...rootCauses.values()]
    .map((entry) => ({ label: entry.label, kind: entry.kind, count: entry.caseIds.length, timeToResolve: { wall: statsOf(entry.wall), business: statsOf(entry.business) }, caseIds: entry.caseIds.sort() }))
    .sort((a, b) => b.count - a.count || (b.timeToResolve.wall.mean ?? 0) - (a.timeToResolve.wall.mean ?? 0) || a.label.localeCompare(b.label));
  const groupOrder = query.groupBy === 'severity' ? [...SEVERITIES] : [...groups.keys()].sort((a, b) => a.localeCompare(b));
  return {
    from: iso(from),
    to: iso(to),
    groupBy: query.groupBy,
    generatedAt: iso(now),
    overall: overall.row('All'),
    groups: groupOrder.filter((key) => groups.has(key)).map((key) => groups.get(key)!.row(key)),
    attainment: { byKind: byKind.rows(CLOCK_KINDS), bySeverity: bySeverity.rows(SEVERITIES), byPlan: byPlan.rows([]) },
    breaches,
    escalations: {
      byTrigger: ESCALATION_TRIGGERS.map((key) => ({ key, count: triggers.get(key) ?? 0 })),
      byLevel: ESCALATION_LEVELS.map((key) => ({ key, count: levels.get(key) ?? 0 })),
    },
    weekly: [...weeks.values()],
    feedback: {
      distribution: ratings.map((n, i) => ({ rating: i + 1, count: n })),
      count,
      mean: count === 0 ? null : ratingSum / count,
      duringResolution: during,
      afterResolution: after,
      comments,
    },
    rootCauses: ranked,
    actionItems: {
      dueInPeriod,
      doneByDue,
      shareDoneByDue: shareOf(doneByDue, dueInPeriod),
      open,
      overdue: overdueItems.length,
      // ISO instants of one format sort as their text
      overdueItems: overdueItems.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0)),
    },
  };
}
