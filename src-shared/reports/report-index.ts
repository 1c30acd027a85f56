import { SEVERITIES } from '../domain/severity';
import { CLOCK_KINDS } from '../sla';
import { PACKED_CLOCK_SIZE, type CaseFacts, type ReviewFacts } from './facts';
import { REPORT_GROUPINGS, type ReportGrouping, type ReportQuery } from './query';
import { actionItemEntriesOf, compareActionItems, groupKeyOf, ReportSink, type Accumulator, type ActionItemEntry, type ActionItemFigures, type Report } from './report';
import { shareOf, withRoom } from './stats';

const DAY = 24 * 60 * 60_000;

/**
 * What an entry of a day refers to in its case's facts: the kind in the low 3 bits, the position
 * in the rest (for a judged clock, bits 3-7 hold its packed code with "met on time" in place of "met").
 */
const CREATED = 0;
const ACKNOWLEDGED = 1;
const FIRST_RESOLVED = 2;
const RESOLUTION = 3;
/** An ended clock judged at its end. */
const JUDGED = 4;
/** An ended clock that breached (at its breach instant). */
const BREACHED = 5;
const ESCALATION = 6;
const FEEDBACK = 7;

/**
 * A day's entries, appended as cases are held: pairs of (case slot, reference) for clocks,
 * escalations and feedback; for the case-level facts (logged, acknowledged, first resolved, each
 * resolution), (slot, kind) with their figures alongside (instant and two numbers), so the
 * thousands a report counts need no look at the cases' facts.
 */
type Bucket = { refs: Int32Array; length: number; cases: Int32Array; figures: Float64Array; caseLength: number };

const SEVERITY_INDEX = Object.fromEntries(SEVERITIES.map((severity, i) => [severity, i])) as Record<string, number>;

/**
 * The reports' facts indexed by time, so a report touches only what lies in its period.
 *
 * Each case has a slot; each dated fact of a case (logged, acknowledged, first resolved, each
 * resolution, each ended clock's judgement and breach, each escalation and feedback) is an
 * entry in the bucket of its UTC day (`Bucket`). A report reads the buckets of the days
 * of its period and, for the cases with a clock still running (whose breach depends on the
 * report's time), those clocks. Group keys are interned per grouping as small integers.
 * When a case's facts change, its old entries leave their days and the new ones are added.
 * Action items are kept sorted by due time, so the overdue ones are a prefix.
 * Reports equal `buildReport` over the same facts (test/main/reports/report-index.property.test.ts).
 */
export class ReportIndex {
  readonly #slots = new Map<string, number>();
  readonly #facts: CaseFacts[] = [];
  readonly #keys = Object.fromEntries(REPORT_GROUPINGS.map((grouping) => [grouping, { slots: [] as number[], ids: new Map<string, number>(), names: [] as string[] }])) as Record<ReportGrouping, { slots: number[]; ids: Map<string, number>; names: string[] }>;
  readonly #days = new Map<number, Bucket>();
  /** The cases with a clock still running: slot to the positions of those clocks. */
  readonly #running = new Map<number, number[]>();
  /** Columns of the running clocks (slot, position, due at, breached at, code), made again after a change. */
  #runningClocks: Float64Array | null = null;
  readonly #reviews = new Map<string, { review: ReviewFacts; items: ActionItemEntry[] }>();
  /** Each slot's review, if it has one. */
  readonly #reviewOf: Array<ReviewFacts | undefined> = [];
  /** Instants written as ISO strings by earlier reports (breaches, comments), so a report made again writes none. */
  #written = new Map<number, string>();
  readonly #iso = (ms: number): string => {
    let text = this.#written.get(ms);
    if (text === undefined) {
      if (this.#written.size >= 100_000) this.#written = new Map();
      this.#written.set(ms, (text = new Date(ms).toISOString()));
    }
    return text;
  };
  /** Open action items with a due day, by due time; null after a review changed (sorted again on the next report). */
  #dueOpen: Array<{ entry: ActionItemEntry; index: number }> | null = [];

