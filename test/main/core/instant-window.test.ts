import { dispatch } from '../../../src-main/core/dispatch';
import { createMemoryReviewStore } from '../../../src-main/core/testing/memory-review-store';
import { acknowledge, boot } from '../runtime/boot';

const quiet = { warn: () => undefined, error: () => undefined };
const WINDOW = /must lie between 1970-01-01 and 2100-01-01/;

describe('instants outside 1970-01-01 to 2100-01-01 are refused at the contract', () => {
  it('a case logged in year 0026 (a typo for 2026) is a validation error naming loggedAt, and no case is created', async () => {
    const { core, store } = await boot();
    const result = await dispatch(core.handlers, 'cases.create', { title: 'x', customer: 'y', plan: 'standard', loggedAt: '0026-11-29T10:00:00Z' }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/Logged time: must lie between/), issues: [{ path: 'loggedAt', message: expect.stringMatching(WINDOW) }] } });
    expect(store.openCases()).toEqual([]);
  });

  it('a review timeline entry dated past the window is refused naming its field', async () => {
    const { core, logCase } = await boot({ extra: { reviewStore: createMemoryReviewStore() } });
    const id = await logCase('standard', 'P1');
    await core.handlers['cases.act']({ id, command: acknowledge });
    await core.handlers['cases.act']({ id, command: { type: 'resolve', criterion: 'serviceRestored', method: 'bugFix', summary: 'Fixed' } });
    const { review } = await core.handlers['reviews.start']({ caseId: id });
    const entry = { id: 'added:1', at: '2100-01-01T00:00:00.000Z', kind: 'deploy', text: 'Rollback', actor: 'Ana' };
    const result = await dispatch(core.handlers, 'reviews.save', { caseId: id, baseVersion: review!.version, changes: [{ op: 'addTimelineEntry', entry }] }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'changes.0.entry.at', message: expect.stringMatching(WINDOW) }] } });
  });

  it('a dated holiday outside the window is refused in the settings, naming the calendar field', async () => {
    const { core } = await boot();
    const { policy } = await core.handlers['settings.get']({});
    const calendars = [{ ...policy.calendars[0]!, holidays: ['2026-12-25', '0026-12-25'] }];
    const result = await dispatch(core.handlers, 'settings.update', { policy: { ...policy, calendars } }, quiet);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'policy.calendars.0.holidays.1', message: expect.stringMatching(WINDOW) }] } });
    // a yearly holiday names no year and is fine
    const yearly = await dispatch(core.handlers, 'settings.update', { policy: { ...policy, calendars: [{ ...policy.calendars[0]!, holidays: ['*-12-25', '2099-12-31'] }] } }, quiet);
    expect(yearly.ok).toBe(true);
  });
});
