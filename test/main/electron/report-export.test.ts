import { mkdtemp, readFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, dialog, finishLoads, ipcMain, mockEnv, MockWebContents } from '../electron-mock';
import { REQUEST_CHANNEL, type Result } from '../../../src-shared/contract';
import { createCore } from '../../../src-main/core/core';
import { createManualClock } from '../../../src-main/core/testing/manual-clock';
import { createMemoryCaseStore, createMemoryDocument } from '../../../src-main/core/testing/memory-store';
import { createMemoryReviewStore } from '../../../src-main/core/testing/memory-review-store';
import { createElectronReviewExport } from '../../../src-main/electron/review-export';
import { registerGate } from '../../../src-main/electron/ipc-gate';
import { DEFAULT_SETTINGS } from '../../../src-shared/settings';

const OWN_URL = 'file:///app/out/renderer/index.html';
const QUERY = { period: { kind: 'custom', from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' }, groupBy: 'severity' } as const;

/** The desktop core with one Premium P1 logged, behind the one IPC gate, with Electron's export adapter. */
async function desktop(options: { electron?: boolean } = {}) {
  ipcMain.handlers.clear();
  BrowserWindow.created.length = 0;
  dialog.showSaveDialog.mockReset();
  const parent = { title: 'Response Desk' };
  const core = await createCore({
    host: options.electron === false ? 'browser' : 'electron',
    version: 't',
    dataDir: '/tmp/x',
    clock: createManualClock('2026-11-26T10:00:00.000Z'),
    store: createMemoryCaseStore(),
    settingsFile: createMemoryDocument({ ...DEFAULT_SETTINGS, engineerName: 'Ana' }),
    reviewStore: createMemoryReviewStore(),
    ...(options.electron === false ? {} : { reviewExport: createElectronReviewExport({ parent: () => parent as never }) }),
    log: { warn: () => undefined, error: () => undefined },
  });
  await core.handlers['cases.create']({ title: 'Payroll run fails', customer: 'Initech', plan: 'premium', severity: 'P1', description: '', reportedBy: '' });
  const own = new MockWebContents();
  await own.loadURL(OWN_URL);
  registerGate({ handlers: core.handlers, isOwnContents: (id) => id === own.id, isOwnUrl: (url) => url === OWN_URL, log: { warn: () => undefined, error: () => undefined } });
  const handler = ipcMain.handlers.get(REQUEST_CHANNEL)!;
  const invoke = (name: string, input: unknown) => handler({ sender: own, senderFrame: own.mainFrame }, name, input) as unknown as Promise<Result<unknown>>;
  const folder = await mkdtemp(join(tmpdir(), 'desk-report-export-'));
  return { core, invoke, parent, folder };
}

describe('a report saved from the desktop console', () => {
  afterEach(() => finishLoads());

  it('prints the report page to a landscape PDF in a hidden window that runs no script, and writes it where the engineer chose', async () => {
    const { invoke, parent, folder } = await desktop();
    const path = join(folder, 'report.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    // the page is held loading, so the file it is printed from can be read before it is removed
    mockEnv.holdLoads = true;
    const saving = invoke('reports.saveExport', { ...QUERY, format: 'pdf' });
    await vi.waitFor(() => expect(BrowserWindow.created[0]?.webContents.loadURL).toHaveBeenCalled());
    const window = BrowserWindow.created[0]!;
    const page = fileURLToPath(window.webContents.getURL());
    const printed = await readFile(page, 'utf8');
    expect(printed).toContain('<h1>Report</h1>');
    expect(printed).toContain('grouped by severity');
    expect(printed).toContain('<h2>By severity</h2>');
    expect(printed).not.toMatch(/<script/i);
    finishLoads();

    expect(await saving).toEqual({ ok: true, value: { savedTo: path } });
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(parent, { title: 'Save the report', defaultPath: 'report-2026-11-23-2026-11-30.pdf', filters: [{ name: 'PDF document', extensions: ['pdf'] }] });
    expect(window.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({ printBackground: true, pageSize: 'A4', landscape: true });
    expect(await readFile(path, 'utf8')).toBe('%PDF-1.7 mock');
    expect(window.destroy).toHaveBeenCalled();
    await expect(access(page)).rejects.toThrow(/ENOENT/);
  });

  it('saves the same page as HTML, the new case counted in its severity', async () => {
    const { invoke, folder } = await desktop();
    const path = join(folder, 'report.html');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path });
    expect(await invoke('reports.saveExport', { ...QUERY, format: 'html' })).toEqual({ ok: true, value: { savedTo: path } });
    const html = await readFile(path, 'utf8');
    expect(html).toMatch(/<tr><td>P1<\/td><td>1<\/td><td>0<\/td>/);
    expect(BrowserWindow.created).toHaveLength(0);
  });

  it('writes nothing when the engineer cancels the dialog', async () => {
    const { invoke } = await desktop();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    expect(await invoke('reports.saveExport', { ...QUERY, format: 'pdf' })).toEqual({ ok: true, value: { savedTo: null } });
    expect(BrowserWindow.created).toHaveLength(0);
  });

  it('the gate refuses a format it does not know, naming the field, before any dialog opens', async () => {
    const { invoke } = await desktop();
    expect(await invoke('reports.saveExport', { ...QUERY, format: 'docx' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'format', message: 'format is html or pdf' }] } });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('is the desktop console\'s: the browser host says how to save a report there', async () => {
    const { invoke } = await desktop({ electron: false });
    expect(await invoke('reports.saveExport', { ...QUERY, format: 'pdf' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('in the browser, Export HTML downloads it and Print makes the PDF') } });
  });
});
