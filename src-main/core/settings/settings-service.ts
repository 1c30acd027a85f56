import { invalidInput } from '../../../src-shared/contract';
import type { CaseRecord } from '../../../src-shared/domain';
import { SHARED_SETTINGS_SECTIONS, settingsSchema, type Settings, type SettingsTeam, type SettingsUpdate, type SharedSettingsSection } from '../../../src-shared/settings';
import { findPlan, withPolicyApplied, type Policy } from '../../../src-shared/sla';
import { DeskFailure } from '../errors';
import type { EventBus } from '../event-bus';
import type { DocumentPort } from '../ports';

/** A shared section's value as the team holds it: the policy travels with its history. */
export type SharedSectionValue = { policy: Pick<Settings, 'policy' | 'policyHistory'>; templates: Settings['templates']; rootCauseCategories: Settings['rootCauseCategories'] };

/** One shared section as the team server holds it. */
export interface TeamSection<S extends SharedSettingsSection = SharedSettingsSection> {
  readonly section: S;
  readonly version: number;
  readonly value: unknown;
  readonly by: string;
  readonly at: string;
}

/**
 * Where the team's sections of the settings are published (team mode, docs/team.md). Absent, or
 * `team()` undefined, the settings are this console's alone.
 */
export interface SettingsSharing {
  /** The team's server (host:port/database) when in a team, else undefined. */
  team(): string | undefined;
  /**
   * Publishes the changed shared sections, each only if the team still holds its base version,
   * all or none. Throws a DeskFailure when the team cannot be asked (offline).
   */
  publish(changes: ReadonlyArray<{ section: SharedSettingsSection; baseVersion: number; value: unknown }>): Promise<
    { readonly ok: true; readonly sections: readonly TeamSection[] } | { readonly ok: false; readonly current: readonly TeamSection[] }
  >;
}

/** The sections as a person reads them in messages. */
export const SHARED_SECTION_WORDS: Record<SharedSettingsSection, string> = {
  policy: 'plans, calendars and holidays',
  templates: 'customer update templates',
  rootCauseCategories: 'root-cause categories',
};

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const listWords = (words: readonly string[]) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

/**
 * A team's policy this console did not take: it would leave open cases here without their plan
 * (cases that stay on this console, `RD-`, which the author's console could not check).
 */
export interface WithheldPolicy {
  readonly version: number;
  readonly by: string;
  /** The open cases here on a plan the team's policy lacks. */
  readonly cases: readonly string[];
  /** In words, for Settings' Team section. */
  readonly message: string;
}

/** At most this many case ids are named in a refusal; the rest are counted. */
const NAMED_CASES = 10;

/**
 * Settings: validated as a whole before anything is saved. A policy must still hold the plan
 * of every open case, or those cases' clocks would stop.
 */
