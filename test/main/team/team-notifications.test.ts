import { foldCase } from '../../../src-shared/domain';
import { Workstation, converge, settle, until, useTeamServer } from './workstations';

const postgres = useTeamServer();

/** The cases whose response or update this console was told falls due, by case. */
async function toldAbout(station: Workstation): Promise<Map<string, string[]>> {
  await station.core.runtime.idle();
  const told = new Map<string, string[]>();
  for (const note of await station.core.handlers['notifications.list']({})) {
    if (!/^(initialResponse|update)/.test(note.kind)) continue;
    told.set(note.caseId, [...(told.get(note.caseId) ?? []), note.kind]);
  }
  return told;
}

const advanceAll = (all: readonly Workstation[], minutes: number) => all.forEach((station) => station.clock.advance(minutes * 60_000));

// A limit for hangs on a loaded machine, not for speed.
describe('due-update notifications in a team', { timeout: 90_000 }, () => {
  it("go to the owner's console only; an unowned P1 or P2 tells everyone; an unowned P3 tells the engineer who logged it", async () => {
    const [ana, ben, cy] = (await postgres.team('Ana Lopez', 'Ben Ode', 'Cy Park')) as [Workstation, Workstation, Workstation];
    const bens = await ana.create({ title: 'Exports fail', plan: 'premium', severity: 'P2' });
    await ana.act(bens.id, { type: 'assignOwner', owner: 'Ben Ode' });
    const unownedP1 = await ana.create({ title: 'Payments down', plan: 'premium', severity: 'P1', owner: '' });
    const cysP3 = await cy.create({ title: 'Typo in invoice', plan: 'premium', severity: 'P3', owner: '' });
    expect([foldCase(unownedP1).owner, foldCase(cysP3).owner]).toEqual([null, null]);
    await converge([ana, ben, cy]);
    await settle([ana, ben, cy]);

    // Premium: P1 due in 1 h, P2 in 2 h, P3 in 4 h; each is "due soon" by 2 h 5 min.
    advanceAll([ana, ben, cy], 125);
    const [toAna, toBen, toCy] = await Promise.all([ana, ben, cy].map(toldAbout));
    expect([...toAna.keys()].sort()).toEqual([unownedP1.id]);
    expect([...toBen.keys()].sort()).toEqual([bens.id, unownedP1.id].sort());
    expect([...toCy.keys()].sort()).toEqual([unownedP1.id, cysP3.id].sort());
    expect(toBen.get(bens.id)).toEqual(expect.arrayContaining(['initialResponseDueSoon', 'initialResponseOverdue']));

    // Ben hands his case to Cy: its reminders follow the owner.
    await ben.act(bens.id, { type: 'assignOwner', owner: 'Cy Park' });
    await until(async () => foldCase((await cy.cases()).get(bens.id)!).owner === 'Cy Park', 'Cy sees she owns the case');
    await until(async () => foldCase((await ana.cases()).get(bens.id)!).owner === 'Cy Park', 'Ana sees Cy owns the case');
    await settle([ana, ben, cy]);
    const benBefore = (await toldAbout(ben)).get(bens.id)?.length ?? 0;
    advanceAll([ana, ben, cy], 40);
    expect((await toldAbout(ben)).get(bens.id)?.length ?? 0).toBe(benBefore);
    expect((await toldAbout(cy)).get(bens.id)).toContain('initialResponseOverdue');
    expect((await toldAbout(ana)).has(bens.id)).toBe(false);
  });

  it('a console that leaves the team is told about every case again', async () => {
    const [ana, ben] = (await postgres.team('Ana Lopez', 'Ben Ode')) as [Workstation, Workstation];
    const bens = await ana.create({ title: 'Slow search', plan: 'premium', severity: 'P3', owner: 'Ben Ode' });
    await converge([ana, ben]);
    await settle([ana, ben]);
    advanceAll([ana], 125);
    expect((await toldAbout(ana)).has(bens.id)).toBe(false);

    await ana.core.handlers['team.leave']({});
    advanceAll([ana], 125);
    expect((await toldAbout(ana)).get(bens.id)).toContain('initialResponseOverdue');
  });
});
