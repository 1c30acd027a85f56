import type { Attention, DeskNotification, Snooze } from '../../../src-shared/contract';
import { SYSTEM_ACTOR, foldCase, type CaseRecord, type CaseState } from '../../../src-shared/domain';
import { formatMinutes } from '../../../src-shared/words';
import type { Settings } from '../../../src-shared/settings';
import type { CaseService } from '../cases/case-service';
import { notFound } from '../errors';
import type { EventBus } from '../event-bus';
import type { Clock, DocumentPort } from '../ports';
import { createScheduler, type DueItem, type Scheduler } from '../scheduler';
import { noActionItems, type ActionItem, type ActionItemSource } from './action-items';
import { attentionFrom, type Owed } from './attention';
import type { NotificationCenter } from './notification-center';
import { caseNotification, summaryNotification } from './notification-text';
import { planCase, type CasePlan, type Due } from './plan';
import type { RuntimeState } from './runtime-state';

type Payload = { readonly type: 'case'; readonly caseId: string } | { readonly type: 'backup' };

const BACKUP_KEY = 'backups:daily';
const DAY_MS = 24 * 60 * 60_000;
/** More notifications than this in one batch become one summary. */
export const SUMMARY_THRESHOLD = 3;

export interface RuntimeDeps {
  readonly clock: Clock;
  readonly bus: EventBus;
  readonly cases: Pick<CaseService, 'list' | 'act' | 'openCase'>;
  readonly settings: () => Settings;
  readonly notifications: NotificationCenter;
  readonly stateFile: DocumentPort<RuntimeState>;
  /** Team mode: whether this workstation decides automatic escalations now (the team's leader, or alone offline). */
  readonly decidesAutomaticFacts?: () => boolean;
  /** Team mode: whether this console is told that the case's response or update falls due (its owner's). */
  readonly notifiesDueUpdates?: (record: CaseRecord, state: CaseState) => boolean;
  readonly actionItems?: ActionItemSource;
  /** The daily snapshot; absent where there is nothing to back up (memory store). */
  readonly snapshotIfDue?: (now: number) => Promise<string | undefined>;
  readonly log: { warn(message: string): void; error(message: string, error: unknown): void };
}

/**
 * The main-process runtime: arms every open case's deadlines in the one scheduler, notifies
 * what falls due, reminds until it is handled, escalates for lack of progress and keeps the
 * daily backup. Its armed state is always derived (planCase) from the cases, the settings and
 * the few facts in the runtime state file, so re-arming is recomputing.
 */
export class Runtime {
  private readonly scheduler: Scheduler<Payload>;
  private state: RuntimeState | undefined;
  /** Open review action items, by case. */
  private actionItems = new Map<string, readonly ActionItem[]>();
  /** The latest read of each case's action items under way. */
  private readonly itemReads = new Map<string, number>();
  /** The last event seq seen per case, to notify automatic escalations once. */
  private readonly seenSeq = new Map<string, number>();
  private readonly pending = new Set<Promise<unknown>>();
  /** Escalations being written: not re-armed meanwhile, or they would fire again at once. */
  private readonly escalating = new Set<string>();
  private readonly attentionListeners = new Set<(attention: Attention) => void>();
  /** What each open case owes, kept from its last plan so the tray never replays every case. */
  private readonly owed = new Map<string, readonly Owed[]>();
  /** The scheduler keys armed for each case, so one case is disarmed without scanning all. */
  private readonly armedKeys = new Map<string, readonly string[]>();
  /** The notified facts of each case (facts are `${caseId}|...`); built on first use. */
  private factIndex: Map<string, Set<string>> | undefined;
  private attentionQueued = false;
  /** Whether this workstation decided automatic escalations at the last re-arm (team mode). */
  private decidesAutomaticFacts = true;
  /** Whether the console was in a team at the last re-arm: due updates are then told by owner. */
  private inTeam = false;
  private saving: Promise<void> = Promise.resolve();
  private readonly offs: Array<() => void> = [];
  private nextId = 1;

