import type { CaseRecord } from '../../../src-shared/domain';
import { converge, settle, until, useTeamServer } from './workstations';

const postgres = useTeamServer();

const lackOfProgress = (record: CaseRecord | undefined) =>
  (record?.events ?? []).filter((event) => event.type === 'escalated' && event.data.trigger === 'lackOfProgress');

// A limit for hangs on a loaded machine, not for speed.
describe('who decides automatic escalations in a team', { timeout: 90_000 }, () => {
  it('a workstation that loses the server while the leader is gone escalates a Premium P1 on time by itself, and the team keeps one escalation', async () => {
    const url = await postgres.server.database();
    const ana = await postgres.join('Ana Lopez', url);
    await until(() => ana.team.status().leader, 'Ana leads');
    const ben = await postgres.join('Ben Ode', url);
    await until(() => ben.team.status().connection === 'online', 'Ben online');
    const p1 = await ana.create({ title: 'Payments down', plan: 'premium', severity: 'P1' });
    await converge([ana, ben]);
    await settle([ana, ben]);
    expect(ben.team.status().leader).toBe(false);
    // Ben snoozes its reminders and is past its initial-response target (due at 1 h; the
    // escalation for lack of progress at 2 h): nothing else re-arms the case on his console.
    await ben.core.handlers['runtime.snooze']({ caseId: p1.id, minutes: 8 * 60 });
    ben.clock.advance(70 * 60_000);
    await ben.core.runtime.idle();

    // Ben, not the leader, loses the server; then the leader's console closes.
    ben.link.cut();
    await until(() => ben.team.status().connection === 'offline', 'Ben offline');
    await ana.core.close();

    // Nobody acknowledges the case: past the lack-of-progress threshold, Ben's console escalates by itself.
    ben.clock.advance(60 * 60_000);
    await until(async () => lackOfProgress((await ben.cases()).get(p1.id)).length === 1, 'Ben escalated the case offline');
    await ben.core.runtime.idle();
    const notes = await ben.core.handlers['notifications.list']({});
    expect(notes.some((note) => note.caseId === p1.id && note.body.includes('for lack of progress'))).toBe(true);
    expect(ben.team.status().pending).toBe(1);

    // The leader comes back (its own clock past the threshold too) and Ben's link returns.
    ana.clock.advance(3 * 60 * 60_000);
    await ana.boot();
    ben.link.restore();
    await converge([ana, ben]);
    for (const station of [ana, ben]) {
      const escalations = lackOfProgress((await station.cases()).get(p1.id));
      expect(escalations.map((event) => (event.type === 'escalated' ? event.data.level : ''))).toEqual(['management']);
    }
  });

  it('a workstation back online under another leader disarms the escalations it armed offline', async () => {
    const url = await postgres.server.database();
    const ana = await postgres.join('Ana Lopez', url);
    await until(() => ana.team.status().leader, 'Ana leads');
    const ben = await postgres.join('Ben Ode', url);
    const p1 = await ana.create({ title: 'Login down', plan: 'premium', severity: 'P1' });
    await converge([ana, ben]);

    // Offline, Ben decides alone: a note re-arms the case with its escalation.
    await ben.core.handlers['runtime.snooze']({ caseId: p1.id, minutes: 8 * 60 });
    ben.clock.advance(70 * 60_000);
    ben.link.cut();
    await until(() => ben.team.status().connection === 'offline', 'Ben offline');
    await ben.act(p1.id, { type: 'addNote', text: 'Looking at the gateway.' });
    ben.link.restore();
    await converge([ana, ben]);
    await settle([ana, ben]);
    expect(ben.team.status().leader).toBe(false);

    // Past the threshold on Ben's clock only: the leader decides, so Ben makes no escalation.
    ben.clock.advance(60 * 60_000);
    await ben.core.runtime.idle();
    expect(lackOfProgress((await ben.cases()).get(p1.id))).toHaveLength(0);
    expect(ben.team.status().pending).toBe(0);

    ana.clock.advance(3 * 60 * 60_000);
    await until(async () => lackOfProgress((await ben.cases()).get(p1.id)).length === 1, 'Ana\'s escalation reached Ben');
    await converge([ana, ben]);
    expect(lackOfProgress((await ana.cases()).get(p1.id))).toHaveLength(1);
  });
});
