import { invalidInput } from '../../../src-shared/contract';
import type { CaseRecord } from '../../../src-shared/domain';
import { settingsSchema, type Settings, type SettingsPatch } from '../../../src-shared/settings';
import { PolicyError, planOf, withPolicyApplied, type Policy } from '../../../src-shared/sla';
import { DeskFailure } from '../errors';
import type { EventBus } from '../event-bus';
import type { DocumentPort } from '../ports';

/** At most this many case ids are named in a refusal; the rest are counted. */
const NAMED_CASES = 10;

/**
 * Settings: validated as a whole before anything is saved. A policy must still hold the plan
 * of every open case, or those cases' clocks would stop.
 */
export class SettingsService {
  private current: Settings | undefined;

  constructor(
    private readonly file: DocumentPort<Settings>,
    private readonly bus: EventBus,
    private readonly openCases: () => Iterable<CaseRecord>,
    /** The core's clock: when a new policy comes into force. */
    private readonly now: () => number,
  ) {}

  async load(): Promise<Settings> {
    this.current = await this.file.load();
    return this.current;
  }

  /** After an import replaced the settings file: read it again and tell every page. */
  async reload(): Promise<Settings> {
    const settings = await this.load();
    this.bus.emit('settings.changed', { settings });
    return settings;
  }

  get(): Settings {
    if (!this.current) throw new Error('settings read before load()');
    return this.current;
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const parsed = settingsSchema.safeParse({ ...this.get(), ...patch });
    if (!parsed.success) {
      const error = invalidInput('The settings were not saved.', parsed.error);
      throw new DeskFailure(error.code, error.message, error.issues);
    }
    let next = parsed.data;
    const before = this.get();
    if (patch.policy && JSON.stringify(patch.policy) !== JSON.stringify(before.policy)) {
      this.checkOpenCases(before.policy, next.policy);
      // history is a fact: what ended under the old policy keeps being judged by it
      next = { ...next, policyHistory: withPolicyApplied(before.policyHistory, before.policy, next.policy, new Date(this.now()).toISOString()) };
    } else {
      // An unchanged policy stays the same object, so listeners tell a policy edit from any other
      // save by identity (the reports projection re-judges running clocks only on a policy edit).
      next = { ...next, policy: before.policy };
    }
    await this.file.save(next);
    this.current = next;
    this.bus.emit('settings.changed', { settings: next });
    return next;
  }

  /** Refuses a policy that leaves open cases without their plan. */
  private checkOpenCases(before: Policy, policy: Policy): void {
    const stranded = new Map<string, { problem: string; cases: string[] }>();
    for (const record of this.openCases()) {
      // The plan is set at logging and never changes; a case may name it by id or by name.
      const logged = record.events[0];
      if (logged.type !== 'logged') continue;
      const problem = planProblem(policy, known(before, logged.data.plan));
      if (problem === undefined) continue;
      let entry = stranded.get(problem);
      if (!entry) stranded.set(problem, (entry = { problem, cases: [] }));
      entry.cases.push(record.id);
    }
    if (stranded.size === 0) return;
    const issues = [...stranded.values()].map(({ problem, cases }) => ({ path: 'policy.plans', message: `${problem}, used by ${casesList(cases)}` }));
    throw new DeskFailure(
      'INVALID_INPUT',
      `The settings were not saved: ${issues.map((issue) => issue.message).join('; ')}. Keep the plan until those cases are closed.`,
      issues,
    );
  }
}

/** The plan a case names, as the policy it ran under knows it (a case may name a plan by id or by name). */
function known(policy: Policy, plan: string): { id: string; name: string } {
  try {
    const found = planOf(policy, plan);
    return { id: found.id, name: found.name };
  } catch (error) {
    if (error instanceof PolicyError) return { id: plan, name: plan };
    throw error;
  }
}

/** Why a case on this plan could not run its clocks under the policy, or undefined. (A calendar a plan runs on cannot go: the policy's own check refuses it.) */
function planProblem(policy: Policy, wanted: { id: string; name: string }): string | undefined {
  try {
    planOf(policy, wanted.id);
    return undefined;
  } catch (error) {
    if (error instanceof PolicyError) return `plan "${wanted.name}" would be removed`;
    throw error;
  }
}

function casesList(ids: readonly string[]): string {
  const named = ids.slice(0, NAMED_CASES).join(', ');
  const more = ids.length - NAMED_CASES;
  const noun = ids.length === 1 ? 'open case' : 'open cases';
  return more > 0 ? `${noun} ${named} and ${more} more` : `${noun} ${named}`;
}
