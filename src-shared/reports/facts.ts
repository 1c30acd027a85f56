import { foldCase } from '../domain/case-state';
import type { CaseRecord, EscalationLevel, EscalationTrigger } from '../domain/events';
import { SEVERITIES, type Severity, severityRank } from '../domain/severity';
import { endOfDueDay, reviewsCompleted, type ReviewDigest } from '../review';
import { businessMinutesBetween, CLOCK_KINDS, calendarOf, clocksOf, planOf, policyInForce, type ClockKind, type Policy, type PolicyHistory } from '../sla';

/**
 * What the reports need of one case, derived from its events (and its review) alone: never
 * from "now", so the projection kept as events land equals one rebuilt from the store.
 * Instants are epoch ms; durations are minutes. Definitions: docs/reports.md.
 */
export type ClockFact = {
  readonly kind: ClockKind;
  /** The severity the clock was judged under (the one it breached as, when it breached). */
  readonly severity: Severity;
  /** Null while open. */
  readonly endedAt: number | null;
  /** The due time of its current target; null while paused. */
  readonly dueAt: number | null;
  /** When its target passed unmet, as far as the case's events tell; an open clock may still breach later (at dueAt). */
  readonly breachedAt: number | null;
  readonly met: boolean;
};

export type Duration = { readonly wall: number; readonly business: number | null };

export type CaseFacts = {
  readonly id: string;
  readonly title: string;
  readonly customer: string;
  /** The plan's id (a case may name it by name). */
  readonly plan: string;
  readonly owner: string;
  readonly loggedSeverity: Severity;
  /** The most severe severity the case ever had: what "by severity" groups by. */
  readonly worstSeverity: Severity;
  readonly loggedAt: number;
  /** The newest event's time (or a clock's end, if later: a review published after the case closed), or Infinity while a clock runs: a case quiet since before a period began has nothing in it. */
  readonly quietSince: number;
  readonly acknowledgedAt: number | null;
  readonly timeToAcknowledge: Duration | null;
  /** The first resolution: time to resolve is measured to it. */
  readonly firstResolvedAt: number | null;
  readonly timeToResolve: Duration | null;
  /** Every resolution, with the severity the case had then. */
  readonly resolutions: ReadonlyArray<{ readonly at: number; readonly severity: Severity }>;
  readonly reopenedAt: readonly number[];
  readonly open: boolean;
  readonly escalations: ReadonlyArray<{ readonly at: number; readonly trigger: EscalationTrigger; readonly level: EscalationLevel }>;
  readonly feedback: ReadonlyArray<{ readonly at: number; readonly rating: number; readonly comment: string; readonly afterResolution: boolean }>;
  /** Its clocks, packed (`packClocks`): a team's history holds hundreds of thousands of them. */
  readonly clocks: Float64Array;
  /** Why the clocks could not be judged (the plan left the policy), or null. */
  readonly problem: string | null;
};

export type ReviewFacts = {
  readonly caseId: string;
  readonly categories: readonly string[];
  readonly tags: readonly string[];
  readonly published: boolean;
  readonly actionItems: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly owner: string;
    /** The day it is due, and the end of that day in the case's time zone (ms). */
    readonly due: string | null;
    readonly dueAt: number | null;
    readonly done: boolean;
    readonly closedAt: number | null;
  }>;
};

const MINUTE = 60_000;

/** Numbers a packed clock takes: ended at, due at, breached at (NaN for none), and a code of its kind, severity and outcome. */
export const PACKED_CLOCK_SIZE = 4;

/**
 * Clocks as one Float64Array, four numbers each, rather than an object each: at 60,000 cases
 * (some 400,000 clocks) the objects alone would hold about 65 MB of the projection's heap.
 */
export function packClocks(clocks: readonly ClockFact[]): Float64Array {
  const packed = new Float64Array(clocks.length * PACKED_CLOCK_SIZE);
  clocks.forEach((clock, i) => {
    const at = i * PACKED_CLOCK_SIZE;
    packed[at] = clock.endedAt ?? Number.NaN;
    packed[at + 1] = clock.dueAt ?? Number.NaN;
    packed[at + 2] = clock.breachedAt ?? Number.NaN;
    packed[at + 3] = CLOCK_KINDS.indexOf(clock.kind) * 8 + SEVERITIES.indexOf(clock.severity) * 2 + (clock.met ? 1 : 0);
  });
  return packed;
}

const orNull = (value: number) => (Number.isNaN(value) ? null : value);

/** The clock at `index` of a packed array. */
export function clockAt(packed: Float64Array, index: number): ClockFact {
  const at = index * PACKED_CLOCK_SIZE;
  const code = packed[at + 3]!;
  return {
    kind: CLOCK_KINDS[Math.floor(code / 8)]!,
    severity: SEVERITIES[Math.floor(code / 2) % 4]!,
    endedAt: orNull(packed[at]!),
    dueAt: orNull(packed[at + 1]!),
    breachedAt: orNull(packed[at + 2]!),
    met: code % 2 === 1,
  };
}

/** Every clock of a packed array, in order. */
export function unpackClocks(packed: Float64Array): ClockFact[] {
  return Array.from({ length: packed.length / PACKED_CLOCK_SIZE }, (_, index) => clockAt(packed, index));
}

