import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { SYSTEM_ACTOR, decide, decideLog, foldCase, type CaseEvent, type CaseRecord, type DecideContext } from '../../../src-shared/domain';
import type { CommandRecorder, DecidedCommand } from '../cases/case-service';
import { SOURCE_LABEL } from '../../../src-shared/import';
import type { EventBus } from '../event-bus';
import type { CaseStore } from '../ports';
import { CASE_ID_PREFIX, DurableJsonFile } from '../storage';
import type { Outbox, PendingCommand } from './outbox';
import { dropUncommitted, importEntries, isImported, sharedWithTeam, teamCounter, type CaseCounter } from './team-import';
import type { PulledEvent, TeamMember, TeamServer } from './sync-port';
import * as path from 'node:path';

export type TeamConnection = 'connecting' | 'online' | 'offline';

/** A command the team refused once the case had moved on: shown to its author. */
export interface TeamRefusal {
  readonly caseId: string;
  readonly command: string;
  readonly reason: string;
  readonly at: number;
  /** The case as it now stands on the team. */
  readonly record: CaseRecord;
}

/**
 * A case this console imported from a service desk while the team already held the same ticket
 * as another case (imported on another console while this one was offline): it is merged into
 * the team's case, and the engineer is told.
 */
export interface TeamMerge {
  /** The key this console gave the ticket, gone now. */
  readonly from: string;
  /** The team's case of the ticket, which holds this console's changes to it from now on. */
  readonly into: string;
  /** The ticket ("Zendesk ticket 4521"). */
  readonly ticket: string;
  /** The engineers' changes to this console's copy, decided again on the team's case (refused ones are among the refusals); automatic facts are not counted. */
  readonly changes: number;
  /** Comments or other facts from the desk that this console's copy held and the team's case does not: importing the file again adds them. */
  readonly missing: number;
  readonly at: number;
}

export interface TeamStatus {
  readonly connection: TeamConnection;
  /** Commands applied here and not yet taken by the server. */
  readonly pending: number;
  /** The letters of this workstation's case keys, once it joined. */
  readonly prefix?: string;
  /** Whether this workstation runs the team's automatic escalations now. */
  readonly leader: boolean;
  /** Why the server is unreachable, in a sentence. */
  readonly problem?: string;
  readonly refusals: readonly TeamRefusal[];
  /** Cases merged into the team's case of the same service desk ticket, newest first (at most 20), and how many since the start. */
  readonly merges: readonly TeamMerge[];
  readonly mergedCount: number;
}

const stateSchema = z.object({
  schemaVersion: z.literal(1),
  workstationId: z.uuid(),
  prefix: z.string().regex(/^[A-Z]{1,8}$/).optional(),
  /** The last global sequence applied here. */
  cursor: z.number().int().min(0),
  /** Per case: how many of its events (a prefix of the local timeline) the server holds. */
  confirmed: z.record(z.string(), z.number().int().min(0)),
  /** Merges under way (a crash finishes them at the next start): this console's key to the team's case of the same ticket. */
  merged: z.record(z.string(), z.string()).default({}),
});
type SyncState = z.infer<typeof stateSchema>;
export const SYNC_STATE_FILE = path.join('team', 'state.json');

/** The sync state of a data folder that joined a team, or undefined (never joined, or unreadable). */
export async function readSyncState(dataDir: string): Promise<{ readonly confirmed: Readonly<Record<string, number>> } | undefined> {
  const stored = stateSchema.safeParse(await new DurableJsonFile<SyncState>(path.join(dataDir, SYNC_STATE_FILE)).read().catch(() => null));
  return stored.success ? stored.data : undefined;
}

export interface TeamSyncDeps {
  readonly dataDir: string;
  readonly server: TeamServer;
  readonly store: CaseStore;
  readonly outbox: Outbox;
  readonly bus: EventBus;
  /** The engineer at this workstation (settings and the team configuration). */
  readonly engineer: () => { name: string; email: string };
  /** The rules' context for a command decided (again) at `now` by `actor`. */
  readonly decideContext: (actor: string, now: number) => DecideContext;
  /** Runs work in the case's queue, so no local command interleaves with a rebase. */
  readonly withCase: <T>(id: string, work: () => Promise<T>) => Promise<T>;
  readonly log: { warn(message: string): void; error(message: string, error: unknown): void };
  /** Delays between reconnection attempts (the last one repeats). */
  readonly retryMs?: readonly number[];
  /** How often a workstation that is not the leader asks again. */
  readonly leaderRetryMs?: number;
}

