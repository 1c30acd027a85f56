import type { NewCase } from '../../../src-shared/contract';
import { newCaseSchema } from '../../../src-shared/contract';
import { DEFAULT_SEVERITY, type CaseEvent, type CaseRecord } from '../../../src-shared/domain';
import { DeskFailure, notFound } from '../errors';
import type { EventBus } from '../event-bus';
import { KeyedQueue } from '../keyed-queue';
import type { CaseStore, Clock } from '../ports';

/** A back-dated logged time is fine; one in the future is a typing mistake. */
const FUTURE_TOLERANCE_MS = 60_000;

export interface CaseServiceDeps {
  readonly store: CaseStore;
  readonly clock: Clock;
  readonly bus: EventBus;
  readonly actor: () => string;
}

/** Commands on cases: check, append, persist durably, then announce the change. */
export class CaseService {
  private readonly queue = new KeyedQueue();

  constructor(private readonly deps: CaseServiceDeps) {}

  list(): CaseRecord[] {
    return [...this.deps.store.openCases()];
  }

  async get(id: string): Promise<CaseRecord> {
    const record = await this.deps.store.get(id);
    if (!record) throw notFound(`Case ${id}`);
    return record;
  }

  async create(input: NewCase): Promise<CaseRecord> {
    const fields = newCaseSchema.parse(input);
    const now = this.deps.clock.now();
    const nowIso = new Date(now).toISOString();
    if (fields.loggedAt && Date.parse(fields.loggedAt) > now + FUTURE_TOLERANCE_MS) {
      throw new DeskFailure('INVALID_INPUT', `Logged at ${fields.loggedAt} is in the future; a case can be back-dated, not forward-dated.`, [
        { path: 'loggedAt', message: 'is in the future' },
      ]);
    }
    const id = await this.deps.store.nextCaseId();
    const actor = this.deps.actor();
    const logged: CaseEvent = {
      id: `${id}#1`,
      seq: 1,
      at: fields.loggedAt ?? nowIso,
      recordedAt: nowIso,
      actor,
      type: 'logged',
      data: {
        title: fields.title,
        customer: fields.customer,
        plan: fields.plan,
        severity: fields.severity ?? DEFAULT_SEVERITY,
        severityDefaulted: fields.severity === undefined,
        description: fields.description,
        reportedBy: fields.reportedBy,
        owner: actor,
      },
    };
    const record: CaseRecord = { id, events: [logged] };
    await this.queue.run(id, () => this.deps.store.create(record));
    this.deps.bus.emit('cases.changed', { record });
    return record;
  }
}
