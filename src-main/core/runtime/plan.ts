import type { NotificationKind } from '../../../src-shared/contract';
import { foldCase, type CaseRecord, type CaseState, type EscalationLevel } from '../../../src-shared/domain';
import type { NotificationSettings } from '../../../src-shared/settings';
import { clocksOf, lackOfProgressEscalation, unacknowledgedEscalationDue, type Clock as SlaClock, type Policy, type PolicyHistory } from '../../../src-shared/sla';
import type { ActionItem } from './action-items';
import { owedBy, type Owed } from './attention';

const MINUTE_MS = 60_000;

/** Everything armed for one case lives under this prefix, so a change re-arms only that case. */
const caseKeyPrefix = (caseId: string) => `case:${caseId}:`;

type Reminder = Extract<NotificationKind, 'initialResponseDueSoon' | 'initialResponseOverdue' | 'updateDueSoon' | 'updateOverdue'>;

/** One thing to arm for a case: when it falls due and what happens then. */
export type Due =
  | { readonly type: 'notify'; readonly key: string; readonly at: number; readonly kind: Reminder; readonly fact: string; readonly clock: SlaClock }
  | { readonly type: 'actionItem'; readonly key: string; readonly at: number; readonly fact: string; readonly item: ActionItem }
  /** `clock` is the lack-of-progress clock, or the initial response of a case nobody acknowledged. */
  | { readonly type: 'escalate'; readonly key: string; readonly at: number; readonly level: EscalationLevel; readonly clock: SlaClock }
  /** A deadline passes: the overdue count changes even when nothing is notified (snoozed). */
  | { readonly type: 'attention'; readonly key: string; readonly at: number };

export interface CasePlanInput {
  readonly record: CaseRecord;
  readonly policy: Policy;
  /** The policies applied before: what ended under one is judged by it (docs/sla.md, "History is a fact"). */
  readonly policyHistory?: PolicyHistory;
  readonly notifications: NotificationSettings;
  readonly now: number;
  /** When a fact was last notified, if ever. */
  readonly notifiedAt: (fact: string) => number | undefined;
  /** Reminders of a snoozed case wait until then. */
  readonly snoozedUntil?: number;
  readonly actionItems?: readonly ActionItem[];
}

export interface CasePlan {
  readonly state: CaseState;
  readonly dues: readonly Due[];
  /** The notification facts that still mean something; the others can be forgotten. */
  readonly liveFacts: ReadonlySet<string>;
  /** The deadlines the case owes, for the tray. */
  readonly owed: readonly Owed[];
}

const REMINDERS: Partial<Record<SlaClock['kind'], { soon: Reminder; overdue: Reminder }>> = {
  initialResponse: { soon: 'initialResponseDueSoon', overdue: 'initialResponseOverdue' },
  customerUpdate: { soon: 'updateDueSoon', overdue: 'updateOverdue' },
};

/**
 * The escalation a breached lack-of-progress clock calls for: senior engineering if the cycle
 * has not reached it, else management; nothing once both are reached, or once this clock has
 * already escalated (an escalation for lack of progress in its cycle after it started; one at
 * its very start belongs to the period the starting update ended).
 */
export function lackOfProgressLevel(state: CaseState, clock: SlaClock): EscalationLevel | null {
  if (lackOfProgressEscalation(state, clock)) return null;
  if (state.cycleEscalationLevel === null) return 'seniorEngineering';
  if (state.cycleEscalationLevel === 'seniorEngineering') return 'management';
  return null;
}

/** The open clocks with a deadline (a paused clock that has not reached its target has none). */
export function openDeadlines(clocks: readonly SlaClock[]): Array<SlaClock & { dueAt: string }> {
  return clocks.filter((clock): clock is SlaClock & { dueAt: string } => clock.endedAt === null && clock.dueAt !== null);
}

/**
 * What to arm for one case, derived from its clocks, the notification settings and the facts
 * already notified. Pure: the same inputs always give the same plan, so it is recomputed on
 * every change instead of being patched.
 */
export function planCase(input: CasePlanInput): CasePlan {
  const { record, now } = input;
  const state = foldCase(record);
  const prefix = caseKeyPrefix(record.id);
  const snoozeEnd = input.snoozedUntil !== undefined && input.snoozedUntil > now ? input.snoozedUntil : undefined;
  const afterSnooze = (at: number) => (snoozeEnd === undefined ? at : Math.max(at, snoozeEnd));
  const dues: Due[] = [];
  const liveFacts = new Set<string>();
  const open = state.status !== 'closed';

  const clocks = open ? openDeadlines(clocksOf(record.events, input.policy, new Date(now).toISOString(), { policyHistory: input.policyHistory ?? [] })) : [];
  for (const clock of clocks) {
    const dueAt = Date.parse(clock.dueAt);
    const key = `${prefix}${clock.id}:`;
    if (clock.kind === 'lackOfProgress') {
      const level = lackOfProgressLevel(state, clock);
      if (level !== null) dues.push({ type: 'escalate', key: `${key}escalate`, at: dueAt, level, clock });
      continue;
    }
    const unacknowledged = unacknowledgedEscalationDue(clock, input.policy, state.plan);
    if (unacknowledged !== null) {
      // same rule as an acknowledged case's lack-of-progress clock, its period starting at logging
      const level = lackOfProgressLevel(state, clock);
      if (level !== null) dues.push({ type: 'escalate', key: `${key}escalate`, at: Date.parse(unacknowledged), level, clock });
    }
    const reminder = REMINDERS[clock.kind];
    if (!reminder) continue;
    if (dueAt > now) dues.push({ type: 'attention', key: `${key}due`, at: dueAt });

    // A deadline that moves (severity change, a pause) is a new deadline: its facts carry it.
    const fact = `${record.id}|${clock.id}|${clock.dueAt}|`;
    const soonFact = `${fact}soon`;
    const overdueFact = `${fact}overdue`;
    liveFacts.add(soonFact).add(overdueFact);

    const lead = input.notifications.leadMinutes[clock.severity] * MINUTE_MS;
    const soonAt = afterSnooze(dueAt - lead);
    // Once the deadline has passed, "due soon" is superseded by "overdue".
    if (input.notifiedAt(soonFact) === undefined && soonAt < dueAt && now < dueAt) {
      dues.push({ type: 'notify', key: `${key}soon`, at: soonAt, kind: reminder.soon, fact: soonFact, clock });
    }
    const last = input.notifiedAt(overdueFact);
    const reminderMs = input.notifications.reminderMinutes[clock.severity] * MINUTE_MS;
    const overdueAt = afterSnooze(last === undefined ? dueAt : Math.max(dueAt, last + reminderMs));
    dues.push({ type: 'notify', key: `${key}overdue`, at: overdueAt, kind: reminder.overdue, fact: overdueFact, clock });
  }

  if (open) {
    for (const item of input.actionItems ?? []) {
      if (item.caseId !== record.id) continue;
      const fact = `${record.id}|item:${item.itemId}|${item.dueAt}|due`;
      liveFacts.add(fact);
      if (input.notifiedAt(fact) !== undefined) continue;
      dues.push({ type: 'actionItem', key: `${prefix}item:${item.itemId}`, at: afterSnooze(Date.parse(item.dueAt)), fact, item });
    }
  }
  return { state, dues, liveFacts, owed: owedBy(state, clocks) };
}