/** `timeZone`: the case's (its plan's business calendar's), where an action item's due day ends. */
export function reviewFactsOf(review: ReviewDigest, timeZone: string): ReviewFacts {
  const analysis = review.content.rootCauseAnalysis;
  return {
    caseId: review.caseId,
    categories: analysis.categories ?? [],
    tags: analysis.tags ?? [],
    published: review.revisions.length > 0,
    actionItems: review.content.actionItems.map((item) => ({
      id: item.id,
      title: item.title,
      owner: item.owner,
      due: item.due,
      dueAt: item.due === null ? null : Date.parse(endOfDueDay(item.due, timeZone)),
      done: item.status === 'done',
      closedAt: item.closedAt === null ? null : Date.parse(item.closedAt),
    })),
  };
}

/** `published`: when the case's review was published, each time (they meet its review clocks). */
export function caseFactsOf(record: CaseRecord, policy: Policy, history: PolicyHistory, published: readonly string[]): CaseFacts {
  const state = foldCase(record);
  const loggedAt = Date.parse(state.loggedAt);
  let worst = state.severityHistory[0]!.severity;
  const resolutions: Array<{ at: number; severity: Severity }> = [];
  const reopenedAt: number[] = [];
  const waits: Array<[number, number]> = [];
  const feedback: Array<{ at: number; rating: number; comment: string; afterResolution: boolean }> = [];
  let severity = worst;
  let resolved = false;
  let waitingSince: number | null = null;
  for (const event of record.events) {
    const at = Date.parse(event.at);
    switch (event.type) {
      case 'severityAdjusted':
        severity = event.data.to;
        if (severityRank(severity) < severityRank(worst)) worst = severity;
        break;
      case 'resolved':
        resolutions.push({ at, severity });
        resolved = true;
        if (waitingSince !== null) waits.push([waitingSince, at]);
        waitingSince = null;
        break;
      case 'reopened':
        reopenedAt.push(at);
        resolved = false;
        break;
      case 'informationRequested':
        waitingSince ??= at;
        break;
      case 'customerReplied':
        if (waitingSince !== null) waits.push([waitingSince, at]);
        waitingSince = null;
        break;
      case 'feedbackReceived':
        feedback.push({ at, rating: event.data.rating, comment: event.data.comment, afterResolution: resolved });
        break;
      default:
        break;
    }
  }
  const firstResolvedAt = resolutions[0]?.at ?? null;
  const acknowledgedAt = state.acknowledgedAt === null ? null : Date.parse(state.acknowledgedAt);

  let clocks: ClockFact[] = [];
  let problem: string | null = null;
  // business time on the plan's business calendar as the policy in force at the stop had it
  const business = (from: number, to: number, excluded: ReadonlyArray<[number, number]> = []): number | null => {
    try {
      const inForce = policyInForce(history, policy, to);
      const plan = planOf(inForce, state.plan);
      const calendar = calendarOf(inForce, plan, plan.businessCalendarId);
      const iso = (ms: number) => new Date(ms).toISOString();
      let minutes = businessMinutesBetween(iso(from), iso(to), calendar);
      for (const [a, b] of excluded) {
        const start = Math.max(a, from);
        const end = Math.min(b, to);
        if (end > start) minutes -= businessMinutesBetween(iso(start), iso(end), calendar);
      }
      return minutes;
    } catch {
      return null;
    }
  };
  try {
    // judged as of the last event: open clocks breach later at their dueAt, read at query time
    const asOf = record.events[record.events.length - 1]!.at;
    const completed = published.length > 0 ? reviewsCompleted(record, { revisions: published.map((publishedAt) => ({ publishedAt })) }) : [];
    clocks = clocksOf(record.events, policy, asOf, { policyHistory: history, reviewsCompleted: completed }).map((clock) => ({
      kind: clock.kind,
      severity: clock.breachedAs ?? clock.severity,
      endedAt: clock.endedAt === null ? null : Date.parse(clock.endedAt),
      dueAt: clock.dueAt === null ? null : Date.parse(clock.dueAt),
      breachedAt: clock.breachedAt === null ? null : Date.parse(clock.breachedAt),
      met: clock.state === 'met',
    }));
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  let plan = state.plan;
  try {
    plan = planOf(policyInForce(history, policy, loggedAt), state.plan).id;
  } catch {
    // a plan no policy knows is grouped under the name the case gives it
  }

  return {
    id: state.id,
    title: state.title,
    customer: state.customer,
    plan,
    owner: state.owner ?? '',
    loggedSeverity: state.severityHistory[0]!.severity,
    worstSeverity: worst,
    loggedAt,
    // a review clock ends when the review is published, which may be after the case's last event
    quietSince: clocks.some((clock) => clock.endedAt === null)
      ? Number.POSITIVE_INFINITY
      : Math.max(...record.events.map((event) => Date.parse(event.at)), ...clocks.map((clock) => clock.endedAt!)),
    acknowledgedAt,
    timeToAcknowledge: acknowledgedAt === null ? null : { wall: (acknowledgedAt - loggedAt) / MINUTE, business: business(loggedAt, acknowledgedAt) },
    firstResolvedAt,
    timeToResolve: firstResolvedAt === null ? null : { wall: (firstResolvedAt - loggedAt) / MINUTE, business: business(loggedAt, firstResolvedAt, waits) },
    resolutions,
    reopenedAt,
    open: state.status !== 'closed',
    escalations: state.escalations.map((e) => ({ at: Date.parse(e.at), trigger: e.trigger, level: e.level })),
    feedback,
    clocks: packClocks(clocks),
    problem,
  };
}
