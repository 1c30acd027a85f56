import { join } from 'node:path';
import type { ServiceDeskImportRequest } from '../../../src-main/core/import';
import type { CaseRecord } from '../../../src-shared/domain';
import { Workstation, converge, until, useTeamServer } from './workstations';

const postgres = useTeamServer();

const FIXTURES = join(__dirname, '../../fixtures/import');
const fixture = (name: string) => ({ path: join(FIXTURES, name), name });
const zendesk = (files = [fixture('zendesk-tickets.json'), fixture('zendesk-audits.json')]): ServiceDeskImportRequest => ({
  source: 'zendesk',
  files,
  mapping: { defaultPlan: 'standard', planRules: [{ customer: 'Acme Corp', plan: 'premium' }] },
});
const jsm = (files = [fixture('jsm-export.csv')]): ServiceDeskImportRequest => ({
  source: 'jsm',
  files,
  mapping: { defaultPlan: 'standard', planRules: [{ customer: 'Acme Corp', plan: 'premium' }], priorities: { 'Sev 1': 'P1' } },
  timeZone: 'Europe/Berlin',
});

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
