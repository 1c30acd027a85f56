import type { TeamView } from '../../../src-shared/contract';
import type { CommandRecorder, DecidedCommand } from '../cases/case-service';
import type { CaseRecord, CaseState } from '../../../src-shared/domain';
import { DeskFailure } from '../errors';
import { notifiesDueUpdates } from './due-update-routing';
import { Outbox } from './outbox';
import type { TeamMember, TeamServer } from './sync-port';
import { TeamAddressError, parseTeamAddress, type TeamAddress } from './team-address';
import { TeamSync, type TeamStatus, type TeamSyncDeps } from './team-sync';
import type { TeamVault } from './team-vault';
import type { BundleRecorder, CaseCounter, ImportRecorder } from './team-import';
import { hasPassword, sameAccount, withPassword } from './team-password';

export type TeamSource = 'flag' | 'environment' | 'settings';

export interface TeamHubDeps extends Omit<TeamSyncDeps, 'server' | 'outbox' | 'engineer'> {
  /** Makes the server adapter for an address (PostgreSQL). */
  readonly connect: (url: string) => TeamServer;
  /** Where a team joined in Settings is kept; absent, it is not kept. */
  readonly vault?: TeamVault;
  /** A team given at launch (`--team`, RESPONSE_DESK_TEAM_DB); it wins over Settings. */
  readonly launch?: { readonly url: string; readonly source: 'flag' | 'environment'; readonly email?: string };
  readonly engineerName: () => string;
}

/**
 * Team mode's front door: joins and leaves a team while the console runs, and hands each
 * decided command to the sync when there is one. Without a team it does nothing at all.
 */
export class TeamHub implements CommandRecorder, ImportRecorder, BundleRecorder {
  #sync: TeamSync | undefined;
  #address: TeamAddress | undefined;
  #source: TeamSource | undefined;
  #email = '';
  #members: TeamMember[] = [];
  #problem: string | undefined;
  #settingsProblem: string | undefined;
  readonly #listeners = new Set<(view: TeamView) => void>();
  readonly #sharedListeners = new Set<(name: string | undefined) => void>();
  #offSync: Array<() => void> = [];

  constructor(private readonly deps: TeamHubDeps) {}

  /** Joins the team given at launch, else the one kept from Settings. A failure leaves the console working alone, and says why. */
  async start(): Promise<void> {
    try {
      if (this.deps.launch) {
        await this.join(await this.#withKeptPassword(this.deps.launch.url), this.deps.launch.email ?? '', this.deps.launch.source);
        return;
      }
      const kept = await this.deps.vault?.load();
      if (kept) await this.join(kept.url, kept.email, 'settings');
    } catch (error) {
      this.#problem = error instanceof Error ? error.message : String(error);
      this.deps.log.warn(`team mode did not start: ${this.#problem}`);
      this.#emit();
    }
  }

  /** A launch address without a password takes the one kept from Settings for the same account, if any. */
  async #withKeptPassword(url: string): Promise<string> {
    if (hasPassword(url)) return url;
    const kept = await this.deps.vault?.load().catch(() => undefined);
    if (!kept || !sameAccount(kept.url, url) || !hasPassword(kept.url)) return url;
    return withPassword(url, decodeURIComponent(new URL(kept.url).password));
  }

  async join(url: string, email: string, source: TeamSource = 'settings'): Promise<TeamView> {
    let address: TeamAddress;
    try {
      address = parseTeamAddress(url);
    } catch (error) {
      if (error instanceof TeamAddressError) throw new DeskFailure('INVALID_INPUT', error.message, [{ path: 'url', message: error.message }]);
      throw error;
    }
    if (source === 'settings') await this.deps.vault?.save({ url: address.url, email });
    await this.#stopSync();
    const sync = new TeamSync({ ...this.deps, server: this.deps.connect(address.url), outbox: new Outbox(this.deps.dataDir), engineer: () => ({ name: this.deps.engineerName(), email }) });
    await sync.open();
    this.#sync = sync;
    this.#address = address;
    this.#source = source;
    this.#email = email;
    this.#problem = undefined;
    this.#members = [];
    // The members are asked for when the connection comes up (and when Settings asks for the
    // status), not at every status change: a status follows each command.
    let wasOnline = false;
    this.#offSync = [
      sync.onStatus((status) => {
        const online = status.connection === 'online';
        if (online && !wasOnline) void this.#refreshMembers(sync);
        wasOnline = online;
        this.#emit(status);
      }),
      sync.onShared((name) => this.#sharedListeners.forEach((listener) => listener(name))),
    ];
    sync.start();
    return this.view();
  }

  async leave(): Promise<TeamView> {
    await this.#stopSync();
    await this.deps.vault?.clear();
    this.#address = undefined;
    this.#source = undefined;
    this.#email = '';
    this.#members = [];
    this.#emit();
    return this.view();
  }

