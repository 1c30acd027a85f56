import { BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
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
 * The Electron side of review exports: PDF through Chromium's printToPDF in a hidden window
 * that runs no script, and the native save dialog.
 */
export function createElectronReviewExport(deps: ElectronReviewExportDeps): ReviewExportPort {
  return {
    async printToPdf(html) {
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
      try {
        await window.webContents.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
        return new Uint8Array(pdf);
      } finally {
        window.destroy();
      }
    },
    async chooseSavePath(defaultName, format) {
      const parent = deps.parent();
      const options = { title: 'Save the review', defaultPath: defaultName, filters: [FILTERS[format]] };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async writeFile(path, data) {
      await writeFile(path, data);
    },
  };
}
