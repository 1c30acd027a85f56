import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import type { CaseRecord } from '../../../src-shared/domain';
import { bundleChunks } from '../../../src-main/core/data/bundle-file';
import { jsm, zendesk } from '../import/requests';
import { Workstation, converge, settle, until, useTeamServer } from './workstations';

const postgres = useTeamServer();

const ticketOf = (record: CaseRecord) => {
  const first = record.events[0];
  return first?.type === 'logged' && first.data.origin ? `${first.data.origin.source}|${first.data.origin.externalId}` : undefined;
};

/** The keys of the cases a console holds for each service desk ticket. */
async function keysByTicket(station: Workstation): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const record of (await station.cases()).values()) {
    const ticket = ticketOf(record);
    if (ticket) out.set(ticket, [...(out.get(ticket) ?? []), record.id]);
  }
  return out;
}

/** What the team's database holds: each case's key and its ticket (from its logged event). */
async function teamCases(url: string): Promise<Array<{ key: string; ticket: string | null }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ key: string; ticket: string | null }>(
      `SELECT c.case_id AS key, (e.event #>> '{data,origin,source}') || '|' || (e.event #>> '{data,origin,externalId}') AS ticket
       FROM rd_cases c JOIN rd_events e ON e.case_id = c.case_id AND e.version = 1 ORDER BY c.case_id`,
    );
    return rows.rows;
  } finally {
    await client.end();
  }
}

async function offline(...stations: Workstation[]): Promise<void> {
  for (const station of stations) {
    station.link.cut();
    await until(() => station.team.status().connection === 'offline', `${station.name} offline`);
  }
}

const noteTexts = (record: CaseRecord | undefined) => (record?.events ?? []).flatMap((event) => (event.type === 'noteAdded' ? [`${event.actor}: ${event.data.text}`] : []));

