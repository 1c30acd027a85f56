import type { CaseEvent } from '../domain/events';
import { type Severity, severityRank } from '../domain/severity';
import type { Calendar } from './calendar';
import { MINUTE_MS, coverageOf } from './coverage';
import { instantMs, isoOf } from './business-time';
import { type Plan, type Policy, type SeverityTarget, calendarOf, planOf } from './policy';
import { type PolicyHistory, policyInForce } from './policy-history';

/**
 * The clocks of a case, replayed from its events. Rules (docs/sla.md):
 * initial response runs from logging to acknowledgement and never pauses; the update and
 * lack-of-progress clocks start at acknowledgement (or reopening), restart at every customer
 * update, pause while information is requested and stop at resolution; a severity change
 * re-targets running clocks from their start; a resolution that needs a review starts the
 * review clock; reopening starts a new cycle. History is a fact: a clock that ended is judged
 * by the policy in force when it ended, and a target that passed before a severity change
 * stays a breach (as the severity it had then).
 */
export const CLOCK_KINDS = ['initialResponse', 'customerUpdate', 'lackOfProgress', 'reviewDue'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
export type ClockState = 'running' | 'paused' | 'met' | 'breached' | 'stopped';

export type TargetChange = { at: string; severity: Severity; targetMinutes: number; calendarId: string };

export type Clock = {
  /** `${kind}:${cycle}:${n}`, n counting restarts of the kind within the cycle. */
  id: string;
  kind: ClockKind;
  cycle: number;
  startedAt: string;
  /** When the clock was met or stopped; null while it is open. */
  endedAt: string | null;
  /** Null while paused before reaching its target: the deadline depends on when it resumes. */
  dueAt: string | null;
  state: ClockState;
  /** Covered minutes counted so far (pauses excluded), up to endedAt or now. */
  elapsedMinutes: number;
  /** targetMinutes - elapsedMinutes; negative when overdue. */
  remainingMinutes: number;
  /** The instant the target passed without the clock being met; kept when met late, and kept when the severity was lowered afterwards. */
  breachedAt: string | null;
  /** The severity the clock had when it breached (it may have been lowered since). */
  breachedAs: Severity | null;
  metAt: string | null;
  targetMinutes: number;
  calendarId: string;
  severity: Severity;
  /** Every target the clock has had while running, oldest first. */
  targetHistory: TargetChange[];
};

export type ClockOptions = {
  /** Post-incident reviews completed, by cycle; they meet that cycle's review clock. */
  reviewsCompleted?: ReadonlyArray<{ cycle: number; at: string }>;
  /**
   * Every policy the console has applied, oldest first. A clock (or one severity's stretch of
   * it) that ended is judged by the policy in force at its end; without it, by `policy`.
   */
  policyHistory?: PolicyHistory;
};

type Target = { minutes: number; calendar: Calendar };

type OpenClock = {
  kind: ClockKind;
  cycle: number;
  n: number;
  start: number;
  severity: Severity;
  /** The severity from each instant on, the first at the start. */
  history: Array<{ at: number; severity: Severity }>;
  /** [from, to) spans when the clock does not count; `to` null while still paused. */
  pauses: Array<[number, number | null]>;
};

function targetMinutesOf(kind: ClockKind, target: SeverityTarget): { minutes: number; calendar: string } {
  switch (kind) {
    case 'initialResponse':
      return target.initialResponse;
    case 'customerUpdate':
      return target.updateCadence;
    case 'lackOfProgress':
      // the policy guarantees the threshold runs on the cadence's calendar
      return { minutes: target.updateCadence.minutes + target.lackOfProgressThreshold.minutes, calendar: target.updateCadence.calendar };
    case 'reviewDue':
      return target.reviewDue;
  }
}

class Replay {
  readonly clocks: Clock[] = [];
  private readonly open: OpenClock[] = [];
  private readonly counters = new Map<string, number>();
  private readonly plans = new Map<Policy, Plan>();
  private cycle = 1;
  private severity: Severity;
  private cycleWorst: Severity;
  private waitingSince: number | null = null;

  constructor(
    private readonly policy: Policy,
    private readonly history: PolicyHistory,
    private readonly planName: string,
    private readonly now: number,
    severity: Severity,
  ) {
    this.severity = severity;
    this.cycleWorst = severity;
    // a plan the current policy lacks is an error unless history says otherwise
    if (history.length === 0) this.planIn(policy);
  }

  /** The policy that judges what ended at `at`; null means still running (the policy as now). */
  private policyAt(at: number | null): Policy {
    return at === null ? this.policy : policyInForce(this.history, this.policy, at);
  }

  private planIn(policy: Policy): Plan {
    let plan = this.plans.get(policy);
    if (!plan) this.plans.set(policy, (plan = planOf(policy, this.planName)));
    return plan;
  }

  private resolve(kind: ClockKind, severity: Severity, policy: Policy): Target {
    const plan = this.planIn(policy);
    const { minutes, calendar } = targetMinutesOf(kind, plan.targets[severity]);
    return { minutes, calendar: calendarOf(policy, plan, calendar) };
  }

  start(kind: ClockKind, at: number, severity = this.severity, pausable = false): void {
    const key = `${kind}:${this.cycle}`;
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    const pauses: Array<[number, number | null]> = pausable && this.waitingSince !== null ? [[at, null]] : [];
    this.open.push({ kind, cycle: this.cycle, n, start: at, severity, history: [{ at, severity }], pauses });
  }

  /** Ends the open clocks of these kinds: `met` by their own event, otherwise stopped. */
  end(kinds: readonly ClockKind[], at: number, met: boolean): void {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const clock = this.open[i]!;
      if (!kinds.includes(clock.kind)) continue;
      this.open.splice(i, 1);
      this.clocks.push(this.evaluate(clock, Math.max(at, clock.start), met));
    }
  }

  has(kind: ClockKind): boolean {
    return this.open.some((c) => c.kind === kind);
  }

  pause(at: number): void {
    if (this.waitingSince !== null) return;
    this.waitingSince = at;
    for (const clock of this.open) if (clock.kind === 'customerUpdate' || clock.kind === 'lackOfProgress') clock.pauses.push([Math.max(at, clock.start), null]);
  }

  resume(at: number): void {
    this.waitingSince = null;
    for (const clock of this.open) {
      const last = clock.pauses[clock.pauses.length - 1];
      if (last && last[1] === null) last[1] = Math.max(at, last[0]);
    }
  }

  retarget(at: number, severity: Severity): void {
    this.severity = severity;
    if (severityRank(severity) < severityRank(this.cycleWorst)) this.cycleWorst = severity;
    // review clocks run after resolution, when severity can no longer change their target
    for (const clock of this.open) {
      if (clock.kind === 'reviewDue') continue;
      clock.severity = severity;
      clock.history.push({ at: Math.max(at, clock.start), severity });
    }
  }

  resolved(at: number): void {
    this.end(['customerUpdate', 'lackOfProgress'], at, false);
    this.end(['initialResponse'], at, false);
    this.waitingSince = null;
    if (this.planIn(this.policyAt(at)).targets[this.cycleWorst].reviewRequired) this.start('reviewDue', at, this.cycleWorst);
  }

  reopened(at: number): void {
    this.end(['reviewDue'], at, false);
    this.cycle += 1;
    this.cycleWorst = this.severity;
    this.waitingSince = null;
    this.start('customerUpdate', at, this.severity, true);
    this.start('lackOfProgress', at, this.severity, true);
  }

  reviewCompleted(cycle: number, at: number): void {
    const index = this.open.findIndex((c) => c.kind === 'reviewDue' && c.cycle === cycle);
    if (index < 0) return;
    const [clock] = this.open.splice(index, 1);
    this.clocks.push(this.evaluate(clock!, Math.max(at, clock!.start), true));
  }

  finish(): Clock[] {
    for (const clock of this.open) this.clocks.push(this.evaluate(clock, null, false));
    this.open.length = 0;
    return this.clocks.sort((a, b) => a.cycle - b.cycle || Date.parse(a.startedAt) - Date.parse(b.startedAt) || CLOCK_KINDS.indexOf(a.kind) - CLOCK_KINDS.indexOf(b.kind));
  }

  private evaluate(clock: OpenClock, endedAt: number | null, met: boolean): Clock {
    // each severity's stretch is judged by the policy in force when the stretch ended
    const targets = clock.history.map((h, i) => {
      const next = clock.history[i + 1];
      return this.resolve(clock.kind, h.severity, this.policyAt(next ? next.at : endedAt));
    });
    const final = targets[targets.length - 1]!;
    const { minutes, calendar } = final;
    const coverage = coverageOf(calendar);
    const until = endedAt ?? Math.max(this.now, clock.start);
    const spans = activeSpans(clock);
    // a stretch whose target passed before the next severity change is a breach that stays
    let earlier: { at: number; severity: Severity } | null = null;
    for (let i = 0; i < targets.length - 1 && earlier === null; i++) {
      const due = dueOf(spans.spans, targets[i]!);
      if (due !== null && clock.history[i + 1]!.at > due) earlier = { at: due, severity: clock.history[i]!.severity };
    }
    const due = dueOf(spans.spans, final);
    let elapsed = 0;
    for (const [a, b] of spans.spans) if (a < until) elapsed += coverage.coveredMs(a, Math.min(b, until));
    const elapsedMinutes = elapsed / MINUTE_MS;
    const late = due !== null && until > due;
    const breach = earlier ?? (late && due !== null ? { at: due, severity: clock.severity } : null);
    let state: ClockState;
    if (endedAt !== null) state = met ? 'met' : breach ? 'breached' : 'stopped';
    else state = breach ? 'breached' : spans.pausedNow ? 'paused' : 'running';
    return {
      id: `${clock.kind}:${clock.cycle}:${clock.n}`,
      kind: clock.kind,
      cycle: clock.cycle,
      startedAt: isoOf(clock.start),
      endedAt: endedAt === null ? null : isoOf(endedAt),
      dueAt: due === null ? null : isoOf(due),
      state,
      elapsedMinutes,
      remainingMinutes: minutes - elapsedMinutes,
      breachedAt: breach ? isoOf(breach.at) : null,
      breachedAs: breach ? breach.severity : null,
      metAt: met && endedAt !== null ? isoOf(endedAt) : null,
      targetMinutes: minutes,
      calendarId: calendar.id,
      severity: clock.severity,
      targetHistory: clock.history.map((h, i) => ({ at: isoOf(h.at), severity: h.severity, targetMinutes: targets[i]!.minutes, calendarId: targets[i]!.calendar.id })),
    };
  }
}