  constructor(private readonly deps: RuntimeDeps) {
    this.scheduler = createScheduler<Payload>({ clock: deps.clock, onDue: (items) => this.handle(items) });
  }

  /** Loads what was notified, arms everything and fires, in one batch, what fell due while closed. */
  async start(): Promise<void> {
    this.state = await this.deps.stateFile.load();
    this.factIndex = undefined;
    this.seenSeq.clear();
    this.actionItems = byCase(await (this.deps.actionItems ?? noActionItems)());
    for (const record of this.deps.cases.list()) this.seenSeq.set(record.id, lastSeq(record));
    this.offs.push(
      this.deps.bus.on('cases.changed', ({ record }) => this.caseChanged(record)),
      // Team mode: a case merged into the team's case of the same ticket is gone here.
      this.deps.bus.on('cases.merged', ({ id }) => {
        this.seenSeq.delete(id);
        this.rearmCase(id);
      }),
      this.deps.bus.on('settings.changed', () => this.rearmAll()),
      // Team mode: leadership won or lost, the server lost or back. Escalations are armed only
      // where they are decided, so a flip either way re-arms every case.
      this.deps.bus.on('team.changed', ({ connection }) => {
        if (this.automaticFactsHere() !== this.decidesAutomaticFacts || (connection !== 'off') !== this.inTeam) {
          this.inTeam = connection !== 'off';
          this.rearmAll();
        }
      }),
      this.scheduler.onClockChange(() => this.rearmAll()),
    );
    this.rearmAll();
    if (this.deps.snapshotIfDue) this.scheduler.arm(BACKUP_KEY, this.deps.clock.now(), { type: 'backup' });
    this.scheduler.start();
  }

  /** Stops the timer and waits for what is in flight (escalations, state writes); start() again loads the state file anew. */
  async stop(): Promise<void> {
    this.offs.splice(0).forEach((off) => off());
    this.scheduler.stop();
    await this.idle();
  }

  /** For the host's system-resume event: recompute and fire what fell due while asleep, in one batch. */
  resume(): void {
    this.scheduler.resume();
  }

  /** Cheap wall-clock jump check, for the host to call on focus or unlock. */
  checkClock(): boolean {
    return this.scheduler.checkClock();
  }

  /** Resolves when every batch, escalation and state write started so far has settled. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    await this.saving;
  }

  /**
   * The review module calls this when action items change: with a case id (a review was saved)
   * only that case's items are read again and only that case is re-armed.
   */
  async refreshActionItems(caseId?: string): Promise<void> {
    const source = this.deps.actionItems ?? noActionItems;
    if (caseId === undefined) {
      this.actionItems = byCase(await source());
      this.rearmAll();
      return;
    }
    const ticket = (this.itemReads.get(caseId) ?? 0) + 1;
    this.itemReads.set(caseId, ticket);
    const items = (await source(caseId)).filter((item) => item.caseId === caseId);
    // A later save's read wins over an earlier one that answers after it.
    if (this.itemReads.get(caseId) !== ticket) return;
    this.itemReads.delete(caseId);
    if (items.length > 0) this.actionItems.set(caseId, items);
    else this.actionItems.delete(caseId);
    this.rearmCase(caseId);
  }

  async snooze(caseId: string, minutes: number): Promise<Snooze> {
    this.openRecord(caseId);
    const until = new Date(this.deps.clock.now() + minutes * 60_000).toISOString();
    this.current().snoozes[caseId] = until;
    await this.save();
    this.rearmCase(caseId);
    return { caseId, until };
  }

  async unsnooze(caseId: string): Promise<{ caseId: string }> {
    this.openRecord(caseId);
    delete this.current().snoozes[caseId];
    await this.save();
    this.rearmCase(caseId);
    return { caseId };
  }

  attention(): Attention {
    const now = this.deps.clock.now();
    const snoozed = Object.entries(this.current().snoozes)
      .filter(([, until]) => Date.parse(until) > now)
      .map(([caseId, until]) => ({ caseId, until }));
    return attentionFrom([...this.owed.values()].flat(), now, snoozed);
  }

