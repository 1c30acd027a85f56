import { access, mkdtemp, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow, DATA_URL_LIMIT, dialog } from '../electron-mock';
import { createElectronReviewExport } from '../../../src-main/electron/review-export';

describe('the Electron review export adapter', () => {
  beforeEach(() => {
    BrowserWindow.created.length = 0;
    dialog.showSaveDialog.mockReset();
  });

  it('prints the page to PDF in a hidden window that runs no script, then destroys it', async () => {
    const port = createElectronReviewExport({ parent: () => null });
    const pdf = await port.printToPdf('<!doctype html><h1>Review</h1>');
    const [window] = BrowserWindow.created;
    expect(window?.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(window?.webContents.loadURL).toHaveBeenCalledWith(expect.stringMatching(/^file:\/\/.*review\.html$/));
    expect(window?.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4' });
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 mock');
    expect(window?.destroy).toHaveBeenCalled();
  });

  it('prints a review larger than the 2 MB Chromium allows a data: URL, from a temporary file it then removes', async () => {
    const big = `<!doctype html><h1>Review</h1>${'<p>A timeline row with enough words to add up.</p>'.repeat(60_000)}`;
    expect(encodeURIComponent(big).length).toBeGreaterThan(DATA_URL_LIMIT);
    const pdf = await createElectronReviewExport({ parent: () => null }).printToPdf(big);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 mock');
    const url = BrowserWindow.created[0]?.webContents.getURL() ?? '';
    expect(url).toMatch(/^file:/);
    await expect(access(fileURLToPath(url))).rejects.toThrow(/ENOENT/);
  });

  it('destroys the hidden window even when printing fails', async () => {
    const port = createElectronReviewExport({ parent: () => null });
    const printing = port.printToPdf('<p>x</p>');
    const [window] = BrowserWindow.created;
    window?.webContents.printToPDF.mockRejectedValueOnce(new Error('printing failed'));
    await expect(printing).rejects.toThrow('printing failed');
    expect(window?.destroy).toHaveBeenCalled();
  });

  it('asks where to save with a filter for the format, attached to the console window', async () => {
    const parent = { title: 'Response Desk' };
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/ana/RD-1001-review-r1.pdf' });
    const port = createElectronReviewExport({ parent: () => parent as never });
    expect(await port.chooseSavePath('RD-1001-review-r1.pdf', 'pdf')).toBe('/home/ana/RD-1001-review-r1.pdf');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(parent, { title: 'Save the review', defaultPath: 'RD-1001-review-r1.pdf', filters: [{ name: 'PDF document', extensions: ['pdf'] }] });
  });

  it('gives null when the engineer cancels the dialog', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    const port = createElectronReviewExport({ parent: () => null });
    expect(await port.chooseSavePath('RD-1001-review-r1.md', 'md')).toBeNull();
  });

  it('writes the chosen file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'desk-export-')), 'review.md');
    await createElectronReviewExport({ parent: () => null }).writeFile(file, '# Review\n');
    expect(await readFile(file, 'utf8')).toBe('# Review\n');
  });
});
