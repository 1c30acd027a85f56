import pg from 'pg';
import { foldCase } from '../../../src-shared/domain';
import { TEAM_MIGRATIONS, TEAM_SCHEMA_VERSION, createPostgresServer } from '../../../src-main/core/team';
import { ack, converge, settle, until, useTeamServer } from './workstations';

const postgres = useTeamServer();
const team = (...names: string[]) => postgres.team(...names);

const timeline = (record: { events: ReadonlyArray<{ type: string; actor: string }> }) => record.events.map((event) => `${event.type}:${event.actor}`);

// A limit for hangs on a loaded machine, not for speed.
describe('team mode on PostgreSQL', { timeout: 90_000 }, () => {
  it('creates the schema with versioned migrations, once, and refuses a database newer than the console', async () => {
    const url = await postgres.server.database();
    const link = { onPush: () => undefined, onShared: () => undefined, onLost: () => undefined };
    const first = createPostgresServer({ connectionString: url });
    const second = createPostgresServer({ connectionString: url });
    await Promise.all([first.connect(link), second.connect(link)]);
    await Promise.all([first.disconnect(), second.disconnect()]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const applied = await client.query<{ version: number }>('SELECT version FROM rd_schema_migrations ORDER BY version');
      expect(applied.rows.map((row) => row.version)).toEqual(TEAM_MIGRATIONS.map((migration) => migration.version));
      await client.query('INSERT INTO rd_schema_migrations (version, description) VALUES ($1, $2)', [TEAM_SCHEMA_VERSION + 1, 'from a newer console']);
    } finally {
      await client.end();
    }
    const third = createPostgresServer({ connectionString: url });
    await expect(third.connect(link)).rejects.toThrow(`schema version ${TEAM_SCHEMA_VERSION + 1}, newer than this console knows (${TEAM_SCHEMA_VERSION}); update the console`);
  });

  it('gives each engineer their own case key letters, so keys made offline never collide', async () => {
    const [ana, ben, another] = await team('Ana Lopez', 'Ben Ode', 'Ana Lee');
    expect([ana!.team.status().prefix, ben!.team.status().prefix, another!.team.status().prefix]).toEqual(['AL', 'BO', 'ALA']);
    ana!.link.cut();
    await until(() => ana!.team.status().connection === 'offline', 'Ana offline');
    const offline = await ana!.create({ title: 'Login fails' });
    const online = await another!.create({ title: 'Login fails too' });
    expect(offline.id).toMatch(/^AL-\d+$/);
    expect(online.id).toMatch(/^ALA-\d+$/);
    ana!.link.restore();
    await converge([ana!, ben!, another!]);
    expect([...(await ben!.cases()).keys()].sort()).toEqual([offline.id, online.id].sort());
  });

  it('three workstations on one server share cases: a change on one reaches the others, with the engineer as its actor', async () => {
    const [ana, ben, cy] = await team('Ana Lopez', 'Ben Ode', 'Cy Park');
    const logged = await ana!.create({ title: 'Checkout down', severity: 'P2' });
    // Ben acts on it next: wait for his console too, not only Cy's (each pulls on its own notification).
    for (const station of [ben!, cy!]) await until(async () => (await station.cases()).has(logged.id), `${station.name} sees the case Ana logged`);
    await ben!.act(logged.id, ack);
    await until(async () => (await cy!.cases()).get(logged.id)?.events.length === 2, 'Cy sees the acknowledgement');
    await cy!.act(logged.id, { type: 'addNote', text: 'Seen the same in EU.' });
    await converge([ana!, ben!, cy!]);
    const onAna = (await ana!.cases()).get(logged.id)!;
    expect(timeline(onAna)).toEqual(['logged:Ana Lopez', 'acknowledged:Ben Ode', 'noteAdded:Cy Park']);
    expect(foldCase(onAna).status).toBe('investigating');
  });

  it('decides a conflicting command again against the newer state, and gives a refusal back to its author with the case as it stands', async () => {
    const [ana, ben] = await team('Ana Lopez', 'Ben Ode');
    const { id } = await ana!.create({ title: 'Slow reports' });
    await ana!.act(id, ack);
    await ana!.act(id, { type: 'resolve', criterion: 'serviceRestored', method: 'configurationChange', summary: 'Cache sized up.' });
    await converge([ana!, ben!]);
    // Both act at once, each on the resolved case as they see it: Ben's link is down meanwhile.
    ben!.link.cut();
    await until(() => ben!.team.status().connection === 'offline', 'Ben offline');
    await ana!.act(id, { type: 'close', customerConfirmation: 'Confirmed by phone.' });
    await ben!.act(id, { type: 'reopen', reason: 'Customer says it is slow again.' });
    await ben!.act(id, { type: 'addNote', text: 'Checked the dashboards.' });
    ben!.link.restore();
    await converge([ana!, ben!]);
    const final = (await ana!.cases()).get(id)!;
    // Ana's close came first on the server; Ben's reopen and note were decided again after it, and both still hold.
    expect(final.events.map((event) => event.type)).toEqual(['logged', 'acknowledged', 'resolved', 'closed', 'reopened', 'noteAdded']);
    expect(final.events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ben!.team.status().refusals).toEqual([]);

    // Now a command the newer state refuses: Ben resolves offline while Ana closes first.
    await ana!.act(id, { type: 'resolve', criterion: 'serviceRestored', method: 'configurationChange', summary: 'Index rebuilt.' });
    await converge([ana!, ben!]);
    ben!.link.cut();
    await until(() => ben!.team.status().connection === 'offline', 'Ben offline');
    await ana!.act(id, { type: 'close', customerConfirmation: '' });
    await ben!.act(id, { type: 'postUpdate', channel: 'email', text: 'We are still watching it.' });
    ben!.link.restore();
    await converge([ana!, ben!]);
    const [refusal] = ben!.team.status().refusals;
    expect(refusal).toMatchObject({ caseId: id, command: 'postUpdate', reason: expect.stringMatching(/closed/) });
    expect(foldCase(refusal!.record).status).toBe('closed');
    expect(foldCase((await ben!.cases()).get(id)!).status).toBe('closed');
  });

  it('keeps working while the server is stopped in the middle of work, says how many changes wait, and converges when it is back', async () => {
    const [ana, ben, cy] = await team('Ana Lopez', 'Ben Ode', 'Cy Park');
    const first = await ana!.create({ title: 'Mail delayed' });
    await converge([ana!, ben!, cy!]);
    await postgres.server.stop();
    try {
      await until(() => [ana!, ben!, cy!].every((station) => station.team.status().connection !== 'online'), 'everyone sees the server gone');
      await ben!.act(first.id, ack);
      const second = await cy!.create({ title: 'Invoices wrong', severity: 'P3' });
      await cy!.act(second.id, { type: 'addNote', text: 'Only for EUR.' });
      expect(ben!.team.status()).toMatchObject({ connection: 'offline', pending: 1 });
      expect(cy!.team.status()).toMatchObject({ connection: 'offline', pending: 2 });
      // Local work is durable and visible at once, as without a team.
      expect(foldCase((await ben!.cases()).get(first.id)!).status).toBe('investigating');
    } finally {
      await postgres.server.start();
    }
    await converge([ana!, ben!, cy!]);
    const onAna = await ana!.cases();
    expect(onAna.size).toBe(2);
    expect(foldCase(onAna.get(first.id)!).status).toBe('investigating');
  });

  it('a workstation offline for a day of edits (and restarted meanwhile) loses none of them and converges on reconnect', async () => {
    const [ana, ben] = await team('Ana Lopez', 'Ben Ode');
    const shared = await ana!.create({ title: 'VPN drops' });
    await converge([ana!, ben!]);
    ben!.link.cut();
    await until(() => ben!.team.status().connection === 'offline', 'Ben offline');
    const texts: string[] = [];
    const mine: string[] = [];
    for (let hour = 0; hour < 8; hour++) {
      ben!.clock.advance(60 * 60_000);
      const text = `Hour ${hour}: checked the tunnel.`;
      texts.push(text);
      await ben!.act(shared.id, { type: 'addNote', text });
      mine.push((await ben!.create({ title: `Offline case ${hour}` })).id);
      if (hour === 4) await ben!.restart();
    }
    await ana!.act(shared.id, ack);
    expect(ben!.team.status().pending).toBe(16);
    ben!.link.restore();
    await converge([ana!, ben!]);
    const onAna = await ana!.cases();
    for (const id of mine) expect(onAna.has(id)).toBe(true);
    const notes = onAna.get(shared.id)!.events.flatMap((event) => (event.type === 'noteAdded' ? [event.data.text] : []));
    expect(notes).toEqual(texts);
    expect(onAna.get(shared.id)!.events[1]?.type).toBe('acknowledged');
  });

  it('escalates a Premium P1 for lack of progress once per team: only the leader decides it', async () => {
    const [ana, ben, cy] = await team('Ana Lopez', 'Ben Ode', 'Cy Park');
    const p1 = await ana!.create({ title: 'Payments down', plan: 'premium', severity: 'P1' });
    await converge([ana!, ben!, cy!]);
    await until(() => [ana!, ben!, cy!].filter((station) => station.team.status().leader).length === 1, 'one leader');
    await settle([ana!, ben!, cy!]);
    // Nobody acknowledges it: two hours later it is due for escalation to management on every console.
    for (const station of [ana!, ben!, cy!]) station.clock.advance(3 * 60 * 60_000);
    await until(async () => {
      const record = (await ana!.cases()).get(p1.id)!;
      return record.events.some((event) => event.type === 'escalated' && event.data.trigger === 'lackOfProgress');
    }, 'the escalation reached Ana');
    for (const station of [ana!, ben!, cy!]) station.clock.advance(60_000);
    await converge([ana!, ben!, cy!]);
    const record = (await cy!.cases()).get(p1.id)!;
    const escalations = record.events.filter((event) => event.type === 'escalated');
    expect(escalations.map((event) => (event.type === 'escalated' ? `${event.data.trigger}:${event.data.level}` : ''))).toEqual(['automatic:seniorEngineering', 'lackOfProgress:management']);
    // Only the leader decided it: only its console announced an escalation it made (the others received the event).
    const announced = await Promise.all(
      [ana!, ben!, cy!].map(async (station) => (await station.core.handlers['notifications.list']({})).some((note) => note.body.includes('for lack of progress'))),
    );
    expect(announced).toEqual([ana!, ben!, cy!].map((station) => station.team.status().leader));
    expect(announced.filter(Boolean)).toHaveLength(1);
  });
});
