import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StorageReport } from '../../src-renderer/features/data';
import { DeskProvider, createDeskStores, createNowStore } from '../../src-renderer/state';
import type { SystemInfo } from '../../src-shared/contract';
import { createFakeDesk } from './fake-desk';

const corrupt = {
  file: '/data/settings.json',
  movedTo: '/data/settings.json.corrupt-20261126T100000000Z',
  reason: 'settings.json: engineerName: engineer name is required',
  latestBackup: '/data/backups/2026-11-25/settings.json',
};

function renderReport(storage: SystemInfo['storage']) {
  const fake = createFakeDesk({
    'system.info': () => ({ ok: true, value: { version: 't', host: 'browser', dataDir: '/data', storage } }),
    'data.restoreBackup': ({ file }: { file: string }) => ({ ok: true, value: { file, backup: corrupt.latestBackup, restartRequired: true } }),
  });
  render(
    <DeskProvider stores={createDeskStores(fake.desk, createNowStore(Date.now()))}>
      <StorageReport />
    </DeskProvider>,
  );
  return fake;
}

describe('the data problems found at start-up', () => {
  it('names the unreadable file, why, where it was kept, and offers its latest backup', async () => {
    const user = userEvent.setup();
    const fake = renderReport({ corrupt: [corrupt], migrated: [] });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('settings.json could not be read: settings.json: engineerName: engineer name is required');
    expect(alert).toHaveTextContent('kept aside as /data/settings.json.corrupt-20261126T100000000Z');
    await user.click(screen.getByRole('button', { name: 'Restore settings.json from backup' }));
    expect(fake.calls.filter((call) => call.name === 'data.restoreBackup').map((call) => call.input)).toEqual([{ file: '/data/settings.json' }]);
    expect(await screen.findByText(/restart the console to finish it/)).toBeInTheDocument();
  });

  it('says so when there is no backup to offer', async () => {
    const { latestBackup: _none, ...withoutBackup } = corrupt;
    renderReport({ corrupt: [withoutBackup], migrated: [] });
    expect(await screen.findByText('There is no backup of this file yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows damage found while the console runs as soon as it is pushed, with its restore offer, without asking again', async () => {
    const user = userEvent.setup();
    const fake = renderReport({ corrupt: [], migrated: [] });
    await vi.waitFor(() => expect(fake.calls.map((call) => call.name)).toContain('system.info'));
    const partition = {
      file: '/data/history/2026-11.001.json',
      movedTo: '/data/history/2026-11.001.json.corrupt-20261127T100000000Z',
      reason: '2026-11.001.json: is not valid JSON',
      latestBackup: '/data/backups/2026-11-27/history/2026-11.001.json',
      affects: 'closed cases of November 2026',
      foundWhileRunning: true,
    };
    act(() =>
      fake.push('storage.changed', {
        message: 'history/2026-11.001.json could not be read and was kept aside. Missing until it is restored: closed cases of November 2026.',
        storage: { corrupt: [partition], migrated: [] },
      }),
    );
    const region = await screen.findByRole('region', { name: 'Data problems' });
    expect(within(region).getByRole('status')).toHaveTextContent('history/2026-11.001.json could not be read and was kept aside.');
    expect(within(region).getByRole('alert')).toHaveTextContent('found it damaged while it ran and goes on without it.');
    expect(within(region).getByText('Missing until it is restored: closed cases of November 2026.')).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Restore 2026-11.001.json from backup' }));
    expect(fake.calls.filter((call) => call.name === 'data.restoreBackup').map((call) => call.input)).toEqual([{ file: partition.file }]);
    expect(fake.calls.filter((call) => call.name === 'system.info')).toHaveLength(1);
  });

  it('says a file rebuilt from the data it summarizes is missing nothing, and offers no restore', async () => {
    renderReport({
      corrupt: [{ file: '/data/history/summary.json', movedTo: '/data/history/summary.json.corrupt-1', reason: 'summary.json: is not valid JSON', repaired: 'rebuilt from the 3 history files (5 closed cases); nothing is missing' }],
      migrated: [],
    });
    const region = await screen.findByRole('region', { name: 'Data problems' });
    expect(region).toHaveTextContent('It was rebuilt from the 3 history files (5 closed cases); nothing is missing.');
    expect(within(region).queryByRole('button')).not.toBeInTheDocument();
    expect(within(region).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows nothing when the data opened cleanly', async () => {
    const fake = renderReport({ corrupt: [], migrated: [] });
    await vi.waitFor(() => expect(fake.calls.map((call) => call.name)).toContain('system.info'));
    expect(screen.queryByRole('region', { name: 'Data problems' })).not.toBeInTheDocument();
  });
});
