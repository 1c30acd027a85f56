import { dialog } from '../electron-mock';
import { electronOpenDialog, electronOpenFilesDialog, electronSaveDialog } from '../../../src-main/electron/dialogs';

describe('the export save dialog', () => {
  it('returns the chosen path, offering the export file name', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/ana/cases.json' });
    expect(await electronSaveDialog(() => null)('response-desk-export-2026-11-26.json')).toBe('/home/ana/cases.json');
    expect(dialog.showSaveDialog).toHaveBeenLastCalledWith(expect.objectContaining({ defaultPath: 'response-desk-export-2026-11-26.json' }));
  });

  it('returns nothing when the engineer cancels', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await electronSaveDialog(() => null)('x.json')).toBeUndefined();
  });
});

describe('the import open dialog', () => {
  it('returns the one chosen file', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/ana/export.json'] });
    expect(await electronOpenDialog(() => null)()).toBe('/home/ana/export.json');
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(expect.objectContaining({ properties: ['openFile'] }));
  });

  it('returns nothing when the engineer cancels', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await electronOpenDialog(() => null)()).toBeUndefined();
  });
});

describe('the service desk import open dialog', () => {
  const ask = { title: 'Import from Zendesk or Jira', filters: [{ name: 'Zendesk JSON or Jira CSV export', extensions: ['json', 'csv'] }] };

  it('returns every chosen file, several at once', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/ana/tickets.json', '/home/ana/users.json'] });
    expect(await electronOpenFilesDialog(() => null)(ask)).toEqual(['/home/ana/tickets.json', '/home/ana/users.json']);
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith({ title: ask.title, filters: ask.filters, properties: ['openFile', 'multiSelections'] });
  });

  it('returns nothing when the engineer cancels', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await electronOpenFilesDialog(() => null)(ask)).toBeUndefined();
  });
});
