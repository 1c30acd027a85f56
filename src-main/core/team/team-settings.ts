import { SHARED_SETTINGS_SECTIONS, type SharedSettingsSection } from '../../../src-shared/settings';
import type { EventBus } from '../event-bus';
import { KeyedQueue } from '../keyed-queue';
import { SHARED_SECTION_WORDS, sharedValue, type SettingsService, type SettingsSharing, type TeamSection, type WithheldPolicy } from '../settings/settings-service';
import type { SharedDocument } from './sync-port';
import type { TeamHub } from './team-hub';

/** The team's settings on the server: one shared document per section, `settings:<section>`. */
export const SETTINGS_DOCUMENT = 'settings:';
const documentName = (section: SharedSettingsSection) => `${SETTINGS_DOCUMENT}${section}`;
const sectionOf = (name: string): SharedSettingsSection | undefined => SHARED_SETTINGS_SECTIONS.find((section) => documentName(section) === name);

const asSection = (document: SharedDocument): TeamSection | undefined => {
  const section = sectionOf(document.name);
  return section ? { section, version: document.version, value: document.value, by: document.by, at: document.at } : undefined;
};

export interface TeamSettingsDeps {
  readonly hub: TeamHub;
  readonly settings: SettingsService;
  /** The cases' changes: a team policy held back by open cases here is taken once they close. */
  readonly bus: EventBus;
  readonly log: { warn(message: string): void };
}

/**
 * The team's settings (policy with its calendars and holidays, update templates, root-cause
 * categories): versioned on the server, one document per section. A save here publishes the
 * sections it changes, named with the version the edit began from (`SettingsService`); an edit
 * on another workstation arrives by LISTEN/NOTIFY and is applied at once; after any gap (a
 * start, a reconnection) every section is compared by version. The first console of a team
 * seeds the team's settings with its own; a console joining later takes the team's.
 *
 * A team policy that drops the plan of a case open here (one that stays on this console, `RD-`:
 * the author's console could not check it) is not taken: this console keeps the policy it holds,
 * Settings' Team section says why (`TeamView.settingsProblem`), and the team's policy is taken
 * once those cases are closed.
 */
export class TeamSettings implements SettingsSharing {
  readonly #arrivals = new KeyedQueue();
  #withheld: WithheldPolicy | undefined;

  constructor(private readonly deps: TeamSettingsDeps) {
    deps.settings.share(this);
    deps.hub.onShared((name) => {
      if (name === undefined) this.#serially(() => this.catchUp());
      else if (sectionOf(name)) this.#serially(() => this.#take([name]));
    });
    deps.bus.on('cases.changed', ({ record }) => {
      if (this.#withheld?.cases.includes(record.id)) this.#serially(() => this.#take([documentName('policy')]));
    });
    deps.hub.onChange((view) => {
      // Leaving the team (or joining another) forgets a policy held back from the one before.
      if (view.connection === 'off' && this.#withheld) this.#withhold(undefined);
    });
  }

  /** The team's policy this console holds back, and why (Settings' Team section shows it). */
  withheld(): WithheldPolicy | undefined {
    return this.#withheld;
  }

  team(): string | undefined {
    return this.deps.hub.shared()?.team;
  }

  async publish(changes: ReadonlyArray<{ section: SharedSettingsSection; baseVersion: number; value: unknown }>) {
    const words = changes.map(({ section }) => SHARED_SECTION_WORDS[section]).join(', ');
    const offline = `The team's ${words} change for the whole team, and the team server cannot be reached now, so nothing was saved. Save again once it is back (the banner says when); your own settings (name, notifications, backups) save in the meantime on their own.`;
    const outcome = await this.deps.hub.putShared(
      changes.map(({ section, baseVersion, value }) => ({ name: documentName(section), baseVersion, value })),
      offline,
    );
    if (outcome.status === 'applied') return { ok: true as const, sections: outcome.documents.flatMap((document) => asSection(document) ?? []) };
    return { ok: false as const, current: outcome.current.flatMap((document) => asSection(document) ?? []) };
  }

  /**
   * A data import brought a settings file: its team versions (another console's, another time's)
   * are forgotten and every shared section is taken from the team again, now or once connected.
   */
  async replaced(): Promise<void> {
    await this.deps.settings.forgetTeam();
    this.#serially(() => this.catchUp());
  }

  /** Compares every section with the team's: seeds the ones the team lacks, takes the ones that differ. */
  async catchUp(): Promise<void> {
    const shared = this.deps.hub.shared();
    if (!shared?.online) return;
    try {
      let versions = new Map((await shared.server.sharedVersions(SETTINGS_DOCUMENT)).map(({ name, version }) => [name, version]));
      const missing = SHARED_SETTINGS_SECTIONS.filter((section) => !versions.has(documentName(section)));
      if (missing.length > 0) {
        // The first console of the team gives it its settings (all or none: two first consoles at once, one wins).
        const current = this.deps.settings.get();
        await shared.server.putShared(
          shared.workstationId,
          missing.map((section) => ({ name: documentName(section), baseVersion: 0, value: sharedValue(current, section) })),
        );
        versions = new Map((await shared.server.sharedVersions(SETTINGS_DOCUMENT)).map(({ name, version }) => [name, version]));
      }
      const held = this.deps.settings.teamVersions(shared.team);
      const differ = SHARED_SETTINGS_SECTIONS.filter((section) => versions.get(documentName(section)) !== held[section]?.version).map(documentName);
      if (differ.length > 0) await this.#take(differ, true);
    } catch (error) {
      this.deps.log.warn(`the team's settings could not be compared: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Applies the named sections as the team holds them now. */
  async #take(names: readonly string[], exact = false): Promise<void> {
    const shared = this.deps.hub.shared();
    if (!shared?.online) return;
    try {
      const documents = await Promise.all(names.map((name) => shared.server.getShared(name)));
      const sections = documents.flatMap((document) => (document ? (asSection(document) ?? []) : []));
      const { withheld } = await this.deps.settings.applyTeam(shared.team, sections, exact);
      if (withheld) this.deps.log.warn(`the team's policy version ${withheld.version} is held back by open cases here: ${withheld.cases.join(', ')}`);
      if (withheld || sections.some((section) => section.section === 'policy')) this.#withhold(withheld);
    } catch (error) {
      this.deps.log.warn(`the team's settings could not be applied: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  #withhold(withheld: WithheldPolicy | undefined): void {
    if (this.#withheld?.message === withheld?.message) return;
    this.#withheld = withheld;
    this.deps.hub.setSettingsProblem(withheld?.message);
  }

  /** Arrivals one at a time (each reports its own failure). */
  #serially(work: () => Promise<void>): void {
    void this.#arrivals.run('arrivals', work).catch(() => undefined);
  }

  /** Waits until every arrival so far is applied (tests). */
  settled(): Promise<void> {
    return this.#arrivals.idle();
  }
}