  private toldHere(record: CaseRecord, state: CaseState): boolean {
    return this.deps.notifiesDueUpdates?.(record, state) ?? true;
  }

  private automaticFactsHere(): boolean {
    return this.deps.decidesAutomaticFacts?.() ?? true;
  }

  /** Called with the new attention whenever it may have changed (the tray and badge). */
  onAttention(listener: (attention: Attention) => void): () => void {
    this.attentionListeners.add(listener);
    return () => this.attentionListeners.delete(listener);
  }

  /** The facts an export carries: snoozes and what was already notified. */
  facts(): { snoozes: Record<string, string>; notified: Record<string, string> } {
    const { snoozes, notified } = structuredClone(this.current());
    return { snoozes, notified };
  }

  rearmAll(): void {
    this.decidesAutomaticFacts = this.automaticFactsHere();
    this.scheduler.disarmWhere('case:');
    this.armedKeys.clear();
    this.owed.clear();
    const live = new Set<string>();
    for (const record of this.deps.cases.list()) {
      const plan = this.planOrLog(record);
      if (!plan) continue;
      this.arm(plan, record);
      plan.liveFacts.forEach((fact) => live.add(fact));
    }
    this.forgetExcept((fact) => live.has(fact));
    this.announceAttention();
  }

  /** Re-arms one case; its cost does not grow with the number of cases (start-up catch-up re-arms thousands). */
  private rearmCase(caseId: string): void {
    for (const key of this.armedKeys.get(caseId) ?? []) this.scheduler.disarm(key);
    this.armedKeys.delete(caseId);
    const record = this.deps.cases.openCase(caseId);
    const live = record ? this.planOrLog(record) : undefined;
    this.owed.delete(caseId);
    if (live && record) this.arm(live, record);
    this.forgetCaseFactsExcept(caseId, live?.liveFacts);
    this.announceAttention();
  }

  private caseChanged(record: CaseRecord): void {
    const seen = this.seenSeq.get(record.id) ?? 0;
    this.seenSeq.set(record.id, lastSeq(record));
    const now = this.deps.clock.now();
    // Escalations for lack of progress are notified by the batch that made them.
    const automatic = record.events.filter((event) => event.seq > seen && event.type === 'escalated' && event.data.trigger === 'automatic');
    if (automatic.length > 0) {
      const state = foldCase(record);
      for (const event of automatic) {
        if (event.type !== 'escalated') continue;
        this.deps.notifications.deliver(caseNotification(state, { kind: 'escalated', level: event.data.level, reason: 'automatic' }, now, this.newId(), this.planName(state.plan)));
      }
    }
    this.rearmCase(record.id);
  }

  /** The plan's name as the settings call it; the id when the policy no longer has it. */
  private planName(planId: string): string {
    return this.deps.settings().policy.plans.find((plan) => plan.id === planId)?.name ?? planId;
  }

  /** One case whose clocks cannot be computed is logged and left unarmed; it cannot disarm the others. */
  private planOrLog(record: CaseRecord): CasePlan | undefined {
    try {
      return this.plan(record);
    } catch (error) {
      this.deps.log.error(`could not arm the deadlines of ${record.id}`, error);
      return undefined;
    }
  }

  private plan(record: CaseRecord): CasePlan {
    const state = this.current();
    const settings = this.deps.settings();
    const snooze = state.snoozes[record.id];
    return planCase({
      record,
      policy: settings.policy,
      policyHistory: settings.policyHistory,
      notifications: settings.notifications,
      now: this.deps.clock.now(),
      notifiedAt: (fact) => {
        const at = state.notified[fact];
        return at === undefined ? undefined : Date.parse(at);
      },
      ...(snooze ? { snoozedUntil: Date.parse(snooze) } : {}),
      actionItems: this.actionItems.get(record.id) ?? [],
    });
  }

