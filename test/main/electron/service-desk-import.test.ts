import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EVENT_CHANNEL, type Result } from '../../../src-shared/contract';
import { useCompositionRoot } from './composition-root';

/**
 * Settings > Data > Import from Zendesk or Jira in the Electron host: the open dialog in the
 * main process, the file ids through the one IPC gate, the progress pushed to the page.
 */
// Each import snapshots and rewrites the data folder: a limit for hangs on a loaded machine, not for speed.
vi.setConfig({ testTimeout: 30_000 });

const FIXTURES = join(__dirname, '../../fixtures/import');
const root = useCompositionRoot('desk-electron-import-');

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

type Chosen = { kind: 'chosen'; files: Array<{ id: string; name: string; bytes: number }> } | { kind: 'cancelled' };

describe('importing a service desk export in the Electron host', () => {
  it('asks for the files with the main window as parent, previews and imports them through the gate, and pushes the progress to the page', async () => {
    const window = await root.launch();
    const tickets = join(FIXTURES, 'zendesk-tickets.json');
    const audits = join(FIXTURES, 'zendesk-audits.json');
    root.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [tickets, audits] });
    const chosen = value(await root.request<Chosen>(window, 'data.chooseServiceDeskFiles', {}));
    expect(root.electron.dialog.showOpenDialog).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        title: 'Import from Zendesk or Jira',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Zendesk JSON or Jira CSV export', extensions: ['json', 'jsonl', 'ndjson', 'csv'] }],
      }),
    );
    if (chosen.kind !== 'chosen') throw new Error('the files were not chosen');
    // The page gets ids, names and sizes: never a path.
    expect(chosen.files.map((file) => file.name)).toEqual(['zendesk-tickets.json', 'zendesk-audits.json']);
    expect(JSON.stringify(chosen)).not.toContain(FIXTURES);

    const input = { source: 'zendesk', files: chosen.files.map((file) => file.id), mapping: { defaultPlan: 'standard', planRules: [{ customer: 'Acme Corp', plan: 'premium' }] } };
    const preview = value(await root.request<{ created: number; skipped: number }>(window, 'data.previewServiceDesk', input));
    expect(preview).toMatchObject({ created: 5, skipped: 2 });
    expect(await readdir(join(root.dir, 'active'))).toEqual([]);

    const done = value(await root.request<{ created: number; message: string }>(window, 'data.importServiceDesk', input));
    expect(done.message).toMatch(/^Imported 5 cases \(2 skipped, 0 already present\)/);
    const cases = value(await root.request<Array<{ id: string }>>(window, 'cases.list', {}));
    expect(cases.length).toBeGreaterThanOrEqual(3);
    const progress = window.webContents.delivered.filter((message) => message.channel === EVENT_CHANNEL && message.args[0] === 'data.importProgress').map((message) => message.args[1]);
    expect(progress).toContainEqual(expect.objectContaining({ phase: 'reading' }));
    expect(progress.at(-1)).toMatchObject({ phase: 'writing' });
    const last = progress.at(-1) as { done: number; total: number };
    expect(last.done).toBe(last.total);

    // Imported: the ids are spent; the page must choose again.
    const again = await root.request(window, 'data.importServiceDesk', input);
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('a cancelled dialog chooses nothing', async () => {
    const window = await root.launch();
    root.electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(value(await root.request<Chosen>(window, 'data.chooseServiceDeskFiles', {}))).toEqual({ kind: 'cancelled' });
  });

  it('the gate refuses a file id the console never handed out and a mapping that is not one, before any file is read', async () => {
    const window = await root.launch();
    const bad = await root.request(window, 'data.previewServiceDesk', { source: 'zendesk', files: ['/etc/passwd'], mapping: { defaultPlan: 'standard' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [expect.objectContaining({ path: 'files.0' })] } });
    const unknown = await root.request(window, 'data.importServiceDesk', { source: 'zendesk', files: ['5b0d6a8e-1c2f-4f7e-9a55-2f1d7e3c9b10'], mapping: { defaultPlan: 'standard' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the Electron host and console.lock', () => {
  it('does not start on a data folder another process holds: it says which, in a dialog, and opens no data file', async () => {
    // The test runner's parent stands in for a console that is running on the folder.
    await writeFile(join(root.dir, 'console.lock'), JSON.stringify({ pid: process.ppid, host: 'browser' }));
    await import('../../../src-main/index');
    await vi.waitFor(() => expect(root.electron.app.exit).toHaveBeenCalledWith(1), { timeout: 5000 });
    expect(root.electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Response Desk could not start',
      expect.stringContaining(`cannot open the data folder ${root.dir}: the browser console (process ${process.ppid}) is using it; close that first.`),
    );
    expect(root.electron.BrowserWindow.created).toHaveLength(0);
    expect((await readdir(root.dir)).filter((name) => name !== 'startup.log')).toEqual(['console.lock']);
  });

  it('holds the folder while it runs and lets it go when it quits', async () => {
    await root.launch();
    const { consoleHolding } = await import('../../../src-main/core/console-lock');
    expect(await consoleHolding(root.dir)).toEqual({ pid: process.pid, host: 'electron' });
    root.electron.app.emit('will-quit', { preventDefault: () => undefined });
    await vi.waitFor(() => expect(root.electron.app.exit).toHaveBeenCalledWith(0), { timeout: 5000 });
    expect(await readdir(root.dir)).not.toContain('console.lock');
  });
});
