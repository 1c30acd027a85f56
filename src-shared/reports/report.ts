import { ESCALATION_LEVELS, ESCALATION_TRIGGERS, type EscalationLevel, type EscalationTrigger } from '../domain/events';
import { SEVERITIES, type Severity } from '../domain/severity';
import { CLOCK_KINDS, type ClockKind } from '../sla';
import { PACKED_CLOCK_SIZE, type CaseFacts, type Duration, type ReviewFacts } from './facts';
import { periodBounds, type ReportGrouping, type ReportQuery } from './query';
import { MinuteValues, shareOf, statsOf, type Stats } from './stats';

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
const isoOf = iso;

export class Accumulator {
  created = 0;
  resolved = 0;
  readonly ttaWall = new MinuteValues();
  readonly ttaBusiness = new MinuteValues();
  readonly ttrWall = new MinuteValues();
  readonly ttrBusiness = new MinuteValues();
  met = 0;
  judged = 0;
  breaches = 0;
  escalations = 0;
  reopened = 0;

  acknowledged(duration: Duration): void {
    this.acknowledgedAfter(duration.wall, duration.business ?? Number.NaN);
  }

  /** Minutes to acknowledge; `business` NaN when it could not be measured. */
  acknowledgedAfter(wall: number, business: number): void {
    this.ttaWall.push(wall);
    if (!Number.isNaN(business)) this.ttaBusiness.push(business);
  }

  resolvedIn(duration: Duration): void {
    this.resolvedAfter(duration.wall, duration.business ?? Number.NaN);
  }

  /** Minutes to resolve; `business` NaN when it could not be measured. */
  resolvedAfter(wall: number, business: number): void {
    this.ttrWall.push(wall);
    if (!Number.isNaN(business)) this.ttrBusiness.push(business);
  }

  /**
   * `parts`: accumulators whose values together are exactly this one's, already sorted by their
   * own rows (the groups, for the overall row): their values are merged rather than sorted again.
   */
  row(key: string, parts?: readonly Accumulator[]): GroupRow {
    const values = (pick: (accumulator: Accumulator) => MinuteValues) => (parts ? MinuteValues.merged(parts.map((part) => pick(part).sorted())) : pick(this));
    return {
      key,
      created: this.created,
      resolved: this.resolved,
      timeToAcknowledge: { wall: statsOf(values((a) => a.ttaWall)), business: statsOf(values((a) => a.ttaBusiness)) },
      timeToResolve: { wall: statsOf(values((a) => a.ttrWall)), business: statsOf(values((a) => a.ttrBusiness)) },
      attainment: { key, met: this.met, judged: this.judged, share: shareOf(this.met, this.judged) },
      breaches: this.breaches,
      escalations: this.escalations,
      reopened: this.reopened,
      reopenRate: shareOf(this.reopened, this.resolved),
    };
  }
}