  private arm(plan: CasePlan, record: CaseRecord): void {
    this.owed.set(plan.state.id, plan.owed);
    const keys: string[] = [];
    const toldHere = this.toldHere(record, plan.state);
    for (const due of plan.dues) {
      if (this.escalating.has(due.key)) continue;
      // In a team, another engineer's case reminds its owner, not this console.
      if (due.type === 'notify' && !toldHere) continue;
      // Another workstation of the team escalates; its event arrives like any other change.
      if (due.type === 'escalate' && !this.decidesAutomaticFacts) continue;
      this.scheduler.arm(due.key, due.at, { type: 'case', caseId: plan.state.id });
      keys.push(due.key);
    }
    this.armedKeys.set(plan.state.id, keys);
  }

  /**
   * One batch from the scheduler. Notifying and re-arming happen inside the batch, so the next
   * reminder is armed at once; escalations need a write, so their batch is delivered after it.
   */
  private handle(items: Array<DueItem<Payload>>): void {
    const now = this.deps.clock.now();
    const notes: DeskNotification[] = [];
    const escalations: Array<Promise<void>> = [];
    const touched = new Set<string>();
    for (const item of items) {
      if (item.payload.type === 'backup') {
        this.backup(now);
        continue;
      }
      const { caseId } = item.payload;
      touched.add(caseId);
      const record = this.deps.cases.openCase(caseId);
      if (!record) continue;
      // Re-derived at firing time: what was handled meanwhile is no longer in the plan.
      const plan = this.planOrLog(record);
      if (!plan) continue;
      const due = plan.dues.find((d) => d.key === item.key);
      if (!due || due.at > now) continue;
      if (due.type === 'notify' && !this.toldHere(record, plan.state)) continue;
      const note = this.noteFor(plan, due, now);
      if (note) notes.push(note);
      if (due.type === 'escalate') escalations.push(this.escalate(plan, due, now, notes));
    }
    touched.forEach((caseId) => this.rearmCase(caseId));
    if (escalations.length === 0) this.deliver(notes, now);
    else this.track(Promise.all(escalations).then(() => this.deliver(notes, now)));
  }

  private deliver(notes: readonly DeskNotification[], now: number): void {
    if (notes.length === 0) return;
    if (notes.length > SUMMARY_THRESHOLD) this.deps.notifications.deliver(summaryNotification(notes, now, this.newId()));
    else notes.forEach((note) => this.deps.notifications.deliver(note));
    this.track(this.save());
  }

  private noteFor(plan: CasePlan, due: Due, now: number): DeskNotification | undefined {
    if (due.type === 'notify') {
      this.remember(plan.state.id, due.fact, now);
      return caseNotification(plan.state, { kind: due.kind, dueAt: Date.parse(due.clock.dueAt ?? '') }, now, this.newId());
    }
    if (due.type === 'actionItem') {
      this.remember(plan.state.id, due.fact, now);
      return caseNotification(plan.state, { kind: 'actionItemDue', title: due.item.title, dueAt: Date.parse(due.item.dueAt) }, now, this.newId());
    }
    return undefined;
  }

