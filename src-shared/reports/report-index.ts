import { SEVERITIES } from '../domain/severity';
import { CLOCK_KINDS } from '../sla';
import { PACKED_CLOCK_SIZE, type CaseFacts, type ReviewFacts } from './facts';
import { REPORT_GROUPINGS, type ReportGrouping, type ReportQuery } from './query';
import { actionItemEntriesOf, compareActionItems, groupKeyOf, ReportSink, type Accumulator, type ActionItemEntry, type ActionItemFigures, type Report } from './report';
import { shareOf } from './stats';

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

/** A day's entries: pairs of (case slot, reference), appended as cases are held. */
type Bucket = { refs: Int32Array; length: number };

/**
 * The reports' facts indexed by time, so a report touches only what lies in its period.
 *
 * Each case has a slot; each dated fact of a case (logged, acknowledged, first resolved, each
 * resolution, each ended clock's judgement and breach, each escalation and feedback) is an
 * entry (slot, reference) in the bucket of its UTC day. A report reads the buckets of the days
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

  /** Every case's facts, by id. */
  get size(): number {
    return this.#slots.size;
  }

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
    entriesOf(facts, (at, ref) => this.#add(Math.floor(at / DAY), slot, ref));
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

  #add(day: number, slot: number, ref: number): void {
    let bucket = this.#days.get(day);
    if (!bucket) this.#days.set(day, (bucket = { refs: new Int32Array(16), length: 0 }));
    if (bucket.length + 2 > bucket.refs.length) {
      const grown = new Int32Array(bucket.refs.length * 2);
      grown.set(bucket.refs);
      bucket.refs = grown;
    }
    bucket.refs[bucket.length++] = slot;
    bucket.refs[bucket.length++] = ref;
  }

  #remove(slot: number, facts: CaseFacts): void {
    const days = new Set<number>();
    entriesOf(facts, (at) => days.add(Math.floor(at / DAY)));
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
      if (kept === 0) this.#days.delete(day);
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
    const kinds = new Array<number>(CLOCK_KINDS.length * 2).fill(0);
    const severities = new Array<number>(SEVERITIES.length * 2).fill(0);
    const byPlan = new Array<number>(plans.names.length * 2).fill(0);
    const judge = (group: Accumulator, slot: number, code: number, met: number) => {
      sink.judged(group, met, 1);
      const kind = Math.floor(code / 8) * 2;
      const severity = (Math.floor(code / 2) % 4) * 2;
      const plan = plans.slots[slot]! * 2;
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
      const refs = bucket.refs;
      for (let i = 0; i < bucket.length; i += 2) {
        const slot = refs[i]!;
        const ref = refs[i + 1]!;
        const f = facts[slot]!;
        const index = ref >> 3;
        switch (ref & 7) {
          case CREATED:
            if (f.loggedAt >= from && f.loggedAt < to) sink.created(groupOf(slot), f.loggedAt, f.loggedSeverity);
            break;
          case ACKNOWLEDGED:
            if (f.acknowledgedAt! >= from && f.acknowledgedAt! < to) {
              sink.overall.acknowledged(f.timeToAcknowledge!);
              groupOf(slot).acknowledged(f.timeToAcknowledge!);
            }
            break;
          case FIRST_RESOLVED:
            if (f.firstResolvedAt! >= from && f.firstResolvedAt! < to) {
              sink.overall.resolvedIn(f.timeToResolve!);
              groupOf(slot).resolvedIn(f.timeToResolve!);
            }
            break;
          case RESOLUTION: {
            const resolution = f.resolutions[index]!;
            if (resolution.at < from || resolution.at >= to) break;
            if (marked[slot] === 0) {
              marked[slot] = 1;
              resolvedHere.push(slot);
            }
            let reopened = false;
            for (const at of f.reopenedAt) if (at >= resolution.at) reopened = true;
            sink.resolution(groupOf(slot), resolution.at, resolution.severity, reopened);
            break;
          }
          case JUDGED: {
            if (!whole) {
              const endedAt = f.clocks[(ref >> 8) * PACKED_CLOCK_SIZE]!;
              if (endedAt < from || endedAt >= to) break;
            }
            const code = (ref >> 3) & 31;
            judge(groupOf(slot), slot, code, code % 2);
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
      const group = groupOf(slot);
      judge(group, slot, code, 0);
      sink.breach(group, facts[slot]!, running[i + 1]!, breachedAt, code, Number.NaN);
    }

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

/** Each dated fact of a case: its instant and its reference (position << 3 | kind). */
function entriesOf(facts: CaseFacts, emit: (at: number, ref: number) => void): void {
  emit(facts.loggedAt, CREATED);
  if (facts.acknowledgedAt !== null && facts.timeToAcknowledge) emit(facts.acknowledgedAt, ACKNOWLEDGED);
  if (facts.firstResolvedAt !== null && facts.timeToResolve) emit(facts.firstResolvedAt, FIRST_RESOLVED);
  facts.resolutions.forEach((resolution, i) => emit(resolution.at, (i << 3) | RESOLUTION));
  const clocks = facts.clocks;
  for (let i = 0; i * PACKED_CLOCK_SIZE < clocks.length; i++) {
    const at = i * PACKED_CLOCK_SIZE;
    const endedAt = clocks[at]!;
    // a running clock is read with the report's time, not from the days
    if (Number.isNaN(endedAt)) continue;
    const breachedAt = clocks[at + 2]!;
    // judged when it ended, unless it was stopped in time
    const code = clocks[at + 3]!;
    // met only if met on time
    if (code % 2 === 1 || !Number.isNaN(breachedAt)) emit(endedAt, (i << 8) | ((code - (code % 2) + (code % 2 === 1 && Number.isNaN(breachedAt) ? 1 : 0)) << 3) | JUDGED);
    if (!Number.isNaN(breachedAt)) emit(breachedAt, (i << 3) | BREACHED);
  }
  facts.escalations.forEach((escalation, i) => emit(escalation.at, (i << 3) | ESCALATION));
  facts.feedback.forEach((feedback, i) => emit(feedback.at, (i << 3) | FEEDBACK));
}