  /** Hold a case's facts, in place of the ones it had. */
  put(facts: CaseFacts): void {
    let slot = this.#slots.get(facts.id);
    if (slot === undefined) {
      slot = this.#facts.length;
      this.#slots.set(facts.id, slot);
      this.#facts.push(facts);
      this.#reviewOf[slot] = this.#reviews.get(facts.id)?.review;
    } else {
      this.#remove(slot, this.#facts[slot]!);
      this.#facts[slot] = facts;
    }
    for (const grouping of REPORT_GROUPINGS) {
      const keys = this.#keys[grouping];
      const name = groupKeyOf(facts, grouping);
      let id = keys.ids.get(name);
      if (id === undefined) {
        id = keys.names.length;
        keys.ids.set(name, id);
        keys.names.push(name);
      }
      keys.slots[slot] = id;
    }
    entriesOf(
      facts,
      (at, ref) => this.#add(this.#bucket(at), slot, ref),
      (at, kind, a, b) => this.#addCase(this.#bucket(at), slot, kind, at, a, b),
    );
    const running: number[] = [];
    for (let at = 0; at < facts.clocks.length; at += PACKED_CLOCK_SIZE) if (Number.isNaN(facts.clocks[at]!)) running.push(at / PACKED_CLOCK_SIZE);
    if (running.length > 0 || this.#running.has(slot)) this.#runningClocks = null;
    if (running.length > 0) this.#running.set(slot, running);
    else this.#running.delete(slot);
  }

  /** Hold a case's review, in place of the one it had. */
  putReview(review: ReviewFacts): void {
    this.#reviews.set(review.caseId, { review, items: actionItemEntriesOf(review) });
    const slot = this.#slots.get(review.caseId);
    if (slot !== undefined) this.#reviewOf[slot] = review;
    this.#dueOpen = null;
  }

  #bucket(at: number): Bucket {
    const day = Math.floor(at / DAY);
    let bucket = this.#days.get(day);
    if (!bucket) this.#days.set(day, (bucket = { refs: new Int32Array(16), length: 0, cases: new Int32Array(8), figures: new Float64Array(12), caseLength: 0 }));
    return bucket;
  }