export class SettingsService {
  private current: Settings | undefined;
  /** Saves and the team's changes, one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private sharing: SettingsSharing | undefined;

  constructor(
    private readonly file: DocumentPort<Settings>,
    private readonly bus: EventBus,
    private readonly openCases: () => Iterable<CaseRecord>,
    /** The core's clock: when a new policy comes into force. */
    private readonly now: () => number,
  ) {}

  /** Team mode: the shared sections are published to the team before they are saved here. */
  share(sharing: SettingsSharing): void {
    this.sharing = sharing;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The versions of the shared sections held here, when they are the given team's. */
  teamVersions(team: string): SettingsTeam['versions'] {
    const held = this.get().team;
    return held?.server === team ? held.versions : {};
  }

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

  update(update: SettingsUpdate): Promise<Settings> {
    return this.serially(() => this.save(update));
  }

  private async save(update: SettingsUpdate): Promise<Settings> {
    const { baseVersions, ...patch } = update;
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
    const team = this.sharing?.team();
    if (team) next = await this.publish(team, before, next, baseVersions ?? {});
    else if (next.team && SHARED_SETTINGS_SECTIONS.some((section) => !sameValue(before[section], next[section]))) {
      // Changed while working alone: no longer the team's version; joining again takes the team's.
      const { team: _held, ...own } = next;
      next = own;
    }
    await this.file.save(next);
    this.current = next;
    this.bus.emit('settings.changed', { settings: next });
    return next;
  }

  /**
   * In a team, the shared sections this save changes go to the team first, each named with the
   * version the edit began from. One the team changed meanwhile refuses the whole save (nothing
   * is saved); the team's settings are then applied here, so the author sees them as they stand.
   */
  private async publish(team: string, before: Settings, next: Settings, baseVersions: NonNullable<SettingsUpdate['baseVersions']>): Promise<Settings> {
    const held = this.teamVersions(team);
    const changed = SHARED_SETTINGS_SECTIONS.filter((section) => !sameValue(before[section], next[section]));
    if (changed.length === 0) return next;
    // The edit began from a version older than the one held here: the team's change arrived meanwhile.
    const stale = changed.filter((section) => baseVersions[section] !== undefined && baseVersions[section] !== (held[section]?.version ?? 0));
    if (stale.length > 0) throw this.conflict(stale.map((section) => ({ section, by: held[section]?.by ?? 'someone' })));
    const outcome = await this.sharing!.publish(
      changed.map((section) => ({ section, baseVersion: held[section]?.version ?? 0, value: sharedValue(next, section) })),
    );
    if (!outcome.ok) {
      await this.takeTeam(team, outcome.current);
      throw this.conflict(outcome.current.map(({ section, by }) => ({ section, by })));
    }
    const versions = { ...held };
    for (const section of outcome.sections) versions[section.section] = { version: section.version, by: section.by, at: section.at };
    return { ...next, team: { server: team, versions } };
  }

  private conflict(sections: ReadonlyArray<{ section: SharedSettingsSection; by: string }>): DeskFailure {
    const words = listWords(sections.map(({ section }) => SHARED_SECTION_WORDS[section]));
    const people = listWords([...new Set(sections.map(({ by }) => by))]);
    const message = `${people} changed the team's ${words} while you were editing them, so nothing was saved. Settings now show the team's ${words}; make your change again on top of them.`;
    return new DeskFailure(
      'CONFLICT',
      message,
      sections.map(({ section, by }) => ({ path: section, message: `changed by ${by} since you began editing` })),
    );
  }

  /**
   * The team's sections, as its server holds them: each one newer (or other) than the one held
   * here replaces it, without a restart. A new policy is judged by the same rules as a local edit:
   * it comes with the team's history, and running clocks are judged again (settings.changed).
   */
  applyTeam(team: string, sections: readonly TeamSection[], exact = false): Promise<{ settings: Settings; withheld?: WithheldPolicy }> {
    return this.serially(async () => {
      let withheld: WithheldPolicy | undefined;
      const settings = await this.takeTeam(team, sections, exact, (found) => (withheld = found));
      return { settings, ...(withheld ? { withheld } : {}) };
    });
  }

  /**
   * Takes each section newer than the one held here (`exact`: every section whose version
   * differs, as after a gap). A team policy that drops the plan of an open case here is not
   * taken (the console keeps the policy it holds, and the version it holds says so): the other
   * sections are, and `onWithheld` says which cases hold it back.
   */
  private async takeTeam(team: string, sections: readonly TeamSection[], exact = false, onWithheld?: (withheld: WithheldPolicy) => void): Promise<Settings> {
    const before = this.get();
    const held = this.teamVersions(team);
    let next: Settings = { ...before, team: { server: team, versions: { ...held } } };
    let changed = before.team?.server !== team;
    for (const section of sections) {
      const heldVersion = held[section.section]?.version;
      if (heldVersion !== undefined && (exact ? heldVersion === section.version : heldVersion >= section.version)) continue;
      const candidate = { ...next, ...(section.section === 'policy' ? (section.value as object) : { [section.section]: section.value }) };
      const parsed = settingsSchema.safeParse(candidate);
      if (!parsed.success) throw new Error(`the team's ${SHARED_SECTION_WORDS[section.section]} (version ${section.version}) are not valid here: ${parsed.error.issues[0]?.message ?? 'unknown problem'}`);
      if (section.section === 'policy') {
        const stranded = this.strandedBy(next.policy, parsed.data.policy);
        if (stranded.length > 0) {
          onWithheld?.(withheldPolicy(section, stranded));
          continue;
        }
      }
      // Only this section is taken from the parse: the others keep their objects (and identity).
      const taken: Partial<Settings> =
        section.section === 'policy' ? { policy: parsed.data.policy, policyHistory: parsed.data.policyHistory } : { [section.section]: parsed.data[section.section] };
      // An unchanged policy keeps its identity (the reports re-judge running clocks on a new one).
      if (taken.policy && sameValue(taken.policy, next.policy)) taken.policy = next.policy;
      next = { ...next, ...taken, team: { server: team, versions: { ...next.team!.versions, [section.section]: { version: section.version, by: section.by, at: section.at } } } };
      changed = true;
    }
    if (!changed) return before;
    await this.file.save(next);
    this.current = next;
    this.bus.emit('settings.changed', { settings: next });
    return next;
  }

  /** Leaving a team: the settings stay as they are, now this console's own. */
  forgetTeam(): Promise<Settings> {
    return this.serially(async () => {
      const before = this.get();
      if (!before.team) return before;
      const { team: _team, ...next } = before;
      await this.file.save(next);
      this.current = next;
      return next;
    });
  }

  /** Refuses a policy that leaves open cases without their plan. */
  private checkOpenCases(before: Policy, policy: Policy): void {
    const stranded = this.strandedBy(before, policy);
    if (stranded.length === 0) return;
    const issues = stranded.map(({ problem, cases }) => ({ path: 'policy.plans', message: `${problem}, used by ${casesList(cases)}` }));
    throw new DeskFailure(
      'INVALID_INPUT',
      `The settings were not saved: ${issues.map((issue) => issue.message).join('; ')}. Keep the plan until those cases are closed.`,
      issues,
    );
  }

  /** The open cases that `policy` would leave without their plan, by what is wrong. */
  private strandedBy(before: Policy, policy: Policy): Array<{ problem: string; cases: string[] }> {
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
    return [...stranded.values()];
  }
}