export class Tally {
  readonly counts = new Map<string, { met: number; judged: number }>();
  add(key: string, met: boolean): void {
    this.addCounts(key, met ? 1 : 0, 1);
  }
  addCounts(key: string, met: number, judged: number): void {
    if (judged === 0) return;
    let entry = this.counts.get(key);
    if (!entry) this.counts.set(key, (entry = { met: 0, judged: 0 }));
    entry.judged += judged;
    entry.met += met;
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
export function judgedAt(clocks: Float64Array, at: number, now: number): number {
  const endedAt = clocks[at]!;
  if (!Number.isNaN(endedAt)) return clocks[at + 3]! % 2 === 1 || !Number.isNaN(clocks[at + 2]!) ? endedAt : Number.NaN;
  return breachOf(clocks, at, now);
}

/** When the packed clock at `at` breached, as of `now` (NaN: it has not). */
export function breachOf(clocks: Float64Array, at: number, now: number): number {
  const breachedAt = clocks[at + 2]!;
  if (!Number.isNaN(breachedAt)) return breachedAt;
  const dueAt = clocks[at + 1]!;
  return Number.isNaN(clocks[at]!) && dueAt < now ? dueAt : Number.NaN;
}

export function weekStart(ms: number): number {
  const day = Math.floor(ms / DAY) * DAY;
  // 1970-01-01 was a Thursday: Monday is 3 days before
  const weekday = (Math.floor(ms / DAY) + 3) % 7;
  return day - weekday * DAY;
}

const WEEK = 7 * DAY;
const emptyBySeverity = (): Record<Severity, number> => ({ P1: 0, P2: 0, P3: 0, P4: 0 });
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const PLACES = 2 ** 19;
const SPAN = 2 ** 33;

/**
 * Positions 0..n-1 ordered by `at`, then by `tie` among equal instants. Whole-ms instants less than
 * 2^33 ms (99 days) apart are packed with their position into one number each and sorted as a
 * Float64Array, far faster than a comparator over thousands of rows; other inputs use the comparator.
 */
export function sortedBy(at: readonly number[], tie: (a: number, b: number) => number): number[] {
  const n = at.length;
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (const value of at) {
    if (value < low) low = value;
    if (value > high) high = value;
    if (!Number.isInteger(value)) whole = false;
  }
  if (!whole || n >= PLACES || high - low >= SPAN) return Array.from({ length: n }, (_, i) => i).sort((a, b) => at[a]! - at[b]! || tie(a, b));
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (at[i]! - low) * PLACES + i;
  keys.sort();
  const sorted = Array.from(keys, (key) => key % PLACES);
  // runs of one instant are ordered by the tie-break
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && at[sorted[end]!] === at[sorted[start]!]) end++;
    if (end - start > 1) sorted.slice(start, end).sort(tie).forEach((position, i) => (sorted[start + i] = position));
    start = end;
  }
  return sorted;
}

/** An action item of a review, as the report lists and counts it: its row is made once. */
export type ActionItemEntry = { readonly dueAt: number | null; readonly done: boolean; readonly closedAt: number | null; readonly row: ActionItemRow | null };

/** The action items of a review in their order, each with the row it shows as when overdue. */
export function actionItemEntriesOf(review: ReviewFacts): ActionItemEntry[] {
  return review.actionItems.map((item) => ({
    dueAt: item.dueAt,
    done: item.done,
    closedAt: item.closedAt,
    row: item.dueAt === null || item.due === null ? null : { caseId: review.caseId, itemId: item.id, title: item.title, owner: item.owner, due: item.due, dueAt: iso(item.dueAt) },
  }));
}

/** Overdue items in the order a report lists them: by due time, then case, then their order in the review. */
export function compareActionItems(a: { entry: ActionItemEntry; index: number }, b: { entry: ActionItemEntry; index: number }): number {
  return a.entry.dueAt! - b.entry.dueAt! || byText(a.entry.row!.caseId, b.entry.row!.caseId) || a.index - b.index;
}

export type ActionItemFigures = Report['actionItems'];

/** The action-item figures by walking every review's items (the reference; the projection keeps them indexed). */
export function actionItemFiguresOf(reviews: Iterable<ReviewFacts>, from: number, to: number, now: number): ActionItemFigures {
  let dueInPeriod = 0;
  let doneByDue = 0;
  let open = 0;
  const overdue: Array<{ entry: ActionItemEntry; index: number }> = [];
  for (const review of reviews) {
    actionItemEntriesOf(review).forEach((entry, index) => {
      if (!entry.done) open += 1;
      if (entry.dueAt === null || entry.row === null) return;
      if (!entry.done && entry.dueAt <= now) overdue.push({ entry, index });
      if (!(entry.dueAt >= from && entry.dueAt < to)) return;
      dueInPeriod += 1;
      if (entry.done && entry.closedAt !== null && entry.closedAt <= entry.dueAt) doneByDue += 1;
    });
  }
  const overdueItems = overdue.sort(compareActionItems).map(({ entry }) => entry.row!);
  return { dueInPeriod, doneByDue, shareDoneByDue: shareOf(doneByDue, dueInPeriod), open, overdue: overdueItems.length, overdueItems };
}

