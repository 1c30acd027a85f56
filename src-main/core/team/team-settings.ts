import { SHARED_SETTINGS_SECTIONS, type SharedSettingsSection } from '../../../src-shared/settings';
import { KeyedQueue } from '../keyed-queue';
import { SHARED_SECTION_WORDS, sharedValue, type SettingsService, type SettingsSharing, type TeamSection } from '../settings/settings-service';
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
  readonly log: { warn(message: string): void };
}

/**
 * The team's settings (policy with its calendars and holidays, update templates, root-cause
 * categories): versioned on the server, one document per section. A save here publishes the
 * sections it changes, named with the version the edit began from (`SettingsService`); an edit
 * on another workstation arrives by LISTEN/NOTIFY and is applied at once; after any gap (a
 * start, a reconnection) every section is compared by version. The first console of a team
 * seeds the team's settings with its own; a console joining later takes the team's.
 */
export class TeamSettings implements SettingsSharing {
  readonly #arrivals = new KeyedQueue();

  constructor(private readonly deps: TeamSettingsDeps) {
    deps.settings.share(this);
    deps.hub.onShared((name) => {
      if (name === undefined) this.#serially(() => this.catchUp());
      else if (sectionOf(name)) this.#serially(() => this.#take([name]));
    });
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
      await this.deps.settings.applyTeam(shared.team, sections, exact);
    } catch (error) {
      this.deps.log.warn(`the team's settings could not be applied: ${error instanceof Error ? error.message : String(error)}`);
    }
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
