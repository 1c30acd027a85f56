import type { NewCase } from '../../../src-shared/contract';
import { newCaseSchema } from '../../../src-shared/contract';
import { decide, decideLog, foldCase, type CaseCommand, type CaseRecord, type Decision } from '../../../src-shared/domain';
import { PolicyError, autoEscalationOf, planOf, type Policy } from '../../../src-shared/sla';
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
}

function hasPlan(policy: Policy, plan: string): boolean {
  try {
    planOf(policy, plan);
    return true;
  } catch (error) {
    if (error instanceof PolicyError) return false;
    throw error;
  }
}

/** The id a case is decided under before it takes its number. */
const UNNUMBERED = 'RD-0';

/** A refused decision as a typed error: bad input or a rule of the workflow. */
function refusal(decision: Extract<Decision, { ok: false }>): DeskFailure {
  if (decision.code === 'invalidCommand') return new DeskFailure('INVALID_INPUT', decision.reason);
  if (decision.code === 'loggedInFuture') {
    return new DeskFailure('INVALID_INPUT', `Logged at is in the future; ${decision.reason}.`, [{ path: 'loggedAt', message: 'is in the future' }]);
  }
  return new DeskFailure('NOT_ALLOWED', decision.reason);
}

/**
 * Commands on cases: check against the case's current state, append the events, persist
 * durably, then announce the change. Commands on one case run one at a time.
 */
export class CaseService {
  private readonly queue = new KeyedQueue();

  constructor(private readonly deps: CaseServiceDeps) {}

  private nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

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
    if (!hasPlan(policy, fields.plan)) {
      const known = policy.plans.map((plan) => plan.name).join(', ');
      throw new DeskFailure('INVALID_INPUT', `There is no plan "${fields.plan}" in the settings; choose one of: ${known}.`, [
        { path: 'plan', message: `is not a plan in the settings (${known})` },
      ]);
    }
    const actor = this.deps.actor();
    const command = { ...fields, at: fields.loggedAt, owner: actor };
    const ctx = { now: this.nowIso(), actor, autoEscalation: autoEscalationOf(policy) };
    // Decided once to check it (the rules do not depend on the id), then stamped with the number.
    const checked = decideLog(UNNUMBERED, command, ctx);
    if (!checked.ok) throw refusal(checked);
    const id = await this.deps.store.nextCaseId();
    const decision = decideLog(id, command, ctx);
    if (!decision.ok) throw refusal(decision);
    const record: CaseRecord = { id, events: decision.events };
    await this.queue.run(id, () => this.deps.store.create(record));
    this.deps.bus.emit('cases.changed', { record });
    return record;
  }

  /** Applies one workflow action; `actor` defaults to the engineer (automatic rules pass "system"). */
  act(id: string, command: CaseCommand, actor: string = this.deps.actor()): Promise<CaseRecord> {
    return this.queue.run(id, async () => {
      const current = await this.get(id);
      const decision = decide(foldCase(current), command, { now: this.nowIso(), actor, autoEscalation: autoEscalationOf(this.deps.policy()) });
      if (!decision.ok) throw refusal(decision);
      const record = await this.deps.store.append(id, decision.events);
      this.deps.bus.emit('cases.changed', { record });
      return record;
    });
  }
}