  private async escalate(plan: CasePlan, due: Extract<Due, { type: 'escalate' }>, now: number, notes: DeskNotification[]): Promise<void> {
    const span = formatMinutes((now - Date.parse(due.clock.startedAt)) / 60_000);
    const justification =
      due.clock.kind === 'initialResponse'
        ? `Nobody acknowledged the case in the ${span} since it was logged: past its initial-response target and the lack-of-progress threshold.`
        : `No customer update for ${span}: past the update cadence and the lack-of-progress threshold.`;
    this.escalating.add(due.key);
    try {
      const record = await this.deps.cases.act(plan.state.id, { type: 'escalate', trigger: 'lackOfProgress', level: due.level, justification }, SYSTEM_ACTOR);
      const { state } = this.plan(record);
      notes.push(caseNotification(state, { kind: 'escalated', level: due.level, reason: 'lackOfProgress' }, now, this.newId()));
    } catch (error) {
      // Refused because the case changed meanwhile (updated, resolved): the re-arm will tell.
      this.deps.log.warn(`lack-of-progress escalation of ${plan.state.id} not applied: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.escalating.delete(due.key);
      this.rearmCase(plan.state.id);
    }
  }

  private backup(now: number): void {
    // The store names snapshots by UTC day: the next one is due at the next UTC midnight.
    this.scheduler.arm(BACKUP_KEY, Math.floor(now / DAY_MS) * DAY_MS + DAY_MS, { type: 'backup' });
    this.track(
      (this.deps.snapshotIfDue?.(now) ?? Promise.resolve()).catch((error: unknown) => this.deps.log.error('the daily backup failed', error)),
    );
  }

  private openRecord(caseId: string): CaseRecord {
    const record = this.deps.cases.openCase(caseId);
    if (!record) throw notFound(`Open case ${caseId}`);
    return record;
  }

  /** Facts are `${caseId}|...`; only this case's are looked at, through the per-case index. */
  private forgetCaseFactsExcept(caseId: string, live: ReadonlySet<string> | undefined): void {
    const state = this.current();
    const facts = this.factsOf(caseId);
    let changed = false;
    for (const fact of facts) {
      if (live?.has(fact) || !(fact in state.notified)) continue;
      delete state.notified[fact];
      facts.delete(fact);
      changed = true;
    }
    if (changed) this.track(this.save());
  }

  private remember(caseId: string, fact: string, now: number): void {
    this.current().notified[fact] = new Date(now).toISOString();
    this.factsOf(caseId).add(fact);
  }

  private factsOf(caseId: string): Set<string> {
    if (!this.factIndex) {
      this.factIndex = new Map();
      for (const fact of Object.keys(this.current().notified)) {
        const id = fact.slice(0, fact.indexOf('|'));
        let set = this.factIndex.get(id);
        if (!set) this.factIndex.set(id, (set = new Set()));
        set.add(fact);
      }
    }
    let set = this.factIndex.get(caseId);
    if (!set) this.factIndex.set(caseId, (set = new Set()));
    return set;
  }

  private forgetExcept(keep: (fact: string) => boolean): void {
    const state = this.current();
    let changed = false;
    for (const fact of Object.keys(state.notified)) {
      if (keep(fact)) continue;
      delete state.notified[fact];
      changed = true;
    }
    const now = this.deps.clock.now();
    for (const [caseId, until] of Object.entries(state.snoozes)) {
      if (Date.parse(until) > now) continue;
      delete state.snoozes[caseId];
      changed = true;
    }
    if (changed) this.factIndex = undefined;
    if (changed) this.track(this.save());
  }

  /** Coalesced: a batch or a re-arm of many cases tells the tray once. */
  private announceAttention(): void {
    if (this.attentionListeners.size === 0 || this.attentionQueued) return;
    this.attentionQueued = true;
    queueMicrotask(() => {
      this.attentionQueued = false;
      const attention = this.attention();
      this.attentionListeners.forEach((listener) => listener(attention));
    });
  }

  private save(): Promise<void> {
    const snapshot = structuredClone(this.current());
    this.saving = this.saving.then(() => this.deps.stateFile.save(snapshot)).catch((error: unknown) => this.deps.log.error('could not save the runtime state', error));
    return this.saving;
  }

  private current(): RuntimeState {
    if (!this.state) throw new Error('the runtime is used before start()');
    return this.state;
  }

  private newId(): string {
    return `n-${this.deps.clock.now()}-${this.nextId++}`;
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.catch((error: unknown) => this.deps.log.error('a runtime task failed', error)).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}

function lastSeq(record: CaseRecord): number {
  return record.events.reduce((max, event) => Math.max(max, event.seq), 0);
}

function byCase(items: readonly ActionItem[]): Map<string, readonly ActionItem[]> {
  const grouped = new Map<string, ActionItem[]>();
  for (const item of items) {
    const list = grouped.get(item.caseId);
    if (list) list.push(item);
    else grouped.set(item.caseId, [item]);
  }
  return grouped;
}