  #addCase(bucket: Bucket, slot: number, kind: number, at: number, a: number, b: number): void {
    const n = bucket.caseLength++;
    bucket.cases = withRoom(bucket.cases, n * 2 + 2);
    bucket.figures = withRoom(bucket.figures, n * 3 + 3);
    bucket.cases[n * 2] = slot;
    bucket.cases[n * 2 + 1] = kind;
    bucket.figures[n * 3] = at;
    bucket.figures[n * 3 + 1] = a;
    bucket.figures[n * 3 + 2] = b;
  }

  #add(bucket: Bucket, slot: number, ref: number): void {
    bucket.refs = withRoom(bucket.refs, bucket.length + 2);
    bucket.refs[bucket.length++] = slot;
    bucket.refs[bucket.length++] = ref;
  }

  #remove(slot: number, facts: CaseFacts): void {
    const days = new Set<number>();
    const day = (at: number) => days.add(Math.floor(at / DAY));
    entriesOf(facts, day, day);
    for (const day of days) {
      const bucket = this.#days.get(day);
      if (!bucket) continue;
      const refs = bucket.refs;
      let kept = 0;
      for (let i = 0; i < bucket.length; i += 2) {
        if (refs[i] === slot) continue;
        refs[kept++] = refs[i]!;
        refs[kept++] = refs[i + 1]!;
      }
      bucket.length = kept;
      const { cases, figures } = bucket;
      let keptCases = 0;
      for (let i = 0; i < bucket.caseLength; i++) {
        if (cases[i * 2] === slot) continue;
        cases[keptCases * 2] = cases[i * 2]!;
        cases[keptCases * 2 + 1] = cases[i * 2 + 1]!;
        figures.copyWithin(keptCases * 3, i * 3, i * 3 + 3);
        keptCases++;
      }
      bucket.caseLength = keptCases;
      if (kept === 0 && keptCases === 0) this.#days.delete(day);
    }
  }

  /** The report for a period and grouping as of `now`: the same as `buildReport` over the held facts. */
  report(query: ReportQuery, now: number): Report {
    const sink = new ReportSink(query, now, this.#iso);
    const { from, to } = sink;
    const facts = this.#facts;
    const keys = this.#keys[query.groupBy];
    const groups: Array<Accumulator | undefined> = [];
    const groupOf = (slot: number): Accumulator => (groups[keys.slots[slot]!] ??= sink.group(keys.names[keys.slots[slot]!]!));
    const plans = this.#keys.plan;
    // clocks judged, as [met, judged] counts per kind, severity and plan
    const kinds = new Int32Array(CLOCK_KINDS.length * 2);
    const severities = new Int32Array(SEVERITIES.length * 2);
    const byPlan = new Int32Array(plans.names.length * 2);
    const byGroup = new Int32Array(keys.names.length * 2);
    // counted in arrays here, added to the groups' rows at the end: tens of thousands of clocks are judged in a quarter
    const judge = (slot: number, code: number, met: number) => {
      const group = keys.slots[slot]! * 2;
      const kind = (code >> 3) * 2;
      const severity = ((code >> 1) & 3) * 2;
      const plan = plans.slots[slot]! * 2;
      byGroup[group]! += met;
      byGroup[group + 1]! += 1;
      kinds[kind]! += met;
      kinds[kind + 1]! += 1;
      severities[severity]! += met;
      severities[severity + 1]! += 1;
      byPlan[plan]! += met;
      byPlan[plan + 1]! += 1;
    };
    // the cases resolved in the period, once each
    const resolvedHere: number[] = [];
    const marked = new Uint8Array(facts.length);

    // `whole`: the day lies in the period, so its judged clocks need no look at their instant
    const visit = (bucket: Bucket, whole: boolean) => {
      const { cases, figures } = bucket;
      for (let i = 0; i < bucket.caseLength; i++) {
        const at = figures[i * 3]!;
        if (at < from || at >= to) continue;
        const slot = cases[i * 2]!;
        const a = figures[i * 3 + 1]!;
        const b = figures[i * 3 + 2]!;
        switch (cases[i * 2 + 1]) {
          case CREATED:
            sink.created(groupOf(slot), at, SEVERITIES[a]!);
            break;
          case ACKNOWLEDGED:
            sink.overall.acknowledgedAfter(a, b);
            groupOf(slot).acknowledgedAfter(a, b);
            break;
          case FIRST_RESOLVED:
            sink.overall.resolvedAfter(a, b);
            groupOf(slot).resolvedAfter(a, b);
            break;
          case RESOLUTION:
            if (marked[slot] === 0) {
              marked[slot] = 1;
              resolvedHere.push(slot);
            }
            sink.resolution(groupOf(slot), at, SEVERITIES[a]!, b === 1);
            break;
        }
      }
      const refs = bucket.refs;
      for (let i = 0; i < bucket.length; i += 2) {
        const slot = refs[i]!;
        const ref = refs[i + 1]!;
        const f = facts[slot]!;
        const index = ref >> 3;
        switch (ref & 7) {
          case JUDGED: {
            if (!whole) {
              const endedAt = f.clocks[(ref >> 8) * PACKED_CLOCK_SIZE]!;
              if (endedAt < from || endedAt >= to) break;
            }
            const code = (ref >> 3) & 31;
            judge(slot, code, code % 2);
            break;
          }
          case BREACHED: {
            const at = index * PACKED_CLOCK_SIZE;
            const breachedAt = f.clocks[at + 2]!;
            if (breachedAt >= from && breachedAt < to) sink.breach(groupOf(slot), f, index, breachedAt, f.clocks[at + 3]!, f.clocks[at]!);
            break;
          }
          case ESCALATION: {
            const escalation = f.escalations[index]!;
            if (escalation.at >= from && escalation.at < to) sink.escalation(groupOf(slot), escalation.trigger, escalation.level);
            break;
          }
          case FEEDBACK:
            if (f.feedback[index]!.at >= from && f.feedback[index]!.at < to) sink.feedback(f, index);
            break;
        }
      }
    };
    const first = Math.floor(from / DAY);
    const last = Math.floor((to - 1) / DAY);
    if (last - first + 1 <= this.#days.size) {
      for (let day = first; day <= last; day++) {
        const bucket = this.#days.get(day);
        if (bucket) visit(bucket, day * DAY >= from && (day + 1) * DAY <= to);
      }
    } else {
      for (const [day, bucket] of this.#days) if (day >= first && day <= last) visit(bucket, day * DAY >= from && (day + 1) * DAY <= to);
    }

    // clocks still running breach once their due time passes, as of the report's time
    const running = (this.#runningClocks ??= this.#columnsOfRunning());
    for (let i = 0; i < running.length; i += 5) {
      const recorded = running[i + 3]!;
      const dueAt = running[i + 2]!;
      const breachedAt = Number.isNaN(recorded) ? (dueAt < now ? dueAt : Number.NaN) : recorded;
      if (!(breachedAt >= from && breachedAt < to)) continue;
      const slot = running[i]!;
      const code = running[i + 4]!;
      judge(slot, code, 0);
      sink.breach(groupOf(slot), facts[slot]!, running[i + 1]!, breachedAt, code, Number.NaN);
    }

    keys.names.forEach((name, i) => {
      if (byGroup[i * 2 + 1]! > 0) sink.judged((groups[i] ??= sink.group(name)), byGroup[i * 2]!, byGroup[i * 2 + 1]!);
    });
    CLOCK_KINDS.forEach((kind, i) => sink.byKind.addCounts(kind, kinds[i * 2]!, kinds[i * 2 + 1]!));
    SEVERITIES.forEach((severity, i) => sink.bySeverity.addCounts(severity, severities[i * 2]!, severities[i * 2 + 1]!));
    plans.names.forEach((plan, i) => sink.byPlan.addCounts(plan, byPlan[i * 2] ?? 0, byPlan[i * 2 + 1] ?? 0));
    for (const slot of resolvedHere) {
      const review = this.#reviewOf[slot];
      if (review) sink.rootCause(facts[slot]!, review);
    }
    return sink.report(this.#actionItems(from, to, now));
  }

  #columnsOfRunning(): Float64Array {
    let count = 0;
    for (const positions of this.#running.values()) count += positions.length;
    const columns = new Float64Array(count * 5);
    let i = 0;
    for (const [slot, positions] of this.#running) {
      const clocks = this.#facts[slot]!.clocks;
      for (const index of positions) {
        const at = index * PACKED_CLOCK_SIZE;
        columns.set([slot, index, clocks[at + 1]!, clocks[at + 2]!, clocks[at + 3]!], i);
        i += 5;
      }
    }
    return columns;
  }

  #actionItems(from: number, to: number, now: number): ActionItemFigures {
    let dueInPeriod = 0;
    let doneByDue = 0;
    let open = 0;
    const dueOpen: Array<{ entry: ActionItemEntry; index: number }> | null = this.#dueOpen === null ? [] : null;
    for (const { items } of this.#reviews.values()) {
      for (let index = 0; index < items.length; index++) {
        const entry = items[index]!;
        if (!entry.done) open += 1;
        if (entry.dueAt === null || entry.row === null) continue;
        if (!entry.done) dueOpen?.push({ entry, index });
        if (entry.dueAt >= from && entry.dueAt < to) {
          dueInPeriod += 1;
          if (entry.done && entry.closedAt !== null && entry.closedAt <= entry.dueAt) doneByDue += 1;
        }
      }
    }
    if (dueOpen) this.#dueOpen = dueOpen.sort(compareActionItems);
    const sorted = this.#dueOpen!;
    // the overdue items are those due by now: a prefix of the sorted ones
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]!.entry.dueAt! <= now) low = middle + 1;
      else high = middle;
    }
    const overdueItems = sorted.slice(0, low).map(({ entry }) => entry.row!);
    return { dueInPeriod, doneByDue, shareDoneByDue: shareOf(doneByDue, dueInPeriod), open, overdue: overdueItems.length, overdueItems };
  }
}

