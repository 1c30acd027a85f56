import type { ReviewChange } from '../../../src-shared/review';
import { Workstation, ack, converge, until, useTeamServer } from './workstations';

const postgres = useTeamServer();
const team = (...names: string[]) => postgres.team(...names);

/** A resolved P1 every workstation holds: it needs a review. */
async function resolvedP1(stations: readonly Workstation[]): Promise<string> {
  const [author] = stations;
  const { id } = await author!.create({ title: 'Payments API returns 502', severity: 'P1' });
  await author!.act(id, ack);
  await author!.act(id, { type: 'resolve', criterion: 'serviceRestored', method: 'configurationChange', summary: 'Pool resized.' });
  await converge(stations);
  return id;
}

const summary = (value: string): ReviewChange[] => [{ op: 'setText', field: 'summary', value }];
const reviewOn = (station: Workstation, caseId: string) => station.core.handlers['reviews.get']({ caseId }).then((view) => view.review);
const refusal = async (work: Promise<unknown>) => work.then(() => undefined, (error: unknown) => error as { code: string; message: string });

// A limit for hangs on a loaded machine, not for speed.
describe('reviews shared across workstations on PostgreSQL', { timeout: 90_000 }, () => {
  it('a review started and edited on one console reaches the others live, with the same versions', async () => {
    const [ana, ben, cy] = await team('Ana Lopez', 'Ben Ode', 'Cy Park');
    const id = await resolvedP1([ana!, ben!, cy!]);
    const seenByCy: number[] = [];
    cy!.core.bus.on('reviews.changed', ({ caseId, version }) => {
      if (caseId === id) seenByCy.push(version);
    });
    const started = await ana!.core.handlers['reviews.start']({ caseId: id });
    expect(started.review?.version).toBe(1);
    for (const station of [ben!, cy!]) await until(async () => (await reviewOn(station, id))?.version === 1, `${station.name} holds the draft`);
    // Ben edits the draft Ana started: his save names the version he saw.
    const saved = await ben!.core.handlers['reviews.save']({ caseId: id, baseVersion: 1, changes: summary('The pool ran dry.') });
    expect(saved).toMatchObject({ version: 2, updatedBy: 'Ben Ode' });
    for (const station of [ana!, cy!]) {
      await until(async () => (await reviewOn(station, id))?.content.summary === 'The pool ran dry.', `${station.name} sees Ben's summary`);
    }
    expect(await reviewOn(cy!, id)).toEqual(saved);
    // Announced as a local save is (the store shows a review before its write is announced).
    await until(() => seenByCy.includes(2), 'Cy told of version 2');
    expect(seenByCy).toEqual([1, 2]);
    // A second start elsewhere opens the same review.
    const again = await cy!.core.handlers['reviews.start']({ caseId: id });
    expect(again.review?.version).toBe(2);
  });

  it('a stale save gets the existing conflict answer, also when the newer version has not reached this console yet', async () => {
    const [ana, ben] = await team('Ana Lopez', 'Ben Ode');
    const id = await resolvedP1([ana!, ben!]);
    await ana!.core.handlers['reviews.start']({ caseId: id });
    await until(async () => (await reviewOn(ben!, id))?.version === 1, 'Ben holds the draft');
    await ana!.core.handlers['reviews.save']({ caseId: id, baseVersion: 1, changes: summary('From Ana.') });
    // Ben's editor still shows version 1: whether or not version 2 arrived, his save is refused the same way.
    const stale = await refusal(ben!.core.handlers['reviews.save']({ caseId: id, baseVersion: 1, changes: summary('From Ben.') }));
    expect(stale).toMatchObject({ code: 'CONFLICT', message: `The review of ${id} changed since version 1 (it is now at version 2); compare both and choose what to keep.` });
    expect((await reviewOn(ben!, id))?.content.summary).toBe('From Ana.');

    // Two saves at once from the same version: one is kept, the other gets the conflict; both consoles hold the kept one.
    const [fromAna, fromBen] = await Promise.all([
      refusal(ana!.core.handlers['reviews.save']({ caseId: id, baseVersion: 2, changes: summary('Ana again.') })),
      refusal(ben!.core.handlers['reviews.save']({ caseId: id, baseVersion: 2, changes: summary('Ben again.') })),
    ]);
    expect([fromAna, fromBen].filter((outcome) => outcome === undefined)).toHaveLength(1);
    expect([fromAna, fromBen].find((outcome) => outcome !== undefined)).toMatchObject({ code: 'CONFLICT' });
    const kept = fromAna === undefined ? 'Ana again.' : 'Ben again.';
    for (const station of [ana!, ben!]) await until(async () => (await reviewOn(station, id))?.content.summary === kept, `${station.name} holds the kept save`);
    expect((await reviewOn(ana!, id))?.version).toBe(3);
    expect((await reviewOn(ben!, id))?.version).toBe(3);
  });

  it('a change that does not name a version (an action item ticked) is decided again on the team\'s newer review, not refused', async () => {
    const [ana, ben] = await team('Ana Lopez', 'Ben Ode');
    const id = await resolvedP1([ana!, ben!]);
    await ana!.core.handlers['reviews.start']({ caseId: id });
    await ana!.core.handlers['reviews.save']({ caseId: id, baseVersion: 1, changes: [{ op: 'addActionItem', item: { id: 'a1', title: 'Alert on pool use', owner: 'ben', due: '2026-12-04', link: '' } }] });
    await until(async () => (await reviewOn(ben!, id))?.version === 2, 'Ben holds the action item');
    // Ana edits while Ben's link is down, so Ben decides on his older copy and the team answers with the newer one.
    ben!.link.cut();
    await until(() => ben!.team.status().connection === 'offline', 'Ben offline');
    await ana!.core.handlers['reviews.save']({ caseId: id, baseVersion: 2, changes: summary('Written while Ben was away.') });
    ben!.link.restore();
    await until(() => ben!.team.status().connection === 'online', 'Ben online');
    const ticked = await ben!.core.handlers['reviews.setActionItem']({ caseId: id, itemId: 'a1', status: 'done' });
    expect(ticked.version).toBe(4);
    expect(ticked.content.summary).toBe('Written while Ben was away.');
    await until(async () => (await reviewOn(ana!, id))?.version === 4, 'Ana holds the ticked item');
    expect((await reviewOn(ana!, id))?.content.actionItems[0]?.status).toBe('done');
  });

  it('offline, a save of a shared review is refused with the reason; on reconnect the console catches up with what changed meanwhile', async () => {
    const [ana, ben] = await team('Ana Lopez', 'Ben Ode');
    const id = await resolvedP1([ana!, ben!]);
    await ana!.core.handlers['reviews.start']({ caseId: id });
    await until(async () => (await reviewOn(ben!, id))?.version === 1, 'Ben holds the draft');
    ben!.link.cut();
    await until(() => ben!.team.status().connection === 'offline', 'Ben offline');
    const offline = await refusal(ben!.core.handlers['reviews.save']({ caseId: id, baseVersion: 1, changes: summary('Written on the train.') }));
    expect(offline).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(new RegExp(`^The review of ${id} is shared with the team, and the team server cannot be reached now, so this change was not saved\\.`)) });
    expect((await reviewOn(ben!, id))?.version).toBe(1);
    await ana!.core.handlers['reviews.save']({ caseId: id, baseVersion: 1, changes: summary('From the office.') });
    ben!.link.restore();
    await until(async () => (await reviewOn(ben!, id))?.content.summary === 'From the office.', 'Ben catches up with the review');
    const saved = await ben!.core.handlers['reviews.save']({ caseId: id, baseVersion: 2, changes: summary('Written after the train.') });
    expect(saved.version).toBe(3);
    await until(async () => (await reviewOn(ana!, id))?.version === 3, 'Ana holds Ben\'s save');
  });
});
