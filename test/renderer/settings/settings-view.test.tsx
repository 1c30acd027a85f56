import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';
import { createFakeDesk } from '../fake-desk';
import { renderSettings, settingsDesk, updatesSent } from './render-settings';

// The editor renders every plan and calendar at once; under a loaded machine its role queries take seconds.
describe('the settings editor', { timeout: 30_000 }, () => {
  it('loads the saved settings and shows each section under its heading', async () => {
    renderSettings(settingsDesk({ ...DEFAULT_SETTINGS, engineerName: 'Ana Lopez' }));
    expect(await screen.findByRole('textbox', { name: 'Engineer name' })).toHaveValue('Ana Lopez');
    for (const heading of ['Engineer', 'Notifications', 'Plans', 'Calendars', 'Backups']) {
      expect(screen.getByRole('heading', { name: heading })).toBeInTheDocument();
    }
    expect(screen.getByRole('spinbutton', { name: 'Standard P2 update cadence (minutes)' })).toHaveValue(240);
    expect(screen.getByRole('combobox', { name: 'Premium P1 initial response target calendar' })).toHaveDisplayValue('24x7');
    expect(screen.getByRole('spinbutton', { name: 'P1 lead time (minutes)' })).toHaveValue(15);
    expect(screen.getByRole('spinbutton', { name: 'Backups to keep' })).toHaveValue(7);
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  });

  it('sends only the changed section when the engineer name is saved, and says Saved', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = settingsDesk();
    renderSettings(fake);
    const name = await screen.findByRole('textbox', { name: 'Engineer name' });
    await user.clear(name);
    await user.type(name, 'Ana Lopez');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Saved')).toHaveAttribute('role', 'status');
    expect(updatesSent(fake)).toEqual([{ engineerName: 'Ana Lopez' }]);
    expect(fake.current().engineerName).toBe('Ana Lopez');
  });

  it('refuses a negative update cadence next to the field and sends nothing', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = settingsDesk();
    renderSettings(fake);
    const cadence = await screen.findByRole('spinbutton', { name: 'Standard P2 update cadence (minutes)' });
    await user.clear(cadence);
    await user.type(cadence, '-5');
    expect(cadence).toHaveAttribute('aria-invalid', 'true');
    expect(cadence).toHaveAccessibleDescription('must be more than 0 minutes');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Standard P2 update cadence (minutes): must be more than 0 minutes');
    expect(updatesSent(fake)).toEqual([]);
  });

  it('refuses an empty engineer name next to the field and sends nothing', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = settingsDesk();
    renderSettings(fake);
    const name = await screen.findByRole('textbox', { name: 'Engineer name' });
    await user.clear(name);
    expect(name).toHaveAccessibleDescription('engineer name is required');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Engineer name: engineer name is required');
    expect(updatesSent(fake)).toEqual([]);
  });

  it('refuses overlapping working intervals on a day, naming the interval', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = settingsDesk();
    renderSettings(fake);
    await user.click(await screen.findByRole('button', { name: 'Add interval to Business hours (Berlin) Monday' }));
    const start = screen.getByRole('textbox', { name: 'Business hours (Berlin) Monday interval 2 start' });
    expect(start).toHaveValue('17:00');
    await user.clear(start);
    await user.type(start, '16:00');
    expect(start).toHaveAttribute('aria-invalid', 'true');
    expect(start).toHaveAccessibleDescription('interval 16:00-18:00 overlaps 09:00-17:00');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Business hours (Berlin) Monday interval 2: interval 16:00-18:00 overlaps 09:00-17:00');
    expect(updatesSent(fake)).toEqual([]);
  });

  it('refuses a time zone that is not an IANA zone', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = settingsDesk();
    renderSettings(fake);
    const zone = await screen.findByRole('combobox', { name: 'Business hours (Berlin) time zone' });
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    expect(zone).toHaveAccessibleDescription('is not an IANA time zone (e.g. "Europe/Berlin")');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(updatesSent(fake)).toEqual([]);
    await user.clear(zone);
    await user.type(zone, 'America/New_York');
    expect(zone).not.toHaveAttribute('aria-invalid', 'true');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect(fake.current().policy.calendars[0]?.timeZone).toBe('America/New_York');
  });

  it('maps the issues of a refused save to the fields they name', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = createFakeDesk({
      'settings.get': () => ({ ok: true, value: DEFAULT_SETTINGS }),
      'team.status': () => ({ ok: true, value: { connection: 'off', email: '', pending: 0, leader: false, refusals: [], members: [] } }),
      'settings.update': () => ({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'Invalid settings: engineerName: this name is already used on this machine',
          issues: [
            { path: 'engineerName', message: 'this name is already used on this machine' },
            { path: 'policy.plans.1.targets.P3.reviewDue.minutes', message: 'must be at most a year (527040 minutes)' },
          ],
        },
      }),
    });
    renderSettings(fake);
    const name = await screen.findByRole('textbox', { name: 'Engineer name' });
    await user.type(name, ' Two');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Not saved: Invalid settings');
    expect(summary).toHaveTextContent('Premium P3 review due (minutes): must be at most a year (527040 minutes)');
    expect(name).toHaveAccessibleDescription('this name is already used on this machine');
    expect(screen.getByRole('spinbutton', { name: 'Premium P3 review due (minutes)' })).toHaveAttribute('aria-invalid', 'true');
    await user.type(name, '!');
    expect(name).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('discards the draft back to the saved settings', async () => {
    const user = userEvent.setup({ delay: null });
    renderSettings(settingsDesk());
    const keep = await screen.findByRole('spinbutton', { name: 'Backups to keep' });
    await user.clear(keep);
    await user.type(keep, '30');
    const name = screen.getByRole('textbox', { name: 'Engineer name' });
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(keep).toHaveValue(7);
    expect(name).toHaveValue('Engineer');
    expect(name).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  });

  it('adds a plan as a copy of another, with its own id and every target', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = settingsDesk();
    renderSettings(fake);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Copy plan from' }), 'Premium');
    await user.click(screen.getByRole('button', { name: 'Add plan' }));
    expect(screen.getByRole('heading', { name: 'Premium (copy)' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Premium (copy) P1 initial response target (minutes)' })).toHaveValue(60);
    const id = screen.getByRole('textbox', { name: 'Premium (copy) plan id' });
    expect(id).toHaveValue('premium-copy');
    await user.clear(screen.getByRole('textbox', { name: 'Premium (copy) plan name' }));
    await user.type(screen.getByRole('textbox', { name: 'Plan 3 plan name' }), 'Enterprise');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved');
    const plans = fake.current().policy.plans;
    expect(plans.map((plan) => [plan.id, plan.name])).toEqual([['standard', 'Standard'], ['premium', 'Premium'], ['premium-copy', 'Enterprise']]);
    expect(plans[2]?.targets).toEqual(DEFAULT_SETTINGS.policy.plans[1]?.targets);
  });

  it('edits targets, escalation, visibility, review and notifications, and saves them together', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = settingsDesk();
    renderSettings(fake);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Standard P2 initial response target calendar' }), '24x7');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Standard P2 automatic escalation' }), 'Management');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Standard P2 management visibility' }), 'Always');
    await user.click(screen.getByRole('checkbox', { name: 'Standard P4 review required' }));
    const reminder = screen.getByRole('spinbutton', { name: 'P3 reminder interval (minutes)' });
    await user.clear(reminder);
    await user.type(reminder, '60');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved');
    const sent = updatesSent(fake)[0];
    expect(Object.keys(sent ?? {}).sort()).toEqual(['notifications', 'policy']);
    const p2 = sent?.policy?.plans[0]?.targets.P2;
    expect(p2?.initialResponse.calendar).toBe('24x7');
    expect(p2?.autoEscalation).toBe('management');
    expect(p2?.managementVisibility).toBe('always');
    expect(sent?.policy?.plans[0]?.targets.P4.reviewRequired).toBe(true);
    expect(sent?.notifications?.reminderMinutes.P3).toBe(60);
  });

  it('shows settings changed elsewhere when nothing is being edited', async () => {
    const fake = settingsDesk();
    renderSettings(fake);
    await screen.findByRole('textbox', { name: 'Engineer name' });
    fake.push('settings.changed', { settings: { ...DEFAULT_SETTINGS, engineerName: 'Changed elsewhere' } });
    expect(await screen.findByDisplayValue('Changed elsewhere')).toBe(screen.getByRole('textbox', { name: 'Engineer name' }));
  });

  it('edits the settings the console holds, without loading them again, and a save reaches the whole console', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = settingsDesk();
    const stores = renderSettings(fake);
    const name = await screen.findByRole('textbox', { name: 'Engineer name' });
    expect(fake.calls.filter((call) => call.name === 'settings.get')).toHaveLength(1);
    await user.clear(name);
    await user.type(name, 'Ana Lopez');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved');
    expect(stores.settings.getState().settings?.engineerName).toBe('Ana Lopez');
    expect(name).toHaveValue('Ana Lopez');
    expect(screen.getByRole('button', { name: 'Save settings' })).toBeDisabled();
  });

  it('takes in a change saved elsewhere to a section not being edited, keeps the edit, and saves only the edit', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = settingsDesk();
    renderSettings(fake);
    const name = await screen.findByRole('textbox', { name: 'Engineer name' });
    await user.clear(name);
    await user.type(name, 'Ana Lopez');
    act(() => fake.push('settings.changed', { settings: { ...DEFAULT_SETTINGS, backups: { keep: 9 } } }));
    expect(screen.getByRole('spinbutton', { name: 'Backups to keep' })).toHaveValue(9);
    expect(name).toHaveValue('Ana Lopez');
    expect(screen.queryByText(/changed elsewhere/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText('Saved');
    expect(updatesSent(fake)).toEqual([{ engineerName: 'Ana Lopez' }]);
  });

  it('keeps an unsaved edit when its section is changed elsewhere, says so, and Discard shows the saved one', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = settingsDesk();
    renderSettings(fake);
    const name = await screen.findByRole('textbox', { name: 'Engineer name' });
    await user.clear(name);
    await user.type(name, 'Ana Lopez');
    act(() => fake.push('settings.changed', { settings: { ...DEFAULT_SETTINGS, engineerName: 'Bo Chen' } }));
    expect(name).toHaveValue('Ana Lopez');
    expect(screen.getByText(/^Also changed elsewhere while you edited them: Engineer\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(name).toHaveValue('Bo Chen');
    expect(screen.queryByText(/changed elsewhere/)).not.toBeInTheDocument();
    expect(updatesSent(fake)).toEqual([]);
  });

  it('says why the settings could not be loaded', async () => {
    renderSettings(createFakeDesk({ 'settings.get': () => ({ ok: false, error: { code: 'STORAGE', message: 'settings.json is unreadable' } }) }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The settings could not be loaded: settings.json is unreadable');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('Try again asks for the settings again and shows them', async () => {
    const user = userEvent.setup({ delay: null });
    let readable = false;
    renderSettings(
      createFakeDesk({
        'settings.get': () => (readable ? { ok: true, value: { ...DEFAULT_SETTINGS, engineerName: 'Ana Lopez' } } : { ok: false, error: { code: 'STORAGE', message: 'settings.json is unreadable' } }),
      }),
    );
    const alert = await screen.findByRole('alert');
    readable = true;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('textbox', { name: 'Engineer name' })).toHaveValue('Ana Lopez');
  });
});