const PULL_BATCH = 2000;
const MAX_REFUSALS = 20;
const sameEvents = (a: readonly CaseEvent[], b: readonly CaseEvent[]) => a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
/** An event from a desk as a fact, whatever case and position it landed at (its key and seq differ between copies). */
const deskFact = (event: CaseEvent) => JSON.stringify([event.type, event.at, event.actor, event.data]);
const ticketWords = (record: CaseRecord) => {
  const first = record.events[0];
  const origin = first?.type === 'logged' ? first.data.origin : undefined;
  return origin ? `${SOURCE_LABEL[origin.source]} ticket ${origin.externalId}` : `case ${record.id}`;
};
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/**
 * Team mode's sync: the local store stays the workstation's source of truth; every command is
 * queued in the outbox before its events are stored, sent in order when the server is
 * reachable, and the server's order is pulled back by global sequence (after a push, and after
 * any gap). A case that moved on is rebuilt as the server's timeline with this workstation's
 * pending commands decided again on top, by the same `decide` rules; a command they now refuse
 * is dropped and shown to its author with the reason and the case as it stands.
 */
export class TeamSync implements CommandRecorder {
  #state!: SyncState;
  readonly #stateFile: DurableJsonFile<SyncState>;
  #connection: TeamConnection = 'connecting';
  #problem: string | undefined;
  #leader = false;
  #refusals: TeamRefusal[] = [];
  #merges: TeamMerge[] = [];
  #mergedCount = 0;
  #generation = 0;
  #stopped = false;
  #retry = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #leaderTimer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  /** While an import stages: nothing is sent or pulled (it would land in the store the import replaces). */
  #held = 0;
  readonly #listeners = new Set<(status: TeamStatus) => void>();
  readonly #sharedListeners = new Set<(name: string | undefined) => void>();

  constructor(private readonly deps: TeamSyncDeps) {
    this.#stateFile = new DurableJsonFile<SyncState>(path.join(deps.dataDir, SYNC_STATE_FILE));
  }

