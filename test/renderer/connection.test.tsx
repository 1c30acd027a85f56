import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ConnectionStatus, DeskConnection } from '../../src-renderer/api';
import { caseRecord, NOW, renderApp } from './render-app';

/** The host's connection as the socket client reports it, switched by the test. */
function fakeConnection() {
  let status: ConnectionStatus = { state: 'open' };
  const listeners = new Set<(status: ConnectionStatus) => void>();
  const retries: number[] = [];
  const connection: DeskConnection = {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retryNow: () => void retries.push(1),
  };
  return {
    connection,
    retries,
    set(next: ConnectionStatus) {
      status = next;
      act(() => {
        for (const listener of listeners) listener(next);
      });
    },
  };
}

/** The console has other live regions; the banner is the alert that speaks of the connection. */
const banner = () => screen.queryAllByRole('alert').find((alert) => /Connection lost/.test(alert.textContent ?? '')) ?? null;

const RELOADED = ['cases.list', 'settings.get', 'reviews.deadlines', 'system.info', 'notifications.list'];

async function consoleWithOpenCase() {
  const host = fakeConnection();
  const user = userEvent.setup();
  const rendered = renderApp({ cases: [caseRecord({ id: 'RD-1001', title: 'Queue stuck' })], connection: host.connection });
  await user.click(await screen.findByRole('cell', { name: 'RD-1001' }));
  const panel = screen.getByRole('complementary', { name: /RD-1001/ });
  return { host, user, panel, ...rendered };
}

describe('the connection is visible', { timeout: 20_000 }, () => {
  it('shows no banner while connected, and actions are enabled', async () => {
    const { panel } = await consoleWithOpenCase();
    expect(banner()).toBeNull();
    expect(within(panel).getByRole('button', { name: 'Acknowledge' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'New case' })).toBeEnabled();
  });

  it('says the connection is lost and when it retries, and disables actions with that reason', async () => {
    const { host, panel } = await consoleWithOpenCase();
    host.set({ state: 'lost', attempts: 2, retryAt: Date.parse(NOW) + 2000 });
    expect(banner()).toHaveTextContent('Connection lost. The console cannot reach its host. Retrying in 2 s. Actions are unavailable until the connection is back.');
    const acknowledge = within(panel).getByRole('button', { name: 'Acknowledge' });
    expect(acknowledge).toBeDisabled();
    expect(acknowledge.closest('fieldset')).toHaveAccessibleDescription(/Connection lost/);
    expect(within(panel).getByRole('button', { name: 'Close panel' })).toBeEnabled();
    const newCase = screen.getByRole('button', { name: 'New case' });
    expect(newCase).toBeDisabled();
    expect(newCase).toHaveAttribute('title', 'Unavailable: the connection to the console is lost.');
    host.set({ state: 'lost', attempts: 2, retryAt: null });
    expect(banner()).toHaveTextContent('Reconnecting now…');
  });

  it('tries again at once from the banner', async () => {
    const { host, user } = await consoleWithOpenCase();
    host.set({ state: 'lost', attempts: 1, retryAt: Date.parse(NOW) + 5000 });
    await user.click(within(banner()!).getByRole('button', { name: 'Retry now' }));
    expect(host.retries).toHaveLength(1);
  });

  it('reloads every store when the connection comes back, and the banner goes', async () => {
    const { host, fake, panel } = await consoleWithOpenCase();
    host.set({ state: 'lost', attempts: 1, retryAt: Date.parse(NOW) + 500 });
    const before = fake.calls.length;
    host.set({ state: 'open' });
    expect(banner()).toBeNull();
    await act(async () => {
      await Promise.resolve();
    });
    const asked = fake.calls.slice(before).map((call) => call.name);
    for (const name of RELOADED) expect(asked, name).toContain(name);
    expect(within(panel).getByRole('button', { name: 'Acknowledge' })).toBeEnabled();
  });
});
