import { DEFAULT_POLICY } from '../../../src-shared/sla';
import { DEFAULT_SETTINGS, type Settings } from '../../../src-shared/settings';
import { Workstation, ack, until, useTeamServer } from './workstations';

const postgres = useTeamServer();
const team = (...members: Array<[name: string, initial?: Partial<Settings>]>) => postgres.team(...members);

const settingsOf = (station: Workstation) => station.core.settings.get();
const versionOf = (station: Workstation, section: 'policy' | 'templates' | 'rootCauseCategories') => settingsOf(station).team?.versions[section]?.version ?? 0;
const save = (station: Workstation, update: Parameters<Workstation['core']['handlers']['settings.update']>[0]) => station.core.handlers['settings.update'](update);
const refusal = async (work: Promise<unknown>) => work.then(() => undefined, (error: unknown) => error as { code: string; message: string });
const withHoliday = (policy: Settings['policy'], day: string): Settings['policy'] => ({
  ...policy,
  calendars: policy.calendars.map((calendar) => ({ ...calendar, holidays: [...calendar.holidays, day] })),
});

/** The default policy with a third plan, "Gold". */
const withGold = (policy: Settings['policy']): Settings['policy'] => ({ ...policy, plans: [...policy.plans, { ...structuredClone(policy.plans[0]!), id: 'gold', name: 'Gold' }] });

