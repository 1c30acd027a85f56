import { bundleChunks } from '../../../src-main/core/data/bundle-file';
import { runImportCommand } from '../../../src-main/core/import/command';
import type { CaseRecord } from '../../../src-shared/domain';
import { fixture, jsm, zendesk } from '../import/requests';
import { Workstation, converge, until, useTeamServer } from './workstations';

const postgres = useTeamServer();


const originOf = (record: CaseRecord) => {
  const first = record.events[0];
  return first?.type === 'logged' && first.data.origin ? `${first.data.origin.source}|${first.data.origin.externalId}` : undefined;
};
/** The cases a console holds that came from a service desk, by origin. */
async function imported(station: Workstation): Promise<Map<string, CaseRecord>> {
  const out = new Map<string, CaseRecord>();
  for (const record of (await station.cases()).values()) {
    const origin = originOf(record);
    if (origin) out.set(origin, record);
  }
  return out;
}

// A limit for hangs on a loaded machine, not for speed.
describe('imports in a team', { timeout: 90_000 }, () => {
  it('a service desk import on one console reaches the others through the outbox, and importing it again elsewhere duplicates nothing', async () => {
    const [ana, ben] = await postgres.team('Ana Lopez', 'Ben Ode');
    const outcome = await ana!.core.serviceDesk.run(zendesk());
    expect(outcome.created).toBeGreaterThan(0);
    await converge([ana!, ben!]);
    const onBen = await imported(ben!);
    expect(onBen.size).toBe(outcome.created);
    // The same timelines, with the team's keys (Ana's letters), each event with its person from the desk.
    const onAna = await imported(ana!);
    for (const [origin, record] of onAna) {
      expect(record.id).toMatch(/^AL-\d+$/);
      expect(onBen.get(origin)).toEqual(record);
    }

    // Ben imports the same export: every ticket is already there, so nothing is created or sent.
    const again = await ben!.core.serviceDesk.run(zendesk());
    expect(again).toMatchObject({ created: 0, updated: 0, alreadyPresent: outcome.created });
    expect(ben!.team.status().pending).toBe(0);
    await converge([ana!, ben!]);
    expect((await imported(ana!)).size).toBe(outcome.created);
  });

  it('a data import in a team sends the file\'s cases the team lacks and keeps the team\'s timeline of the ones it holds, even offline', async () => {
    // An export from a console of another team: its case has that console's letters, its settings that team's versions.
    const [cy] = await postgres.team(['Cy Park', { rootCauseCategories: ['From the file'] }]);
    const elsewhere = await cy!.create({ title: 'Printer on fire' });
    const file = structuredClone((await cy!.core.data.collect()).bundle);
    file.settings.team = { server: cy!.core.team!.view().server!, versions: { rootCauseCategories: { version: 99, by: 'Cy Park', at: '2026-11-26T09:00:00.000Z' } } };

    const [ana, ben] = await postgres.team(['Ana Lopez', { rootCauseCategories: ['Team'] }], 'Ben Ode');
    const mine = await ana!.create({ title: 'Checkout down' });
    await converge([ana!, ben!]);
    ana!.link.cut();
    await until(() => ana!.team.status().connection === 'offline', 'Ana offline');
    await ana!.core.data.importText([...bundleChunks(file)].join(''));
    // Offline: the file's case is queued; Ana's own case is not in the file, so not here for now.
    expect(ana!.team.status().pending).toBe(1);
    expect((await ana!.cases()).has(mine.id)).toBe(false);
    ana!.link.restore();
    await converge([ana!, ben!]);
    // The team's history came back, the file's case reached the team, and Ana's next key follows her own.
    expect([...(await ben!.cases()).keys()].sort()).toEqual([elsewhere.id, mine.id].sort());
    expect((await ana!.cases()).get(mine.id)).toEqual(mine);
    expect((await ana!.create({ title: 'Next one' })).id).toBe(mine.id.replace(/\d+$/, (n) => String(Number(n) + 1)));
    await until(() => ana!.core.settings.get().rootCauseCategories.join() === 'Team', 'Ana holds the team categories');
  });

  it('a settings file brought in by a data import never outranks the team: its team versions are forgotten and the team\'s settings taken, then and later', async () => {
    const [ana, ben] = await postgres.team(['Ana Lopez', { rootCauseCategories: ['Team'] }], 'Ben Ode');
    const file = structuredClone((await ana!.core.data.collect()).bundle);
    // The file claims a newer version of this very team's categories than the team has.
    file.settings.rootCauseCategories = ['From the file'];
    file.settings.team = { server: ana!.core.team!.view().server!, versions: { ...file.settings.team!.versions, rootCauseCategories: { version: 99, by: 'Someone', at: '2026-11-26T09:00:00.000Z' } } };
    await ana!.core.data.importText([...bundleChunks(file)].join(''));
    await until(() => ana!.core.settings.get().rootCauseCategories.join() === 'Team', 'Ana holds the team categories again');
    expect(ana!.core.settings.get().team?.versions.rootCauseCategories?.version).toBe(1);
    // And the team's next change reaches her.
    await ben!.core.handlers['settings.update']({ rootCauseCategories: ['Next'], baseVersions: { rootCauseCategories: 1 } });
    await until(() => ana!.core.settings.get().rootCauseCategories.join() === 'Next', 'Ana takes the team\'s next categories');
  });

  it('the import command on the data folder of a console in a team queues the cases; the console sends them when it starts', async () => {
    const [ana, ben] = await postgres.team('Ana Lopez', 'Ben Ode');
    await ben!.core.close();
    const lines: string[] = [];
    const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
    const status = await runImportCommand(['jsm', fixture('jsm-export.csv').path, '--time-zone', 'Europe/Berlin', '--data-dir', ben!.dir], { dataDir: (given) => given ?? ben!.dir, clock: ben!.clock, io });
    expect({ status, lines }).toMatchObject({ status: 0 });
    await ben!.boot();
    const onBen = await imported(ben!);
    expect(onBen.size).toBeGreaterThan(0);
    await converge([ana!, ben!]);
    const onAna = await imported(ana!);
    expect(onAna.size).toBe(onBen.size);
    for (const [origin, record] of onBen) expect(onAna.get(origin)).toEqual(record);
  });

  it('an import while offline is queued and reaches the team on reconnect; one that fails leaves nothing queued', async () => {
    const [ana, ben] = await postgres.team('Ana Lopez', 'Ben Ode');
    ben!.link.cut();
    await until(() => ben!.team.status().connection === 'offline', 'Ben offline');
    // All or nothing: a file bad at its end changes nothing here and queues nothing for the team.
    await expect(ben!.core.serviceDesk.run(zendesk([fixture('zendesk-bad-line.jsonl')]))).rejects.toThrow(/cannot be imported/);
    expect(ben!.team.status().pending).toBe(0);
    expect((await imported(ben!)).size).toBe(0);

    const outcome = await ben!.core.serviceDesk.run(jsm());
    expect(outcome.created).toBeGreaterThan(0);
    expect(ben!.team.status()).toMatchObject({ connection: 'offline', pending: outcome.created });
    // Restarted while offline: the queue is on disk.
    await ben!.restart();
    expect(ben!.team.status().pending).toBe(outcome.created);
    ben!.link.restore();
    await converge([ana!, ben!]);
    const onAna = await imported(ana!);
    expect(onAna.size).toBe(outcome.created);
    for (const [origin, record] of await imported(ben!)) expect(onAna.get(origin)).toEqual(record);
  });
});