/**
 * Each dated fact of a case: the case-level ones with their figures (`fact`: instant, kind, and
 * two numbers), the others by reference (`emit`: instant, position << 3 | kind).
 */
function entriesOf(facts: CaseFacts, emit: (at: number, ref: number) => void, fact: (at: number, kind: number, a: number, b: number) => void): void {
  fact(facts.loggedAt, CREATED, SEVERITY_INDEX[facts.loggedSeverity]!, 0);
  const tta = facts.timeToAcknowledge;
  if (facts.acknowledgedAt !== null && tta) fact(facts.acknowledgedAt, ACKNOWLEDGED, tta.wall, tta.business ?? Number.NaN);
  const ttr = facts.timeToResolve;
  if (facts.firstResolvedAt !== null && ttr) fact(facts.firstResolvedAt, FIRST_RESOLVED, ttr.wall, ttr.business ?? Number.NaN);
  for (const resolution of facts.resolutions) {
    // followed by a reopening (at any time since)
    const reopened = facts.reopenedAt.some((at) => at >= resolution.at);
    fact(resolution.at, RESOLUTION, SEVERITY_INDEX[resolution.severity]!, reopened ? 1 : 0);
  }
  const clocks = facts.clocks;
  for (let i = 0; i * PACKED_CLOCK_SIZE < clocks.length; i++) {
    const at = i * PACKED_CLOCK_SIZE;
    const endedAt = clocks[at]!;
    // a running clock is read with the report's time, not from the days
    if (Number.isNaN(endedAt)) continue;
    const breachedAt = clocks[at + 2]!;
    const code = clocks[at + 3]!;
    // met only if met on time
    if (code % 2 === 1 || !Number.isNaN(breachedAt)) emit(endedAt, (i << 8) | ((code - (code % 2) + (code % 2 === 1 && Number.isNaN(breachedAt) ? 1 : 0)) << 3) | JUDGED);
    if (!Number.isNaN(breachedAt)) emit(breachedAt, (i << 3) | BREACHED);
  }
  facts.escalations.forEach((escalation, i) => emit(escalation.at, (i << 3) | ESCALATION));
  facts.feedback.forEach((feedback, i) => emit(feedback.at, (i << 3) | FEEDBACK));
}
