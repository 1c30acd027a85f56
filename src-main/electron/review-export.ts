import { BrowserWindow, dialog } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReviewExportPort } from '../core/reviews';

const FILTERS: Record<'md' | 'html' | 'pdf', { name: string; extensions: string[] }> = {
  md: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'HTML document', extensions: ['html'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
};

export interface ElectronReviewExportDeps {
  /** The window the save dialog belongs to. */
  readonly parent: () => BrowserWindow | null;
}

/**
 * The Electron side of review and report exports: PDF through Chromium's printToPDF in a
 * hidden window that runs no script, and the native save dialog.
 */
export function createElectronReviewExport(deps: ElectronReviewExportDeps): ReviewExportPort {
  return {
    async printToPdf(html, options = {}) {
      // Kept literal (as in main-window.ts) so static checks see it; the page only needs to render.
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          webviewTag: false,
          experimentalFeatures: false,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      // From a private temporary file, not a data: URL: Chromium refuses data: URLs over 2 MB,
      // which a review with images or thousands of timeline rows exceeds.
      const folder = await mkdtemp(join(tmpdir(), 'response-desk-print-'));
      try {
        const page = join(folder, 'review.html');
        await writeFile(page, html, { mode: 0o600 });
        await window.webContents.loadURL(pathToFileURL(page).toString());
        const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4', ...(options.landscape ? { landscape: true } : {}) });
        return new Uint8Array(pdf);
      } finally {
        window.destroy();
        await rm(folder, { recursive: true, force: true });
      }
    },
    async chooseSavePath(defaultName, format, title = 'Save the review') {
      const parent = deps.parent();
      const options = { title, defaultPath: defaultName, filters: [FILTERS[format]] };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async writeFile(path, data) {
      await writeFile(path, data);
    },
  };
}
