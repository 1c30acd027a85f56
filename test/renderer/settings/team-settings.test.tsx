import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_SETTINGS, type Settings, type SettingsUpdate } from '../../../src-shared/settings';
import { createFakeDesk } from '../fake-desk';
import { renderSettings, updatesSent } from './render-settings';

const teamSettings: Settings = {
  ...DEFAULT_SETTINGS,
  engineerName: 'Cy Park',
  team: { server: 'db.example.com:5432/support', versions: { rootCauseCategories: { version: 3, by: 'Ana Lopez', at: '2026-11-26T09:00:00.000Z' } } },
};
const teamView = { ok: true, value: { connection: 'online', server: 'db.example.com:5432/support', source: 'settings', email: '', pending: 0, leader: false, refusals: [], members: [] } } as const;
const conflictMessage =
  "Ben Ode changed the team's root-cause categories while you were editing them, so nothing was saved. Settings now show the team's root-cause categories; make your change again on top of them.";

describe('team settings in the editor', { timeout: 30_000 }, () => {
  it('names the version a shared section was edited from; refused, it shows why and the team\'s section, and keeps the other edits', async () => {
    const user = userEvent.setup({ delay: null });
    const teams: Settings = { ...teamSettings, rootCauseCategories: ['Network', 'Database'], team: { ...teamSettings.team!, versions: { rootCauseCategories: { version: 4, by: 'Ben Ode', at: '2026-11-26T10:00:00.000Z' } } } };
    const fake = createFakeDesk({
      'settings.get': () => ({ ok: true, value: teamSettings }),
      'team.status': () => teamView,
      'settings.update': () => {
        // As the core does: the team's settings are applied (and announced) before the refusal returns.
        fake.push('settings.changed', { settings: teams });
        return { ok: false, error: { code: 'CONFLICT', message: conflictMessage, issues: [{ path: 'rootCauseCategories', message: 'changed by Ben Ode since you began editing' }] } };
      },
    });
    renderSettings(fake);
    const name = await screen.findByRole('textbox', { name: 'Engineer name' });
    await user.clear(name);
    await user.type(name, 'Cy Parker');
    const categories = screen.getByRole('textbox', { name: 'Categories' });
    await user.clear(categories);
    await user.type(categories, 'Mine');
    await act(() => user.click(screen.getByRole('button', { name: 'Save settings' })));
    const sent = updatesSent(fake) as SettingsUpdate[];
    expect(sent).toEqual([{ engineerName: 'Cy Parker', rootCauseCategories: ['Mine'], baseVersions: { rootCauseCategories: 3 } }]);
    expect((await screen.findByRole('alert')).textContent).toBe(`Not saved: ${conflictMessage}`);
    // The settings as they now stand: the team's categories; the personal edit is still there to save.
    expect(screen.getByRole('textbox', { name: 'Categories' })).toHaveValue('Network\nDatabase');
    expect(name).toHaveValue('Cy Parker');
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeEnabled();
  });

  it('says a shared section changed by the team meanwhile will be refused, not replaced', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = createFakeDesk({ 'settings.get': () => ({ ok: true, value: teamSettings }), 'team.status': () => teamView });
    renderSettings(fake);
    const categories = await screen.findByRole('textbox', { name: 'Categories' });
    await user.type(categories, '\nMine');
    act(() => fake.push('settings.changed', { settings: { ...teamSettings, rootCauseCategories: ['Theirs'], team: { ...teamSettings.team!, versions: { rootCauseCategories: { version: 4, by: 'Ben Ode', at: '2026-11-26T10:00:00.000Z' } } } } }));
    expect(screen.getByText(/^Changed by the team while you edited them: Root-cause categories\. Saving is refused for them/)).toBeInTheDocument();
    expect(screen.queryByText(/Also changed elsewhere/)).not.toBeInTheDocument();
  });
});