  /** Why a change to the team's settings is not applied here (in words), or undefined. */
  setSettingsProblem(problem: string | undefined): void {
    if (problem === this.#settingsProblem) return;
    this.#settingsProblem = problem;
    this.#emit();
  }

  /** The running sync, when the console is in a team. */
  get sync(): TeamSync | undefined {
    return this.#sync;
  }

  /** The view with the team's members asked for again (for a person opening the Team section). */
  async status(): Promise<TeamView> {
    const sync = this.#sync;
    if (sync?.status().connection === 'online') await this.#refreshMembers(sync);
    return this.view();
  }

  view(status: TeamStatus | undefined = this.#sync?.status()): TeamView {
    if (!status || !this.#address) {
      return { connection: 'off', email: '', pending: 0, leader: false, refusals: [], members: [], ...(this.#problem ? { problem: this.#problem } : {}) };
    }
    return {
      connection: status.connection,
      server: this.#address.display,
      ...(this.#source ? { source: this.#source } : {}),
      email: this.#email,
      pending: status.pending,
      ...(status.prefix ? { prefix: status.prefix } : {}),
      leader: status.leader,
      ...(status.problem ? { problem: status.problem } : {}),
      ...(this.#settingsProblem ? { settingsProblem: this.#settingsProblem } : {}),
      refusals: status.refusals.map((refusal) => ({ ...refusal, at: new Date(refusal.at).toISOString() })),
      members: this.#members,
      ...(status.mergedCount > 0 ? { merges: status.merges.map((merge) => ({ ...merge, at: new Date(merge.at).toISOString() })), mergedCount: status.mergedCount } : {}),
    };
  }

  onChange(listener: (view: TeamView) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Told when a shared document changed on the team's server (no name: look at them all, after connecting). */
  onShared(listener: (name: string | undefined) => void): () => void {
    this.#sharedListeners.add(listener);
    return () => this.#sharedListeners.delete(listener);
  }

  /** The team's server as the shared documents use it, when in a team: `online` says whether it answers now. */
  shared(): { readonly server: TeamServer; readonly workstationId: string; readonly team: string; readonly online: boolean } | undefined {
    const sync = this.#sync;
    if (!sync || !this.#address) return undefined;
    return { server: sync.server, workstationId: sync.workstationId, team: this.#address.display, online: sync.status().connection === 'online' };
  }

  /**
   * Writes shared documents on the team's server, each only if still at its base version; when
   * there is no team or the server does not answer, refuses with `offline` (the caller's words).
   */
  async putShared(documents: Parameters<TeamServer['putShared']>[1], offline: string): ReturnType<TeamServer['putShared']> {
    const shared = this.shared();
    if (!shared?.online) throw new DeskFailure('NOT_ALLOWED', offline);
    try {
      return await shared.server.putShared(shared.workstationId, documents);
    } catch {
      throw new DeskFailure('NOT_ALLOWED', offline);
    }
  }

  decidesAutomaticFacts(): boolean {
    return this.#sync?.decidesAutomaticFacts() ?? true;
  }

  /** Whether this console is told that the case's response or update falls due: always alone; in a team, by owner (`due-update-routing.ts`). */
  notifiesDueUpdates(record: CaseRecord, state: Pick<CaseState, 'owner' | 'severity'>): boolean {
    return !this.#sync || notifiesDueUpdates(record, state, this.deps.engineerName());
  }

  record(command: DecidedCommand): Promise<void> {
    return this.#sync ? this.#sync.record(command) : Promise.resolve();
  }

  recorded(): void {
    this.#sync?.recorded();
  }

  // An import's cases reach the team through the outbox (team-import.ts); alone, nothing to do.
  async hold(): Promise<void> {
    await this.#sync?.hold();
  }

  release(): void {
    this.#sync?.release();
  }

  async imported(source: string, changedFrom: ReadonlyMap<string, number>, staged: (id: string) => Promise<CaseRecord | undefined>): Promise<readonly string[]> {
    return this.#sync ? this.#sync.queueImported(this.deps.engineerName(), source, changedFrom, staged) : [];
  }

  async replacing(cases: readonly CaseRecord[], counter: CaseCounter, current: CaseCounter | undefined): Promise<{ queued: readonly string[]; counter: CaseCounter }> {
    return this.#sync ? this.#sync.replacing(this.deps.engineerName(), cases, counter, current) : { queued: [], counter };
  }

  async settle(queued: readonly string[]): Promise<void> {
    await this.#sync?.settleImported(queued);
  }

  async stop(): Promise<void> {
    await this.#stopSync();
  }

  async #refreshMembers(sync: TeamSync): Promise<void> {
    try {
      const members = await sync.members();
      if (sync !== this.#sync) return;
      this.#members = members;
      this.#emit();
    } catch {
      // The connection dropped meanwhile: the status says so.
    }
  }

  async #stopSync(): Promise<void> {
    this.#offSync.splice(0).forEach((off) => off());
    const sync = this.#sync;
    this.#sync = undefined;
    await sync?.stop();
  }

  #emit(status?: TeamStatus): void {
    const view = this.view(status);
    for (const listener of this.#listeners) listener(view);
  }
}