  /** Loads the queue and the sync state and finishes commands a crash cut short; then connects in the background. */
  async open(): Promise<void> {
    await this.deps.outbox.open();
    const stored = stateSchema.safeParse(await this.#stateFile.read().catch(() => null));
    // Without a readable state the workstation pulls everything again: pulls are idempotent.
    this.#state = stored.success ? stored.data : { schemaVersion: 1, workstationId: uuidv7(), cursor: 0, confirmed: {}, merged: {} };
    if (!stored.success) await this.#stateFile.write(this.#state);
    await this.#recover();
  }

  start(): void {
    this.#stopped = false;
    void this.#connect();
  }

  status(): TeamStatus {
    return {
      connection: this.#connection,
      pending: this.deps.outbox.size(),
      ...(this.#state?.prefix ? { prefix: this.#state.prefix } : {}),
      leader: this.#leader,
      ...(this.#problem ? { problem: this.#problem } : {}),
      refusals: this.#refusals,
      merges: this.#merges,
      mergedCount: this.#mergedCount,
    };
  }

  onStatus(listener: (status: TeamStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Told when a shared document (team settings, a review) changed on the server, by name; with
   * no name once connected (again), when any of them may have changed meanwhile.
   */
  onShared(listener: (name: string | undefined) => void): () => void {
    this.#sharedListeners.add(listener);
    return () => this.#sharedListeners.delete(listener);
  }

  /** The team server, for the shared documents: its calls fail while offline. */
  get server(): TeamServer {
    return this.deps.server;
  }

  /** This workstation's id on the team (the author of what it writes). */
  get workstationId(): string {
    return this.#state.workstationId;
  }

  /** Whether automatic facts (escalations) are decided here: by the team's leader, or alone while offline. */
  decidesAutomaticFacts(): boolean {
    return this.#connection !== 'online' || this.#leader;
  }

  async members(): Promise<TeamMember[]> {
    return this.#connection === 'online' ? this.deps.server.members() : [];
  }

  // CommandRecorder: called by the case service before the store takes the events.
  async record(command: DecidedCommand): Promise<void> {
    await this.deps.outbox.add({ commandId: uuidv7(), ...command, command: command.command, events: [...command.events] });
  }

  recorded(): void {
    this.#emit();
    this.kick();
  }

  /** Sends what is queued and pulls what is new, now (one run at a time; a request during a run runs again after it). */
  kick(): Promise<void> {
    if (this.#connection !== 'online' || this.#held > 0) return Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    const generation = this.#generation;
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#cycle();
        } while (this.#again && generation === this.#generation);
      } catch (error) {
        if (generation === this.#generation) this.#lost(error);
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  // ---------------------------------------------------------------- imports (team-import.ts)

  /** An import stages: no sync cycle runs until `release()` (the one running finishes first). */
  async hold(): Promise<void> {
    this.#held++;
    await this.settled();
  }

  release(): void {
    this.#held = Math.max(0, this.#held - 1);
    this.#emit();
    void this.kick();
  }

  /** Queues an import's changed cases (as staged) before it commits; a case that stays on this console is left out. */
  async queueImported(actor: string, source: string, changedFrom: ReadonlyMap<string, number>, staged: (id: string) => Promise<CaseRecord | undefined>): Promise<string[]> {
    const shared = sharedWithTeam(this.#state.confirmed, this.deps.outbox);
    const entries = await importEntries({ shared, actor, at: Date.now() }, source, changedFrom, staged);
    await this.deps.outbox.addAll(entries);
    return entries.map((entry) => entry.commandId);
  }

  /**
   * A data import replaces every case here: the cases the team lacks (except `RD-` ones, which
   * stay here) are queued as imported creates, the counter keeps this console's letters, and the
   * team's whole history is pulled again afterwards, so the team's timeline of every case it
   * holds wins over the file's (pending commands are decided again on top, as after any gap).
   */
  async replacing(actor: string, cases: readonly CaseRecord[], counter: CaseCounter, current: CaseCounter | undefined): Promise<{ queued: string[]; counter: CaseCounter }> {
    const prefix = this.#state.prefix;
    // Never connected: no letters yet, the file's cases stay here as cases made before joining do.
    if (!prefix) return { queued: [], counter };
    const shared = sharedWithTeam(this.#state.confirmed, this.deps.outbox);
    const fresh = cases.filter((record) => !shared(record.id) && !record.id.startsWith(`${CASE_ID_PREFIX}-`));
    const byId = new Map(fresh.map((record) => [record.id, record]));
    const entries = await importEntries({ shared, actor, at: Date.now() }, 'data', new Map(fresh.map((record) => [record.id, 0])), async (id) => byId.get(id));
    await this.deps.outbox.addAll(entries);
    this.#state = { ...this.#state, cursor: 0, confirmed: {}, merged: {} };
    await this.#saveState();
    return { queued: entries.map((entry) => entry.commandId), counter: teamCounter(prefix, cases, counter, current) };
  }

  /** The import is over: its queued entries whose events the store does not hold (it did not commit) are dropped. */
  settleImported(queued: readonly string[]): Promise<void> {
    return dropUncommitted(this.deps.outbox, this.deps.store, queued);
  }

  /** Waits until nothing is running (tests and the bench). */
  async settled(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#generation++;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#leaderTimer) clearTimeout(this.#leaderTimer);
    await this.#running?.catch(() => undefined);
    await this.deps.server.disconnect();
    await this.deps.outbox.close();
    this.#connection = 'offline';
    this.#leader = false;
  }

  // ---------------------------------------------------------------- connection

  async #connect(): Promise<void> {
    if (this.#stopped) return;
    const generation = ++this.#generation;
    // Retrying after a loss stays "offline" until it works: the banner does not flicker.
    if (this.#connection !== 'offline') {
      this.#connection = 'connecting';
      this.#emit();
    }
    try {
      await this.deps.server.connect({
        onPush: () => {
          if (generation === this.#generation) void this.kick();
        },
        onShared: (name) => {
          if (generation === this.#generation) this.#sharedListeners.forEach((listener) => listener(name));
        },
        onLost: (error) => {
          if (generation === this.#generation) this.#lost(error);
        },
      });
      if (generation !== this.#generation) return;
      const engineer = this.deps.engineer();
      const { prefix } = await this.deps.server.join({ id: this.#state.workstationId, name: engineer.name, email: engineer.email });
      if (prefix !== this.#state.prefix) {
        await this.deps.store.setPrefix?.(prefix);
        this.#state = { ...this.#state, prefix };
        await this.#stateFile.write(this.#state);
      }
      this.#connection = 'online';
      this.#problem = undefined;
      this.#retry = 0;
      this.#emit();
      this.#sharedListeners.forEach((listener) => listener(undefined));
      await this.#askLeadership(generation);
      await this.kick();
    } catch (error) {
      if (generation === this.#generation) this.#lost(error);
    }
  }

  #lost(error: unknown): void {
    if (this.#stopped) return;
    this.#generation++;
    this.#connection = 'offline';
    this.#leader = false;
    this.#problem = describe(error);
    this.#emit();
    void this.deps.server.disconnect();
    if (this.#leaderTimer) clearTimeout(this.#leaderTimer);
    if (this.#timer) clearTimeout(this.#timer);
    const delays = this.deps.retryMs ?? [500, 1000, 2000, 5000];
    const delay = delays[Math.min(this.#retry++, delays.length - 1)]!;
    this.#timer = setTimeout(() => void this.#connect(), delay);
  }

  async #askLeadership(generation: number): Promise<void> {
    if (generation !== this.#generation) return;
    const leader = await this.deps.server.tryLead().catch(() => false);
    if (generation !== this.#generation) return;
    if (leader !== this.#leader) {
      this.#leader = leader;
      this.#emit();
    }
    if (!leader) {
      if (this.#leaderTimer) clearTimeout(this.#leaderTimer);
      this.#leaderTimer = setTimeout(() => void this.#askLeadership(generation), this.deps.leaderRetryMs ?? 5000);
    }
  }

  #emit(): void {
    const status = this.status();
    for (const listener of this.#listeners) listener(status);
  }

  // ---------------------------------------------------------------- recovery

  /** Commands queued whose events a crash kept from the store are stored now. */
  async #recover(): Promise<void> {
    // An import queues its cases before it commits: one that did not commit leaves nothing to send.
    await dropUncommitted(this.deps.outbox, this.deps.store);
    for (const entry of this.deps.outbox.list()) {
      if (isImported(entry)) continue;
      const local = await this.deps.store.get(entry.caseId);
      if (entry.kind === 'create' && !local) await this.deps.store.create({ id: entry.caseId, events: entry.events });
      else if (local && local.events.length === entry.baseVersion && entry.kind === 'act') await this.deps.store.append(entry.caseId, entry.events);
    }
    // A merge a crash cut short is finished: the team's case is here (pulled before the merge began).
    for (const [from, into] of Object.entries(this.#state.merged)) await this.#finishMerge(from, into);
  }

  // ---------------------------------------------------------------- the sync cycle

  async #cycle(): Promise<void> {
    // A merge an error cut short is finished before anything else is sent.
    for (const [from, into] of Object.entries(this.#state.merged)) await this.#finishMerge(from, into);
    // Sent first, pulled after: a command waits on no round trip before its append. One decided
    // on a case that moved on meanwhile is refused as a conflict and decided again below.
    for (;;) {
      const next = this.deps.outbox.list()[0];
      if (!next) break;
      const outcome = await this.deps.server.append({ ...next, workstationId: this.#state.workstationId });
      if (outcome.status === 'applied') {
        await this.deps.withCase(next.caseId, async () => {
          this.#state.confirmed[next.caseId] = outcome.version;
          await this.deps.outbox.change([], [next.commandId]);
        });
        this.#emit();
        continue;
      }
      if (outcome.heldAs !== undefined) {
        // The team holds this case's service desk ticket as another case: pulled, then merged into it.
        await this.#pullAll();
        await this.#merge(next.caseId, outcome.heldAs);
        continue;
      }
      // Someone acted first: catch up (which decides this command again), then send anew.
      const before = this.deps.outbox.list()[0];
      await this.#pullAll();
      if (this.deps.outbox.list()[0] === before && before?.commandId === next.commandId) {
        // Nothing new came, yet the server refused the version: rebuild the case from the server.
        await this.#rebase(next.caseId, await this.deps.server.caseEvents(next.caseId));
        await this.#saveState();
      }
    }
    await this.#pullAll();
    await this.#saveState();
  }

  async #pullAll(): Promise<void> {
    for (;;) {
      const batch = await this.deps.server.pull(this.#state.cursor, PULL_BATCH);
      if (batch.length === 0) return;
      const byCase = new Map<string, PulledEvent[]>();
      for (const pulled of batch) {
        const list = byCase.get(pulled.caseId) ?? [];
        list.push(pulled);
        byCase.set(pulled.caseId, list);
      }
      for (const [caseId, pulled] of byCase) await this.#applyServer(caseId, pulled.map((p) => p.event));
      this.#state.cursor = batch.at(-1)!.seq;
      await this.#saveState();
      if (batch.length < PULL_BATCH) return;
    }
  }

  async #applyServer(caseId: string, tail: CaseEvent[]): Promise<void> {
    const confirmed = this.#state.confirmed[caseId] ?? 0;
    const fresh = tail.filter((event) => event.seq > confirmed);
    if (fresh.length === 0) return;
    const local = await this.deps.store.get(caseId);
    const contiguous = fresh[0]!.seq === confirmed + 1 && (confirmed === 0 || (local !== undefined && local.events.length >= confirmed));
    const server = contiguous ? [...(local?.events.slice(0, confirmed) ?? []), ...fresh] : await this.deps.server.caseEvents(caseId);
    await this.#rebase(caseId, server);
  }

  /** The case becomes the server's timeline plus this workstation's pending commands, decided again on top. */
  async #rebase(caseId: string, server: CaseEvent[]): Promise<void> {
    await this.deps.withCase(caseId, async () => {
      const pending = this.deps.outbox.of(caseId);
      const events = [...server];
      const set: PendingCommand[] = [];
      const drop: string[] = [];
      const refused: Array<{ entry: PendingCommand; reason: string }> = [];
      for (const entry of pending) {
        const decided = this.#decideAgain(caseId, events, entry);
        if (!decided.ok) {
          drop.push(entry.commandId);
          if (entry.actor !== SYSTEM_ACTOR && decided.present !== true) refused.push({ entry, reason: decided.reason });
          continue;
        }
        const rebased = { ...entry, baseVersion: events.length, events: decided.events };
        if (rebased.baseVersion !== entry.baseVersion || !sameEvents(rebased.events, entry.events)) set.push(rebased);
        events.push(...decided.events);
      }
      const local = await this.deps.store.get(caseId);
      let record: CaseRecord = { id: caseId, events };
      if (events.length > 0 && (!local || !sameEvents(local.events, events))) {
        const isAppend = local !== undefined && events.length > local.events.length && sameEvents(local.events, events.slice(0, local.events.length));
        record = isAppend ? await this.deps.store.append(caseId, events.slice(local.events.length)) : await this.#replace(record);
        this.deps.bus.emit('cases.changed', { record });
      }
      await this.deps.outbox.change(set, drop);
      this.#state.confirmed[caseId] = server.length;
      const now = Date.now();
      for (const { entry, reason } of refused) {
        this.#refusals = [{ caseId, command: isImported(entry) ? `import from ${entry.command.source}` : entry.kind === 'create' ? 'log the case' : (entry.command as { type: string }).type, reason, at: now, record }, ...this.#refusals].slice(0, MAX_REFUSALS);
        this.deps.log.warn(`the team refused a change to ${caseId}: ${reason}`);
      }
      if (refused.length > 0 || drop.length > 0) this.#emit();
    });
  }

  /**
   * This console's case `from`, imported from a service desk, is the team's case `into` (the same
   * ticket, imported on another console first). Recorded durably first, so a crash finishes it.
   */
  async #merge(from: string, into: string): Promise<void> {
    this.#state.merged[from] = into;
    await this.#saveState();
    await this.#finishMerge(from, into);
  }

  /**
   * The team's case stays as the team holds it, and this console's own changes to its copy (every
   * command after the import) are decided again on top of it, in their order, as after any
   * rebase; the copy's facts from the desk are dropped (the team's case has the ticket already),
   * and counted when the team's case lacks some of them. Then the copy is taken away here.
   */
  async #finishMerge(from: string, into: string): Promise<void> {
    let changes = 0;
    let missing = 0;
    let ticket = '';
    const done = await this.deps.withCase(from, async () => {
      const copy = await this.deps.store.get(from);
      const team = (await this.deps.store.get(into)) ?? (this.#connection === 'online' ? { id: into, events: await this.deps.server.caseEvents(into) } : undefined);
      if (!team || team.events.length === 0) return false;
      const entries = this.deps.outbox.of(from);
      const own = entries.filter((entry) => !isImported(entry) && entry.kind === 'act').map((entry) => ({ ...entry, caseId: into }));
      const kept = new Set(own.map((entry) => entry.commandId));
      const held = new Set(team.events.slice(1).map(deskFact));
      missing = entries
        .filter(isImported)
        .flatMap((entry) => entry.events)
        .filter((event) => event.seq > 1 && !held.has(deskFact(event))).length;
      changes = own.filter((entry) => entry.actor !== SYSTEM_ACTOR).length;
      ticket = ticketWords(copy ?? team);
      await this.deps.outbox.change(
        own,
        entries.filter((entry) => !kept.has(entry.commandId)).map((entry) => entry.commandId),
      );
      await this.#rebase(into, team.events.slice(0, this.#state.confirmed[into] ?? team.events.length));
      if (copy) {
        if (!this.deps.store.remove) throw new Error('this case store cannot take a merged case away');
        await this.deps.store.remove(from);
      }
      delete this.#state.merged[from];
      delete this.#state.confirmed[from];
      await this.#saveState();
      return copy !== undefined;
    });
    if (!done) return;
    const record = await this.deps.store.get(into);
    if (record) this.deps.bus.emit('cases.merged', { id: from, into: record });
    this.#merges = [{ from, into, ticket, changes, missing, at: Date.now() }, ...this.#merges].slice(0, MAX_REFUSALS);
    this.#mergedCount++;
    this.deps.log.warn(`${from} is the team's ${into} (${ticket}): merged into it`);
    this.#emit();
  }

  /** A refusal that is `present` is no refusal: what the entry brings is on the team already, so it is dropped without a word. */
  #decideAgain(caseId: string, events: readonly CaseEvent[], entry: PendingCommand): { ok: true; events: CaseEvent[] } | { ok: false; reason: string; present?: boolean } {
    if (isImported(entry)) {
      // Facts from another desk are not decided again: they go as they are, or not at all.
      if (entry.kind === 'create') {
        if (events.length === 0) return { ok: true, events: entry.events };
        // The same case (a data file imported on two consoles): present already when the team holds all of it.
        if (sameEvents(events.slice(0, 1), entry.events.slice(0, 1))) {
          if (sameEvents(events.slice(0, entry.events.length), entry.events)) return { ok: false, present: true, reason: `${caseId} is on the team already` };
          return { ok: false, reason: `the team holds ${caseId} already, and its history differs from the one imported here; the team's is kept` };
        }
        return { ok: false, reason: `the key ${caseId} is already taken on the team` };
      }
      if (events.length === entry.baseVersion) return { ok: true, events: entry.events };
      return { ok: false, reason: `${caseId} changed on the team while the import waited to be sent; import the file again to add what it brings to the case as it now stands` };
    }
    if (entry.kind === 'create') {
      if (events.length > 0) return { ok: false, reason: `the key ${caseId} is already taken on the team` };
      const decision = decideLog(caseId, entry.command, this.deps.decideContext(entry.actor, entry.at));
      return decision.ok ? decision : { ok: false, reason: decision.reason };
    }
    if (events.length === 0) return { ok: false, reason: `the team has no case ${caseId}` };
    // Decided again at its own time, but never before what the team already holds.
    const latest = Date.parse(events.at(-1)!.recordedAt);
    const decision = decide(foldCase({ id: caseId, events: [...events] }), entry.command, this.deps.decideContext(entry.actor, Math.max(entry.at, latest)));
    return decision.ok ? decision : { ok: false, reason: decision.reason };
  }

  async #replace(record: CaseRecord): Promise<CaseRecord> {
    if (!this.deps.store.replace) throw new Error('this case store cannot take the team\'s order of events');
    return this.deps.store.replace(record);
  }

  async #saveState(): Promise<void> {
    await this.#stateFile.write(this.#state);
  }
}