// A limit for hangs on a loaded machine, not for speed.
describe('shared team settings on PostgreSQL', { timeout: 90_000 }, () => {
  it('the first console seeds the team with its settings; a console joining later takes them and keeps its personal ones', async () => {
    const categories = ['Network', 'Database', 'Human error'];
    const [ana, ben] = await team(
      ['Ana Lopez', { rootCauseCategories: categories, templates: { ...DEFAULT_SETTINGS.templates, progressUpdate: 'Update on {case}: {status}.' } }],
      ['Ben Ode', { notifications: { ...DEFAULT_SETTINGS.notifications, leadMinutes: { P1: 5, P2: 10, P3: 60, P4: 60 } } }],
    );
    expect(settingsOf(ben!).rootCauseCategories).toEqual(categories);
    expect(settingsOf(ben!).templates.progressUpdate).toBe('Update on {case}: {status}.');
    // Personal preferences stay each console's own.
    expect(settingsOf(ben!).notifications.leadMinutes.P1).toBe(5);
    expect(settingsOf(ana!).notifications.leadMinutes.P1).toBe(DEFAULT_SETTINGS.notifications.leadMinutes.P1);
    expect(settingsOf(ben!).engineerName).toBe('Ben Ode');
    expect(settingsOf(ben!).team?.versions.rootCauseCategories).toMatchObject({ version: 1, by: 'Ana Lopez' });
  });

  it('an edit on one of three consoles applies on the others without a restart, with the policy history and re-judged clocks; a personal edit stays local', async () => {
    const [ana, ben, cy] = await team(['Ana Lopez'], ['Ben Ode'], ['Cy Park']);
    const benPolicies: unknown[] = [];
    ben!.core.bus.on('settings.changed', ({ settings }) => benPolicies.push(settings.policy));
    ana!.clock.advance(60_000);
    const saved = await save(ana!, { policy: withHoliday(settingsOf(ana!).policy, '2026-12-24'), baseVersions: { policy: versionOf(ana!, 'policy') } });
    expect(saved.team?.versions.policy).toMatchObject({ version: 2, by: 'Ana Lopez' });
    for (const other of [ben!, cy!]) {
      await until(() => versionOf(other, 'policy') === 2, `${other.name} takes the new policy`);
      expect(settingsOf(other).policy.calendars[0]!.holidays).toEqual(['2026-12-24']);
      // The same history as the author's: clocks that ended before are judged by the old policy everywhere.
      expect(settingsOf(other).policyHistory).toEqual(saved.policyHistory);
    }
    expect(saved.policyHistory.length).toBeGreaterThan(0);
    // A new policy object reached Ben's listeners (the runtime re-arms, the reports re-judge running clocks).
    expect(benPolicies.at(-1)).toBe(settingsOf(ben!).policy);
    expect(benPolicies.at(-1)).not.toBe(DEFAULT_POLICY);

    await save(cy!, { notifications: { ...DEFAULT_SETTINGS.notifications, leadMinutes: { P1: 1, P2: 2, P3: 3, P4: 4 } }, backups: { keep: 3 } });
    await save(cy!, { templates: { ...DEFAULT_SETTINGS.templates, resolution: '{case} is resolved.' } });
    await until(() => settingsOf(ana!).templates.resolution === '{case} is resolved.', 'Ana takes the templates');
    expect(settingsOf(ana!).notifications).toEqual(DEFAULT_SETTINGS.notifications);
    expect(settingsOf(ana!).backups.keep).toBe(DEFAULT_SETTINGS.backups.keep);
  });

  it('concurrent edits: different sections merge; the same section is refused to the second author with who changed it, and the settings as they now stand', async () => {
    const [ana, ben, cy] = await team(['Ana Lopez'], ['Ben Ode'], ['Cy Park']);
    // Both began from the same versions; each changes another section.
    const base = { templates: versionOf(ana!, 'templates'), rootCauseCategories: versionOf(ana!, 'rootCauseCategories') };
    await Promise.all([
      save(ana!, { templates: { ...DEFAULT_SETTINGS.templates, workaround: 'Workaround: {workaround}' }, baseVersions: { templates: base.templates } }),
      save(ben!, { rootCauseCategories: ['Bug', 'Config'], baseVersions: { rootCauseCategories: base.rootCauseCategories } }),
    ]);
    for (const station of [ana!, ben!, cy!]) {
      await until(() => settingsOf(station).rootCauseCategories.join() === 'Bug,Config' && settingsOf(station).templates.workaround === 'Workaround: {workaround}', `${station.name} holds both edits`);
    }

    // Now both edit the categories, from the same version, at once: one is saved, the other refused.
    const from = versionOf(ana!, 'rootCauseCategories');
    const [anaSave, benSave] = await Promise.all([
      refusal(save(ana!, { rootCauseCategories: ['Ana A', 'Ana B'], baseVersions: { rootCauseCategories: from } })),
      refusal(save(ben!, { rootCauseCategories: ['Ben A'], baseVersions: { rootCauseCategories: from } })),
    ]);
    const outcomes = [anaSave, benSave];
    expect(outcomes.filter((outcome) => outcome === undefined)).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome !== undefined)!;
    const [winner, loser] = anaSave === undefined ? [ana!, ben!] : [ben!, ana!];
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(
      `${winner.name} changed the team's root-cause categories while you were editing them, so nothing was saved. Settings now show the team's root-cause categories; make your change again on top of them.`,
    );
    const kept = settingsOf(winner).rootCauseCategories;
    // The author of the refused edit sees the team's categories at once.
    expect(settingsOf(loser).rootCauseCategories).toEqual(kept);
    expect(versionOf(loser, 'rootCauseCategories')).toBe(from + 1);
    await until(() => JSON.stringify(settingsOf(cy!).rootCauseCategories) === JSON.stringify(kept), 'Cy holds the saved categories');

    // A form still open on the old version is refused too, by the version it names.
    const stale = await refusal(save(loser, { rootCauseCategories: ['Late'], baseVersions: { rootCauseCategories: from } }));
    expect(stale).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`${winner.name} changed the team's root-cause categories`) });
    expect(settingsOf(loser).rootCauseCategories).toEqual(kept);
  });

  it('offline, a team settings edit is refused with the reason and a personal one saves; on reconnect the console catches up and its edit then goes through', async () => {
    const [ana, ben] = await team(['Ana Lopez'], ['Ben Ode']);
    ben!.link.cut();
    await until(() => ben!.team.status().connection === 'offline', 'Ben offline');
    const before = settingsOf(ben!);
    const offline = await refusal(save(ben!, { rootCauseCategories: ['Offline'], backups: { keep: 2 }, baseVersions: { rootCauseCategories: versionOf(ben!, 'rootCauseCategories') } }));
    expect(offline).toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringMatching(/^The team's root-cause categories change for the whole team, and the team server cannot be reached now, so nothing was saved\./) });
    // All or none: nothing of that save was kept.
    expect(settingsOf(ben!)).toEqual(before);
    await save(ben!, { backups: { keep: 2 } });
    expect(settingsOf(ben!).backups.keep).toBe(2);

    // Meanwhile Ana changes the policy; Ben sees it when he is back.
    await save(ana!, { policy: withHoliday(settingsOf(ana!).policy, '2026-12-31'), baseVersions: { policy: versionOf(ana!, 'policy') } });
    ben!.link.restore();
    await until(() => versionOf(ben!, 'policy') === 2, 'Ben caught up with the policy');
    expect(settingsOf(ben!).policy.calendars[0]!.holidays).toEqual(['2026-12-31']);
    expect(settingsOf(ben!).backups.keep).toBe(2);

    await save(ben!, { rootCauseCategories: ['Back online'], baseVersions: { rootCauseCategories: versionOf(ben!, 'rootCauseCategories') } });
    await until(() => settingsOf(ana!).rootCauseCategories.join() === 'Back online', 'Ana takes Ben\'s categories');
  });

  it('a team policy that drops the plan of a case open only here is held back, with the reason in the Team section, and taken once that case is closed', async () => {
    const policy = withGold(DEFAULT_POLICY);
    const [ana] = await team(['Ana Lopez', { policy }]);
    const url = ana!.teamUrl;
    // Ben worked alone before joining: his case on Gold keeps its RD- key and stays on his console.
    const ben = await postgres.alone('Ben Ode', url, { policy });
    const local = await ben.create({ title: 'Legacy contract', plan: 'gold' });
    expect(local.id).toMatch(/^RD-/);
    await ben.joinNow();
    await until(() => versionOf(ben, 'policy') === 1, 'Ben holds the team policy');

    // Ana removes Gold: no case of the team uses it, so her console saves it.
    const withoutGold = { ...settingsOf(ana!).policy, plans: settingsOf(ana!).policy.plans.filter((plan) => plan.id !== 'gold') };
    await save(ana!, { policy: withoutGold, baseVersions: { policy: 1 } });
    await save(ana!, { rootCauseCategories: ['After Gold'], baseVersions: { rootCauseCategories: versionOf(ana!, 'rootCauseCategories') } });
    // Ben takes the other section, not the policy: his open case would lose its plan.
    await until(() => settingsOf(ben).rootCauseCategories.join() === 'After Gold', 'Ben takes the categories');
    await until(async () => (await ben.core.handlers['team.status']({})).settingsProblem !== undefined, 'Ben is told why');
    expect(versionOf(ben, 'policy')).toBe(1);
    expect(settingsOf(ben).policy.plans.map((plan) => plan.id)).toContain('gold');
    expect((await ben.core.handlers['team.status']({})).settingsProblem).toBe(
      `Ana Lopez's change to the team's plans, calendars and holidays (version 2) is not applied on this console: plan "Gold" would be removed, used by open case ${local.id} here. ` +
        "This console keeps its plans, calendars and holidays until those cases are closed, then takes the team's; its own policy edits are refused until then.",
    );

    // Once the case is closed the team's policy is taken, and the Team section says nothing more.
    await ben.act(local.id, ack);
    await ben.act(local.id, { type: 'resolve', criterion: 'serviceRestored', method: 'configurationChange', summary: 'Done.' });
    await ben.act(local.id, { type: 'close', customerConfirmation: 'Confirmed.' });
    await until(() => versionOf(ben, 'policy') === 2, 'Ben takes the team policy once the case is closed');
    expect(settingsOf(ben).policy.plans.map((plan) => plan.id)).not.toContain('gold');
    expect((await ben.core.handlers['team.status']({})).settingsProblem).toBeUndefined();
  });

  it('after a restart the console keeps the team versions it holds and takes what changed while it was off', async () => {
    const [ana, ben] = await team(['Ana Lopez'], ['Ben Ode']);
    await ben!.core.close();
    await save(ana!, { rootCauseCategories: ['While Ben was away'], baseVersions: { rootCauseCategories: versionOf(ana!, 'rootCauseCategories') } });
    await ben!.boot();
    await until(() => settingsOf(ben!).rootCauseCategories.join() === 'While Ben was away', 'Ben takes the categories changed while he was off');
    expect(versionOf(ben!, 'rootCauseCategories')).toBe(2);
  });
});