function withheldPolicy(section: TeamSection, stranded: ReadonlyArray<{ problem: string; cases: string[] }>): WithheldPolicy {
  const why = stranded.map(({ problem, cases }) => `${problem}, used by ${casesList(cases)} here`).join('; ');
  return {
    version: section.version,
    by: section.by,
    cases: stranded.flatMap(({ cases }) => cases),
    message:
      `${section.by}'s change to the team's ${SHARED_SECTION_WORDS.policy} (version ${section.version}) is not applied on this console: ${why}. ` +
      `This console keeps its ${SHARED_SECTION_WORDS.policy} until those cases are closed, then takes the team's; its own policy edits are refused until then.`,
  };
}

/** A shared section's value as the team keeps it. */
export function sharedValue<S extends SharedSettingsSection>(settings: Settings, section: S): SharedSectionValue[S] {
  const value = section === 'policy' ? { policy: settings.policy, policyHistory: settings.policyHistory } : settings[section];
  return value as SharedSectionValue[S];
}

/** The plan a case names, as the policy it ran under knows it (a case may name a plan by id or by name). */
function known(policy: Policy, plan: string): { id: string; name: string } {
  const found = findPlan(policy, plan);
  return found ? { id: found.id, name: found.name } : { id: plan, name: plan };
}

/** Why a case on this plan could not run its clocks under the policy, or undefined. (A calendar a plan runs on cannot go: the policy's own check refuses it.) */
function planProblem(policy: Policy, wanted: { id: string; name: string }): string | undefined {
  return findPlan(policy, wanted.id) ? undefined : `plan "${wanted.name}" would be removed`;
}

function casesList(ids: readonly string[]): string {
  const named = ids.slice(0, NAMED_CASES).join(', ');
  const more = ids.length - NAMED_CASES;
  const noun = ids.length === 1 ? 'open case' : 'open cases';
  return more > 0 ? `${noun} ${named} and ${more} more` : `${noun} ${named}`;
}
