import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createCore } from '../../../src-main/core/core';
import { dispatch } from '../../../src-main/core/dispatch';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';
import { createMemoryCaseStore, createMemoryDocument } from '../../../src-main/core/testing/memory-store';
import { fieldLabel, fieldOf } from '../../../src-renderer/features/settings/field-paths';
import type { ErrorIssue, Result, TeamView } from '../../../src-shared/contract';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../../src-shared/settings';
import { createFakeDesk } from '../fake-desk';
import { renderSettings } from './render-settings';

const log = { warn: () => {}, error: () => {} };

async function realCore() {
  return createCore({
    host: 'browser',
    version: 'test',
    dataDir: '/tmp',
    clock: createManualClock('2026-11-26T10:00:00.000Z'),
    store: createMemoryCaseStore(),
    settingsFile: createMemoryDocument(DEFAULT_SETTINGS),
  });
}

/** Settings the core must refuse, one problem in each kind of field the editor shows. */
function brokenPatch(): SettingsPatch {
  const policy = structuredClone(DEFAULT_SETTINGS.policy);
  policy.plans[0]!.targets.P2.updateCadence.minutes = -5;
  policy.plans[1]!.businessCalendarId = 'gone';
  policy.calendars[0]!.timeZone = 'Mars/Olympus';
  policy.calendars[0]!.week.mon = [['09:00', '17:00'], ['16:00', '18:00']];
  policy.calendars[0]!.week.tue = [['9am', '17:00']];
  policy.calendars[0]!.holidays = ['2026-02-30'];
  return {
    engineerName: ' ',
    notifications: { ...DEFAULT_SETTINGS.notifications, reminderMinutes: { ...DEFAULT_SETTINGS.notifications.reminderMinutes, P1: 0 } },
    backups: { keep: 0 },
    policy,
  };
}

function issuesOf(result: Result<unknown>): readonly ErrorIssue[] {
  if (result.ok) throw new Error('the core accepted settings it must refuse');
  return result.error.issues ?? [];
}

describe('issue paths the core reports for settings', { timeout: 30_000 }, () => {
  it('each name a field of the editor', async () => {
    const core = await realCore();
    const issues = issuesOf(await dispatch(core.handlers, 'settings.update', brokenPatch(), log));
    const settings = { ...DEFAULT_SETTINGS, ...brokenPatch() } as Settings;
    expect(issues.map((issue) => fieldLabel(settings, fieldOf(issue.path))).sort()).toEqual(
      [
        'Backups to keep',
        'Business hours (Berlin) Monday interval 2',
        'Business hours (Berlin) Tuesday interval 1 start',
        'Business hours (Berlin) holiday 1',
        'Business hours (Berlin) time zone',
        'Engineer name',
        'P1 reminder interval (minutes)',
        'Premium business calendar',
        'Standard P2 update cadence (minutes)',
      ].sort(),
    );
  });

  it('are shown next to those fields when the core refuses a save', async () => {
    const user = userEvent.setup({ delay: null });
    const core = await realCore();
    const fake = createFakeDesk({
      'settings.get': () => dispatch(core.handlers, 'settings.get', {}, log) as Promise<Result<Settings>>,
      'team.status': () => dispatch(core.handlers, 'team.status', {}, log) as Promise<Result<TeamView>>,
      // Stands in for a core whose rules are stricter than the renderer's copy of the schema.
      'settings.update': () => dispatch(core.handlers, 'settings.update', brokenPatch(), log) as Promise<Result<Settings>>,
    });
    renderSettings(fake);
    const name = await screen.findByRole('textbox', { name: 'Engineer name' });
    await user.type(name, ' Ana');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Not saved: This was not accepted. Engineer name: is required.');
    expect(summary).toHaveTextContent('Business hours (Berlin) Monday interval 2: interval 16:00-18:00 overlaps 09:00-17:00');
    expect(name).toHaveAccessibleDescription('engineer name is required');
    expect(screen.getByRole('spinbutton', { name: 'Standard P2 update cadence (minutes)' })).toHaveAccessibleDescription('must be more than 0 minutes');
    expect(screen.getByRole('combobox', { name: 'Business hours (Berlin) time zone' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Business hours (Berlin) Tuesday interval 1 start' })).toHaveAccessibleDescription(
      'start "9am" is not a time "HH:MM" from 00:00 to 23:59',
    );
    expect(core.settings.get()).toEqual(DEFAULT_SETTINGS);
  });
});