/**
 * What a report gathers, fed one fact at a time by the reference fold (`buildReport`) and by
 * the projection's index alike, so both make the same report from the same facts.
 */
export class ReportSink {
  readonly from: number;
  readonly to: number;
  readonly overall = new Accumulator();
  readonly byKind = new Tally();
  readonly bySeverity = new Tally();
  readonly byPlan = new Tally();
  readonly #groups = new Map<string, Accumulator>();
  readonly #triggers = new Map<EscalationTrigger, number>();
  readonly #levels = new Map<EscalationLevel, number>();
  readonly #firstWeek: number;
  readonly #weeks: WeekRow[] = [];
  readonly #ratings = [0, 0, 0, 0, 0];
  #ratingSum = 0;
  #during = 0;
  #after = 0;
  readonly #rootCauses = new Map<string, { label: string; kind: 'category' | 'tag'; caseIds: string[]; wall: number[]; business: number[] }>();
  // breaches and comments are sorted by their instants as numbers (then case and order in it), then written as ISO strings
  readonly #breaches = { facts: [] as CaseFacts[], order: [] as number[], at: [] as number[], code: [] as number[], endedAt: [] as number[] };
  readonly #commentRows: Array<{ at: number; order: number; row: Omit<FeedbackComment, 'at'> }> = [];

  /** `iso`: how an instant is written (the index keeps the strings it wrote). */
  constructor(
    readonly query: ReportQuery,
    readonly now: number,
    readonly iso: (ms: number) => string = isoOf,
  ) {
    ({ from: this.from, to: this.to } = periodBounds(query.period, now));
    this.#firstWeek = weekStart(this.from);
    for (let week = this.#firstWeek; week < this.to; week += WEEK) this.#weeks.push({ week: iso(week).slice(0, 10), created: emptyBySeverity(), resolved: emptyBySeverity() });
  }

  inPeriod(at: number): boolean {
    return at >= this.from && at < this.to;
  }

  group(key: string): Accumulator {
    let group = this.#groups.get(key);
    if (!group) this.#groups.set(key, (group = new Accumulator()));
    return group;
  }

  #week(at: number): WeekRow {
    return this.#weeks[(weekStart(at) - this.#firstWeek) / WEEK]!;
  }

  /** A case logged in the period. */
  created(group: Accumulator, loggedAt: number, severity: Severity): void {
    this.overall.created += 1;
    group.created += 1;
    this.#week(loggedAt).created[severity] += 1;
  }

  /** A resolution in the period; `reopened`: a reopening followed it. */
  resolution(group: Accumulator, at: number, severity: Severity, reopened: boolean): void {
    const n = reopened ? 1 : 0;
    this.overall.resolved += 1;
    group.resolved += 1;
    this.overall.reopened += n;
    group.reopened += n;
    this.#week(at).resolved[severity] += 1;
  }

  /** Clocks judged in the period (the per-kind, severity and plan tallies are the caller's). */
  judged(group: Accumulator, met: number, judged: number): void {
    this.overall.judged += judged;
    group.judged += judged;
    this.overall.met += met;
    group.met += met;
  }

  /** A breach in the period; `order`: the clock's place in its case. Kept as columns: a report may hold thousands. */
  breach(group: Accumulator, facts: CaseFacts, order: number, at: number, code: number, endedAt: number): void {
    this.overall.breaches += 1;
    group.breaches += 1;
    const breaches = this.#breaches;
    breaches.facts.push(facts);
    breaches.order.push(order);
    breaches.at.push(at);
    breaches.code.push(code);
    breaches.endedAt.push(endedAt);
  }

