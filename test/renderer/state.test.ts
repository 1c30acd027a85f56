import { buildQueues, caseViewOf, createCasesStore, createSettingsStore, createSystemStore, overdueCount } from '../../src-renderer/state';
import { DEFAULT_SETTINGS } from '../../src-shared/settings';
import { DEFAULT_POLICY } from '../../src-shared/sla';
import { caseRecord } from './render-app';
import { createFakeDesk } from './fake-desk';

describe('renderer state', () => {
  it('derives a case once per record object and again only for a new record', () => {
    const record = caseRecord({ id: 'RD-1001' });
    const first = caseViewOf(record, DEFAULT_POLICY);
    expect(caseViewOf(record, DEFAULT_POLICY)).toBe(first);
    expect(caseViewOf({ ...record }, DEFAULT_POLICY)).not.toBe(first);
  });

  it('a pushed change replaces only the changed case; the other records keep their identity', () => {
    const a = caseRecord({ id: 'RD-1001' });
    const b = caseRecord({ id: 'RD-1002' });
    const fake = createFakeDesk({});
    const cases = createCasesStore(fake.desk);
    cases.getState().applyChange(a);
    cases.getState().applyChange(b);
    const changed = caseRecord({ id: 'RD-1001', title: 'Changed' }, [{ type: 'noteAdded', at: '2026-11-26T09:10:00.000Z', data: { text: 'n' } }]);
    fake.push('cases.changed', { record: changed });
    expect(cases.getState().byId.get('RD-1001')).toBe(changed);
    expect(cases.getState().byId.get('RD-1002')).toBe(b);
  });

  it('drops a case merged into the team\'s case of the same ticket, and holds that one', () => {
    const fake = createFakeDesk();
    const cases = createCasesStore(fake.desk);
    const copy = caseRecord({ id: 'BO-1005' });
    const other = caseRecord({ id: 'BO-1006' });
    cases.getState().applyChange(copy);
    cases.getState().applyChange(other);
    const team = caseRecord({ id: 'AL-1005' }, [{ type: 'noteAdded', at: '2026-11-26T09:10:00.000Z', data: { text: 'n' } }]);
    fake.push('cases.merged', { id: 'BO-1005', into: team });
    expect([...cases.getState().byId].map((record) => record.id).sort()).toEqual(['AL-1005', 'BO-1006']);
    expect(cases.getState().byId.get('AL-1005')).toBe(team);
    expect(cases.getState().byId.size).toBe(2);
  });

  it('counts a queue\'s overdue cases as those past their due time, not those due exactly now', () => {
    const queues = buildQueues(
      [caseRecord({ id: 'RD-1001', plan: 'premium', severity: 'P1', loggedAt: '2026-11-26T08:00:00.000Z' }), caseRecord({ id: 'RD-1002', plan: 'premium', severity: 'P1', loggedAt: '2026-11-26T09:00:00.000Z' })],
      DEFAULT_POLICY,
    );
    expect(overdueCount(queues.P1, Date.parse('2026-11-26T10:00:00.000Z'))).toBe(1);
    expect(overdueCount(queues.P1, Date.parse('2026-11-26T10:00:00.001Z'))).toBe(2);
  });

  it('loads the settings and replaces them when the core announces a change', async () => {
    const fake = createFakeDesk({ 'settings.get': () => ({ ok: true, value: DEFAULT_SETTINGS }) });
    const settings = createSettingsStore(fake.desk);
    await settings.getState().load();
    expect(settings.getState().settings?.engineerName).toBe('Engineer');
    fake.push('settings.changed', { settings: { ...DEFAULT_SETTINGS, engineerName: 'Kim' } });
    expect(settings.getState().settings?.engineerName).toBe('Kim');
  });

  it('asks the core for system.info once however many parts ask, and again only after a failure', async () => {
    let answer: 'fail' | 'ok' = 'fail';
    const info = { version: 't', host: 'electron' as const, dataDir: '/data', storage: { corrupt: [], migrated: [] } };
    const fake = createFakeDesk({ 'system.info': () => (answer === 'ok' ? { ok: true, value: info } : { ok: false, error: { code: 'INTERNAL', message: 'host gone' } }) });
    const system = createSystemStore(fake.desk);
    const asks = () => fake.calls.filter((call) => call.name === 'system.info').length;
    await system.getState().load();
    expect(system.getState()).toMatchObject({ status: 'failed', error: { message: 'host gone' } });
    answer = 'ok';
    await Promise.all([system.getState().load(), system.getState().load()]);
    await system.getState().load();
    expect(asks()).toBe(2);
    expect(system.getState()).toMatchObject({ status: 'ready', info });
  });
});
