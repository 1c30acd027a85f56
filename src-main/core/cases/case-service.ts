import type { NewCase } from '../../../src-shared/contract';
import { newCaseSchema } from '../../../src-shared/contract';
import { decide, decideLog, foldCase, type CaseCommand, type CaseEvent, type CaseRecord, type DecideContext, type Decision, type LogCaseCommand } from '../../../src-shared/domain';
import { autoEscalationOf, findPlan, type Policy } from '../../../src-shared/sla';
import { DeskFailure, notFound } from '../errors';
import type { EventBus } from '../event-bus';
import { KeyedQueue } from '../keyed-queue';
import type { CaseStore, Clock } from '../ports';

export interface CaseServiceDeps {
  readonly store: CaseStore;
  readonly clock: Clock;
  readonly bus: EventBus;
  readonly actor: () => string;
  readonly policy: () => Policy;
  /** Team mode: each decided command is handed over (durably) before the store takes its events. */
  readonly recorder?: CommandRecorder;
}

/** A decided command, as team mode queues it for the server. */
export interface DecidedCommand {
  readonly caseId: string;
  readonly kind: 'create' | 'act';
  readonly command: CaseCommand | LogCaseCommand;
  readonly actor: string;
  /** When it was decided, epoch ms. */
  readonly at: number;
  /** The case's number of events it was decided on (0 for a new case). */
  readonly baseVersion: number;
  readonly events: readonly CaseEvent[];
}

export interface CommandRecorder {
  /** Resolves once the command is durably queued; a rejection stops the command. */
  record(command: DecidedCommand): Promise<void>;
  /** The command's events are in the store. */
  recorded(): void;
}

/** The id a case is decided under before it takes its number. */
const UNNUMBERED = 'RD-0';

/** A refused decision as a typed error: bad input or a rule of the workflow. */
function refusal(decision: Extract<Decision, { ok: false }>, fieldPrefix: string): DeskFailure {
  const issues = decision.issues?.map((issue) => ({ path: `${fieldPrefix}${issue.path}`, message: issue.message }));
  if (decision.code === 'invalidCommand') return new DeskFailure('INVALID_INPUT', decision.reason, issues);
  if (decision.code === 'loggedInFuture') {
    return new DeskFailure('INVALID_INPUT', `Logged at is in the future; ${decision.reason}.`, [{ path: 'loggedAt', message: 'is in the future' }]);
  }
  return new DeskFailure('NOT_ALLOWED', decision.reason, issues);
}

/** A plan's name for the words on events; the id when the policy no longer has the plan. */
function planNameIn(policy: Policy): (planId: string) => string {
  return (planId) => findPlan(policy, planId)?.name ?? planId;
}

/**
 * Commands on cases: check against the case's current state, append the events, persist
 * durably, then announce the change. Commands on one case run one at a time.
 */
export class CaseService {
  private readonly queue = new KeyedQueue();

  constructor(private readonly deps: CaseServiceDeps) {}

  list(): CaseRecord[] {
    return [...this.deps.store.openCases()];
  }

  /** One open case, from memory. */
  openCase(id: string): CaseRecord | undefined {
    return this.deps.store.openCase(id);
  }

  async get(id: string): Promise<CaseRecord> {
    const record = await this.deps.store.get(id);
    if (!record) throw notFound(`Case ${id}`);
    return record;
  }

  history(limit: number, offset: number) {
    return this.deps.store.history({ limit, offset });
  }

  /** Logs a case. The case number is taken only once the case is accepted, so a refusal uses none. */
  async create(input: NewCase): Promise<CaseRecord> {
    const fields = newCaseSchema.parse(input);
    const policy = this.deps.policy();
    if (!findPlan(policy, fields.plan)) {
      const known = policy.plans.map((plan) => plan.name).join(', ');
      throw new DeskFailure('INVALID_INPUT', `There is no plan "${fields.plan}" in the settings; choose one of: ${known}.`, [
        { path: 'plan', message: `is not a plan in the settings (${known})` },
      ]);
    }
    const actor = this.deps.actor();
    const command = { ...fields, at: fields.loggedAt, owner: fields.owner ?? actor };
    const now = this.deps.clock.now();
    const ctx = this.decideContext(actor, now);
    // Decided once to check it (the rules do not depend on the id), then stamped with the number.
    const checked = decideLog(UNNUMBERED, command, ctx);
    if (!checked.ok) throw refusal(checked, '');
    const id = await this.deps.store.nextCaseId();
    const decision = decideLog(id, command, ctx);
    if (!decision.ok) throw refusal(decision, '');
    const record: CaseRecord = { id, events: decision.events };
    await this.queue.run(id, async () => {
      await this.deps.recorder?.record({ caseId: id, kind: 'create', command, actor, at: now, baseVersion: 0, events: record.events });
      await this.deps.store.create(record);
    });
    this.deps.bus.emit('cases.changed', { record });
    this.deps.recorder?.recorded();
    return record;
  }

  /** Applies one workflow action; `actor` defaults to the engineer (automatic rules pass "system"). */
  act(id: string, command: CaseCommand, actor: string = this.deps.actor()): Promise<CaseRecord> {
    return this.queue.run(id, async () => {
      const current = await this.get(id);
      const now = this.deps.clock.now();
      const decision = decide(foldCase(current), command, this.decideContext(actor, now));
      if (!decision.ok) throw refusal(decision, 'command.');
      await this.deps.recorder?.record({ caseId: id, kind: 'act', command, actor, at: now, baseVersion: current.events.length, events: decision.events });
      const record = await this.deps.store.append(id, decision.events);
      this.deps.bus.emit('cases.changed', { record });
      this.deps.recorder?.recorded();
      return record;
    });
  }

  /** What `decide` is given: the same rules for a command decided here and one decided again (team mode). */
  decideContext(actor: string, now: number): DecideContext {
    const policy = this.deps.policy();
    return { now: new Date(now).toISOString(), actor, autoEscalation: autoEscalationOf(policy), planName: planNameIn(policy) };
  }

  /** Runs `work` in the case's queue: nothing else changes the case meanwhile. */
  withCase<T>(id: string, work: () => Promise<T>): Promise<T> {
    return this.queue.run(id, work);
  }
}