// A limit for hangs on a loaded machine, not for speed.
describe('the same export imported on two consoles while offline', { timeout: 120_000 }, () => {
  it('is one case per ticket once both sync: the second console merges its copy into the team\'s case, and its changes to the copy survive there', async () => {
    const [ana, ben] = await postgres.team('Ana Lopez', 'Ben Ode');
    await offline(ana!, ben!);
    const onAna = await ana!.core.serviceDesk.run(zendesk());
    const onBen = await ben!.core.serviceDesk.run(zendesk());
    expect(onBen.created).toBe(onAna.created);
    expect(onAna.created).toBeGreaterThan(1);

    // Each engineer works on their own copy of the same open ticket before either syncs.
    const anaCases = await keysByTicket(ana!);
    const benCases = await keysByTicket(ben!);
    const open = new Set(ben!.core.cases.list().map((record) => record.id));
    const [ticket] = [...benCases].find(([, [key]]) => open.has(key!)) ?? [];
    expect(ticket).toBeDefined();
    const anaKey = anaCases.get(ticket!)![0]!;
    const benKey = benCases.get(ticket!)![0]!;
    expect(anaKey).toMatch(/^AL-/);
    expect(benKey).toMatch(/^BO-/);
    ben!.clock.advance(60_000);
    await ben!.act(benKey, { type: 'addNote', text: 'Customer sent the HAR file' });
    ana!.clock.advance(30_000);
    await ana!.act(anaKey, { type: 'addNote', text: 'Reproduced on staging' });

    // Ana reaches the team first, then Ben.
    ana!.link.restore();
    await until(() => ana!.team.status().connection === 'online' && ana!.team.status().pending === 0, 'Ana sent her import');
    ben!.link.restore();
    await converge([ana!, ben!]);
    await settle([ana!, ben!]);

    // One case per ticket, on both consoles and in the database, under the key the team had first.
    for (const station of [ana!, ben!]) {
      const byTicket = await keysByTicket(station);
      expect(byTicket.size).toBe(onAna.created);
      for (const keys of byTicket.values()) expect(keys).toHaveLength(1);
      expect(byTicket.get(ticket!)).toEqual([anaKey]);
    }
    const inDb = await teamCases(ana!.teamUrl);
    expect(inDb.filter((row) => row.ticket !== null)).toHaveLength(onAna.created);
    expect(new Set(inDb.map((row) => row.ticket)).size).toBe(inDb.length);
    expect(inDb.every((row) => row.key.startsWith('AL-'))).toBe(true);

    // Both engineers' notes are on the team's case: the team's first (it reached the team first), then Ben's, decided again on top.
    const merged = (await ana!.cases()).get(anaKey);
    expect(noteTexts(merged)).toEqual(['Ana Lopez: Reproduced on staging', 'Ben Ode: Customer sent the HAR file']);
    expect((await ben!.cases()).get(anaKey)).toEqual(merged);
    expect((await ben!.cases()).has(benKey)).toBe(false);

    // Ben is told which of his keys became which of the team's cases; nothing the desk holds is missing from them.
    const merges = ben!.team.status().merges;
    expect(merges).toHaveLength(onAna.created);
    expect(merges.find((merge) => merge.from === benKey)).toMatchObject({ into: anaKey, changes: 1, missing: 0 });
    expect(ben!.team.status().refusals).toEqual([]);
    expect(ben!.core.team!.view()).toMatchObject({ mergedCount: onAna.created, merges: expect.arrayContaining([expect.objectContaining({ from: benKey, into: anaKey, ticket: expect.stringMatching(/^Zendesk ticket /) })]) });

    // Taken away for good: not back after a restart.
    await ben!.restart();
    expect((await ben!.cases()).has(benKey)).toBe(false);
    expect(noteTexts((await ben!.cases()).get(anaKey))).toHaveLength(2);

    // Case keys stay unique: Ben's next case never takes a key the team or his merged copies used.
    const next = await ben!.create({ title: 'After the merge' });
    expect(next.id).toMatch(/^BO-/);
    expect(Number(next.id.slice(3))).toBeGreaterThan(Math.max(...merges.map((merge) => Number(merge.from.slice(3)))));
    await converge([ana!, ben!]);
    const keys = (await teamCases(ana!.teamUrl)).map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain(next.id);
  });

  it('a merge cut short (the copy could not be taken away) is finished when the console starts again', async () => {
    const [ana, ben] = await postgres.team('Ana Lopez', 'Ben Ode');
    await offline(ana!, ben!);
    const onAna = await ana!.core.serviceDesk.run(jsm());
    await ben!.core.serviceDesk.run(jsm());
    const [[ticket, [benKey]]] = [...(await keysByTicket(ben!))].filter(([, [key]]) => ben!.core.cases.list().some((record) => record.id === key));
    await ben!.act(benKey!, { type: 'addNote', text: 'Called the customer' });
    ana!.link.restore();
    await until(() => ana!.team.status().connection === 'online' && ana!.team.status().pending === 0, 'Ana sent her import');

    // Ben's disk refuses to take his copies away: the merge stops after its first durable steps.
    await ben!.core.close();
    ben!.onStore = (store) => {
      store.remove = () => Promise.reject(new Error('disk full'));
    };
    await ben!.boot();
    ben!.link.restore();
    await until(async () => Object.keys(JSON.parse(await readFile(join(ben!.dir, 'team', 'state.json'), 'utf8')).merged).length > 0, 'Ben began a merge');
    await ben!.core.close();
    ben!.onStore = undefined;
    await ben!.boot();
    await converge([ana!, ben!]);

    const byTicket = await keysByTicket(ben!);
    expect(byTicket.size).toBe(onAna.created);
    for (const keys of byTicket.values()) expect(keys).toHaveLength(1);
    const teamKey = byTicket.get(ticket!)![0]!;
    expect(noteTexts((await ben!.cases()).get(teamKey))).toEqual(['Ben Ode: Called the customer']);
    expect((await teamCases(ana!.teamUrl)).length).toBe(onAna.created);
  });

  it('a data file imported on two consoles while offline is one case per key once both sync, with the changes each made to it, and no refusal', async () => {
    // The file: a console of another team, one case logged there and one it imported from Zendesk.
    const [cy] = await postgres.team('Cy Park');
    const logged = await cy!.create({ title: 'Printer on fire' });
    await cy!.core.serviceDesk.run(jsm());
    const file = [...bundleChunks((await cy!.core.data.collect()).bundle)].join('');
    const fromFile = await cy!.cases();

    const [ana, ben] = await postgres.team('Ana Lopez', 'Ben Ode');
    await offline(ana!, ben!);
    await ana!.core.data.importText(file);
    await ben!.core.data.importText(file);
    ana!.clock.advance(30_000);
    await ana!.act(logged.id, { type: 'addNote', text: 'Ana was here' });
    ben!.clock.advance(60_000);
    await ben!.act(logged.id, { type: 'addNote', text: 'Ben was here' });
    ana!.link.restore();
    await until(() => ana!.team.status().connection === 'online' && ana!.team.status().pending === 0, 'Ana sent her import');
    ben!.link.restore();
    await converge([ana!, ben!]);

    for (const station of [ana!, ben!]) {
      expect([...(await station.cases()).keys()].sort()).toEqual([...fromFile.keys()].sort());
      for (const keys of (await keysByTicket(station)).values()) expect(keys).toHaveLength(1);
    }
    // (The engineer name is a personal setting, and the file's stays: both now act as the file's engineer.)
    expect(noteTexts((await ben!.cases()).get(logged.id))).toEqual(['Cy Park: Ana was here', 'Cy Park: Ben was here']);
    expect((await teamCases(ana!.teamUrl)).map((row) => row.key)).toEqual([...fromFile.keys()].sort());
    expect(ben!.team.status()).toMatchObject({ refusals: [], merges: [] });
  });

  it('a team database from before tickets were known learns the tickets of the cases imported so far when a console migrates it', async () => {
    const [ana, ben] = await postgres.team('Ana Lopez', 'Ben Ode');
    const onAna = await ana!.core.serviceDesk.run(zendesk());
    await converge([ana!, ben!]);
    await offline(ben!);
    // As the database was before migration 3: no tickets known.
    const client = new pg.Client({ connectionString: ana!.teamUrl });
    await client.connect();
    try {
      await client.query('DROP TABLE rd_case_origins');
      await client.query('DELETE FROM rd_schema_migrations WHERE version = 3');
    } finally {
      await client.end();
    }
    // Ben's console lost its copy of the team's cases (a new data folder would be the same): it imports the export again, offline.
    await ben!.core.close();
    await rm(join(ben!.dir, 'active'), { recursive: true });
    await rm(join(ben!.dir, 'history'), { recursive: true });
    await rm(join(ben!.dir, 'team'), { recursive: true });
    await ben!.boot();
    const again = await ben!.core.serviceDesk.run(zendesk());
    expect(again.created).toBe(onAna.created);
    ben!.link.restore();
    await converge([ana!, ben!]);
    for (const keys of (await keysByTicket(ben!)).values()) expect(keys).toHaveLength(1);
    expect((await teamCases(ana!.teamUrl)).length).toBe(onAna.created);
  });
});