  /** The breaches by instant, then case, then the clock's place in it. */
  #breachRows(): BreachRow[] {
    const { facts, order, at, code, endedAt } = this.#breaches;
    const sorted = sortedBy(at, (a, b) => byText(facts[a]!.id, facts[b]!.id) || order[a]! - order[b]!);
    return sorted.map((i) => {
      const open = Number.isNaN(endedAt[i]!);
      // the due time that passed is the breach instant
      const instant = this.iso(at[i]!);
      return {
        caseId: facts[i]!.id,
        title: facts[i]!.title,
        clock: CLOCK_KINDS[Math.floor(code[i]! / 8)]!,
        severity: SEVERITIES[Math.floor(code[i]! / 2) % 4]!,
        dueAt: instant,
        breachedAt: instant,
        outcome: open ? 'open' : code[i]! % 2 === 1 ? 'metLate' : 'stopped',
        lateMinutes: Math.max(0, (open ? this.now : endedAt[i]!) - at[i]!) / MINUTE,
      };
    });
  }

  escalation(group: Accumulator, trigger: EscalationTrigger, level: EscalationLevel): void {
    this.overall.escalations += 1;
    group.escalations += 1;
    this.#triggers.set(trigger, (this.#triggers.get(trigger) ?? 0) + 1);
    this.#levels.set(level, (this.#levels.get(level) ?? 0) + 1);
  }

  /** Feedback received in the period; `order`: its place in its case. */
  feedback(facts: CaseFacts, order: number): void {
    const feedback = facts.feedback[order]!;
    this.#ratings[feedback.rating - 1]! += 1;
    this.#ratingSum += feedback.rating;
    if (feedback.afterResolution) this.#after += 1;
    else this.#during += 1;
    if (feedback.comment !== '') this.#commentRows.push({ at: feedback.at, order, row: { caseId: facts.id, rating: feedback.rating, comment: feedback.comment, afterResolution: feedback.afterResolution } });
  }

  /** A case resolved in the period whose review carries root-cause labels. */
  rootCause(facts: CaseFacts, review: ReviewFacts): void {
    const ttr = facts.timeToResolve;
    const labels = [...review.categories.map((label) => ['category', label] as const), ...review.tags.map((label) => ['tag', label] as const)];
    for (const [kind, label] of labels) {
      const id = `${kind}:${label}`;
      let entry = this.#rootCauses.get(id);
      if (!entry) this.#rootCauses.set(id, (entry = { label, kind, caseIds: [], wall: [], business: [] }));
      entry.caseIds.push(facts.id);
      if (ttr) {
        entry.wall.push(ttr.wall);
        if (ttr.business !== null) entry.business.push(ttr.business);
      }
    }
  }

  report(actionItems: ActionItemFigures): Report {
    const byInstant = <T extends { at: number; order: number; row: { caseId: string } }>(a: T, b: T) => a.at - b.at || byText(a.row.caseId, b.row.caseId) || a.order - b.order;
    const breaches = this.#breachRows();
    const comments: FeedbackComment[] = this.#commentRows.sort(byInstant).map(({ at, row }) => ({ ...row, at: this.iso(at) }));
    const count = this.#ratings.reduce((sum, n) => sum + n, 0);
    const ranked = [...this.#rootCauses.values()]
      .map((entry) => ({ label: entry.label, kind: entry.kind, count: entry.caseIds.length, timeToResolve: { wall: statsOf(entry.wall), business: statsOf(entry.business) }, caseIds: entry.caseIds.sort() }))
      .sort((a, b) => b.count - a.count || (b.timeToResolve.wall.mean ?? 0) - (a.timeToResolve.wall.mean ?? 0) || a.label.localeCompare(b.label) || byText(a.kind, b.kind));
    const groups = this.#groups;
    const groupOrder = this.query.groupBy === 'severity' ? [...SEVERITIES] : [...groups.keys()].sort((a, b) => a.localeCompare(b));
    const groupRows = groupOrder.filter((key) => groups.has(key)).map((key) => groups.get(key)!.row(key));
    return {
      from: iso(this.from),
      to: iso(this.to),
      groupBy: this.query.groupBy,
      generatedAt: iso(this.now),
      groups: groupRows,
      // every value of the overall row is a value of one group
      overall: this.overall.row('All', [...groups.values()]),
      attainment: { byKind: this.byKind.rows(CLOCK_KINDS), bySeverity: this.bySeverity.rows(SEVERITIES), byPlan: this.byPlan.rows([]) },
      breaches,
      escalations: {
        byTrigger: ESCALATION_TRIGGERS.map((key) => ({ key, count: this.#triggers.get(key) ?? 0 })),
        byLevel: ESCALATION_LEVELS.map((key) => ({ key, count: this.#levels.get(key) ?? 0 })),
      },
      weekly: this.#weeks,
      feedback: {
        distribution: this.#ratings.map((n, i) => ({ rating: i + 1, count: n })),
        count,
        mean: count === 0 ? null : this.#ratingSum / count,
        duringResolution: this.#during,
        afterResolution: this.#after,
        comments,
      },
      rootCauses: ranked,
      actionItems,
    };
  }
}

/**
 * The report over these cases and reviews for the period and grouping, as of `now`, by folding
 * every case's facts: the definition the projection's index (`ReportIndex`) is tested against.
 */
export function buildReport(cases: Iterable<CaseFacts>, reviews: ReadonlyMap<string, ReviewFacts>, query: ReportQuery, now: number): Report {
  const sink = new ReportSink(query, now);
  const { from } = sink;
  const inPeriod = (at: number) => sink.inPeriod(at);
  for (const facts of cases) {
    // a case with nothing since the period began has nothing in it (open clocks may still breach)
    if (facts.quietSince < from) continue;
    // a group is there once one of its cases counts in it
    const key = groupKeyOf(facts, query.groupBy);
    const group = () => sink.group(key);
    if (inPeriod(facts.loggedAt)) sink.created(group(), facts.loggedAt, facts.loggedSeverity);
    const tta = facts.timeToAcknowledge;
    if (facts.acknowledgedAt !== null && tta && inPeriod(facts.acknowledgedAt)) {
      sink.overall.acknowledged(tta);
      group().acknowledged(tta);
    }
    const ttr = facts.timeToResolve;
    if (facts.firstResolvedAt !== null && ttr && inPeriod(facts.firstResolvedAt)) {
      sink.overall.resolvedIn(ttr);
      group().resolvedIn(ttr);
    }
    let resolvedHere = false;
    for (const resolution of facts.resolutions) {
      if (!inPeriod(resolution.at)) continue;
      resolvedHere = true;
      sink.resolution(group(), resolution.at, resolution.severity, facts.reopenedAt.some((at) => at >= resolution.at));
    }
    for (let at = 0; at < facts.clocks.length; at += PACKED_CLOCK_SIZE) {
      const judged = judgedAt(facts.clocks, at, now);
      if (Number.isNaN(judged)) continue;
      const breachedAt = breachOf(facts.clocks, at, now);
      const code = facts.clocks[at + 3]!;
      if (inPeriod(judged)) {
        // met only if met on time
        const met = code % 2 === 1 && Number.isNaN(breachedAt);
        sink.judged(group(), met ? 1 : 0, 1);
        sink.byKind.add(CLOCK_KINDS[Math.floor(code / 8)]!, met);
        sink.bySeverity.add(SEVERITIES[Math.floor(code / 2) % 4]!, met);
        sink.byPlan.add(facts.plan, met);
      }
      if (!Number.isNaN(breachedAt) && inPeriod(breachedAt)) sink.breach(group(), facts, at / PACKED_CLOCK_SIZE, breachedAt, code, facts.clocks[at]!);
    }
    for (const escalation of facts.escalations) if (inPeriod(escalation.at)) sink.escalation(group(), escalation.trigger, escalation.level);
    facts.feedback.forEach((feedback, order) => {
      if (inPeriod(feedback.at)) sink.feedback(facts, order);
    });
    const review = resolvedHere ? reviews.get(facts.id) : undefined;
    if (review) sink.rootCause(facts, review);
  }
  return sink.report(actionItemFiguresOf(reviews.values(), sink.from, sink.to, now));
}