/** The spans a clock counts (between its pauses), the last one open-ended unless it is paused now. */
function activeSpans(clock: OpenClock): { spans: Array<[number, number]>; pausedNow: boolean } {
  const spans: Array<[number, number]> = [];
  let from = clock.start;
  for (const [p, r] of clock.pauses) {
    spans.push([from, p]);
    if (r === null) return { spans, pausedNow: true };
    from = r;
  }
  spans.push([from, Number.POSITIVE_INFINITY]);
  return { spans, pausedNow: false };
}

/** When `target` is reached over these spans, or null when a pause holds it back. */
function dueOf(spans: ReadonlyArray<[number, number]>, target: Target): number | null {
  const coverage = coverageOf(target.calendar);
  let remaining = target.minutes * MINUTE_MS;
  for (const [a, b] of spans) {
    const covered = b === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : coverage.coveredMs(a, b);
    if (covered >= remaining) return coverage.addMs(a, remaining);
    remaining -= covered;
  }
  return null;
}

/** Every clock of the case as of `nowIso`, oldest cycle first. */
export function clocksOf(events: readonly CaseEvent[], policy: Policy, nowIso: string, options: ClockOptions = {}): Clock[] {
  const now = instantMs(nowIso, 'now');
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const logged = ordered[0];
  if (!logged || logged.type !== 'logged') throw new RangeError('the first event of a case must be "logged"');
  const replay = new Replay(policy, options.policyHistory ?? [], logged.data.plan, now, logged.data.severity);
  replay.start('initialResponse', instantMs(logged.at, 'logged at'));
  const reviews = (options.reviewsCompleted ?? []).map((r) => ({ cycle: r.cycle, at: instantMs(r.at, 'review completed at') })).sort((a, b) => a.at - b.at);
  let nextReview = 0;
  for (let i = 1; i < ordered.length; i++) {
    const event = ordered[i]!;
    const at = instantMs(event.at, `event ${event.seq} at`);
    // A review completed at the very instant of an event counts after it (a review published
    // the moment the case is resolved still meets that resolution's review clock).
    for (; nextReview < reviews.length && reviews[nextReview]!.at < at; nextReview++) replay.reviewCompleted(reviews[nextReview]!.cycle, reviews[nextReview]!.at);
    switch (event.type) {
      case 'acknowledged':
        if (!replay.has('initialResponse')) break;
        replay.end(['initialResponse'], at, true);
        replay.start('customerUpdate', at, undefined, true);
        replay.start('lackOfProgress', at, undefined, true);
        break;
      case 'customerUpdatePosted':
        if (!replay.has('customerUpdate')) break;
        replay.end(['customerUpdate', 'lackOfProgress'], at, true);
        replay.start('customerUpdate', at, undefined, true);
        replay.start('lackOfProgress', at, undefined, true);
        break;
      case 'informationRequested':
        replay.pause(at);
        break;
      case 'customerReplied':
        replay.resume(at);
        break;
      case 'severityAdjusted':
        replay.retarget(at, event.data.to);
        break;
      case 'resolved':
        replay.resolved(at);
        break;
      case 'reopened':
        replay.reopened(at);
        break;
      default:
        break;
    }
  }
  for (; nextReview < reviews.length; nextReview++) replay.reviewCompleted(reviews[nextReview]!.cycle, reviews[nextReview]!.at);
  return replay.finish();
}

/** The open clock due soonest (for ordering queues), or null when none has a deadline. */
export function nextDueClock(clocks: readonly Clock[]): Clock | null {
  let best: Clock | null = null;
  for (const clock of clocks) {
    if (clock.endedAt !== null || clock.dueAt === null) continue;
    if (!best || Date.parse(clock.dueAt) < Date.parse(best.dueAt!)) best = clock;
  }
  return best;
}
